import { describe, expect, it } from 'vitest';
import { IncidentFieldsSchema } from '../../src/schema/incident-fields.ts';
import { OrganizationSchema } from '../../src/schema/organization.ts';
import { HttpUrlSchema, KebabIdSchema, PartialDateSchema, DurationSchema } from '../../src/schema/primitives.ts';
import { TaxonomySchema } from '../../src/schema/taxonomy.ts';
import { validData } from '../support/record.ts';

const issuesAt = (data: unknown) => {
  const result = IncidentFieldsSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('field schemas', () => {
  it('accepts the valid fixture', () => {
    expect(issuesAt(validData())).toEqual([]);
  });

  it.each([
    ['kebab ids', KebabIdSchema, ['aws', 'gitlab-2017', 'a1-b2'], ['AWS', 'a_b', 'a--b', '-a', 'a-', '']],
    ['partial dates', PartialDateSchema, [2025, '2025', '2025-12', '2024-02-29', '2025-12-15T09:47Z', '2025-12-15T09:47:30-08:00'], ['2025-13', '2023-02-29', '2025-12-15T09:47', '2025-12-15T25:00Z', '15/12/2025', '2025-12-15 09:47Z', 20251]],
    ['durations', DurationSchema, ['PT13H', 'PT2H30M', 'P1DT4H', 'P2W', 'PT45S'], ['13h', 'P1Y', 'P', 'PT', 'P1M', '']],
    ['http(s) URLs', HttpUrlSchema, ['https://aws.amazon.com/message/41926/', 'http://example.org/a?b=c'], ['javascript:alert(1)', 'data:text/html,x', 'ftp://example.org/', '//example.org', '/relative', 'https://']],
  ])('%s accept good values and reject bad ones', (_name, schema, good, bad) => {
    for (const value of good) expect(schema.safeParse(value).success, String(value)).toBe(true);
    for (const value of bad) expect(schema.safeParse(value).success, String(value)).toBe(false);
  });

  it('is strict at every level: unknown keys are errors where they stand', () => {
    const data = validData();
    data.colour = 'red';
    data.impact.cost = 5;
    data.timeline[1].note = 'x';
    data.sources[0].author = 'x';
    data.claims[0].asserted_by[0].extra = true;
    expect(issuesAt(data)).toEqual(expect.arrayContaining(['', 'impact', 'timeline.1', 'sources.0', 'claims.0.asserted_by.0']));
  });

  it.each([
    ['title', (d: any) => (d.title = 'x'.repeat(141))],
    ['summary', (d: any) => (d.summary = 'too short')],
    ['status', (d: any) => (d.status = 'live')],
    ['organizations.0.role', (d: any) => (d.organizations[0].role = 'owner')],
    ['impact.severity', (d: any) => (d.impact.severity = 'extreme')],
    ['impact.data_loss', (d: any) => (d.impact.data_loss = 'some')],
    ['impact.people_affected', (d: any) => (d.impact.people_affected = -3)],
    ['automation.involvement', (d: any) => (d.automation.involvement = 'robot')],
    ['cause.categories', (d: any) => (d.cause.categories = [])],
    ['timeline', (d: any) => (d.timeline = [])],
    ['timeline.0.kind', (d: any) => (d.timeline[0].kind = 'panic')],
    ['timeline.0.sources', (d: any) => (d.timeline[0].sources = [])],
    ['claims.0.status', (d: any) => (d.claims[0].status = 'maybe')],
    ['claims.0.asserted_by', (d: any) => (d.claims[0].asserted_by = [])],
    ['safeguards.0.status', (d: any) => (d.safeguards[0].status = 'ok')],
    ['sources', (d: any) => (d.sources = [])],
    ['sources.0.kind', (d: any) => (d.sources[0].kind = 'blog')],
    ['sources.0.url', (d: any) => (d.sources[0].url = 'javascript:alert(1)')],
    ['sources.0.archived', (d: any) => (d.sources[0].archived = 'data:text/html,x')],
    ['systems', (d: any) => (d.systems = 'one system')],
    ['claims', (d: any) => delete d.claims],
  ])('rejects a bad %s at that path', (path, mutate) => {
    const data = validData();
    mutate(data);
    expect(issuesAt(data)).toContain(path);
  });

  it('checks organization and taxonomy files strictly', () => {
    expect(OrganizationSchema.safeParse({ name: 'Example', url: 'https://example.org' }).success).toBe(true);
    expect(OrganizationSchema.safeParse({ name: 'Example', homepage: 'https://example.org' }).success).toBe(false);
    expect(OrganizationSchema.safeParse({ name: 'Example', url: 'javascript:x' }).success).toBe(false);
    expect(TaxonomySchema.safeParse([{ id: 'a-b', name: 'A', definition: 'B' }]).success).toBe(true);
    expect(TaxonomySchema.safeParse([{ id: 'a-b', name: 'A' }]).success).toBe(false);
    expect(TaxonomySchema.safeParse([]).success).toBe(false);
  });
});
