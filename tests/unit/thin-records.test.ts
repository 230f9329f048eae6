import { describe, expect, it } from 'vitest';
import { MIN_ACCOUNT_WORDS, thinRecordWarnings } from '../../src/validate/thin-records.ts';

const FILE = 'content/incidents/2024-01-example.mdx';
const summary = 'A deploy script removed the production database of an example service, which was restored from backup after six hours.';
const source = (id: string, kind: string) => ({ id, title: id, publisher: 'Example', url: `https://example.com/${id}`, kind }) as never;
const text = (body: string) => `---\ntitle: Example\nsummary: ${summary}\nsources:\n  - id: a\n---\n${body}\n`;
const fresh = Array.from({ length: MIN_ACCOUNT_WORDS + 10 }, (_, i) => `word${i}`).join(' ');

describe('warnings about thin published records', () => {
  it('warns when the account only repeats the summary, at the summary line', () => {
    const warnings = thinRecordWarnings(FILE, text(`## What happened\n\n${summary}`), { status: 'published', summary, sources: [source('a', 'postmortem'), source('b', 'news')] });
    expect(warnings).toEqual([{ file: FILE, line: 3, column: 1, field: 'body', message: expect.stringMatching(/^warning: the account adds only 2 words/) }]);
  });

  it('warns on a single source and on no primary source, at the sources line', () => {
    const warnings = thinRecordWarnings(FILE, text(fresh), { status: 'published', summary, sources: [source('a', 'news')] });
    expect(warnings.map((w) => [w.line, w.field, w.message.split(';')[0]])).toEqual([
      [4, 'sources', 'warning: a single source'],
      [4, 'sources', 'warning: no primary source (postmortem, statement, regulator, first-hand)'],
    ]);
  });

  it('says nothing about a full record, nor about drafts', () => {
    expect(thinRecordWarnings(FILE, text(fresh), { status: 'published', summary, sources: [source('a', 'statement'), source('b', 'news')] })).toEqual([]);
    expect(thinRecordWarnings(FILE, text(''), { status: 'draft', summary, sources: [source('a', 'news')] })).toEqual([]);
  });
});
