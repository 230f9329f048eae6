import { describe, expect, it } from 'vitest';
import { checkRedirects, readRedirects, redirectRoutes } from '../../src/validate/redirects.ts';
import { FIXTURE_ROOT } from '../support/corpus.ts';

const records = new Set(['2024-03-new-name', '2023-01-other']);

describe('redirects for renamed records', () => {
  it('reads the fixture file and maps old URLs to new ones', () => {
    const { redirects, problems } = readRedirects(FIXTURE_ROOT);
    expect(problems).toEqual([]);
    expect(redirectRoutes(redirects)).toEqual({ '/incidents/2024-03-example-agent-incident/': '/incidents/2024-03-example-agent-deletion/' });
  });

  it('accepts a rename to a live record', () => {
    expect(checkRedirects([{ from: '2024-03-old-name', to: '2024-03-new-name' }], records)).toEqual([]);
  });

  it.each([
    [[{ from: '2023-01-other', to: '2024-03-new-name' }], /live record/],
    [[{ from: '2024-03-old-name', to: '2024-03-missing' }], /not a record/],
    [[{ from: 'a-old', to: '2024-03-new-name' }, { from: 'a-old', to: '2023-01-other' }], /redirected twice/],
    [[{ from: 'a-old', to: 'b-old' }, { from: 'b-old', to: '2024-03-new-name' }], /itself redirected/],
  ])('refuses %j', (redirects, message) => {
    const problems = checkRedirects(redirects, records);
    expect(problems.some((p) => message.test(p.message)), JSON.stringify(problems)).toBe(true);
  });
});
