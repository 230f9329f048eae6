import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadCorpusInParallel, type Corpus } from '../../src/validate/corpus.ts';
import { MIN_ACCOUNT_WORDS, thinRecordWarnings } from '../../src/validate/thin-records.ts';
import { FIXTURE_ROOT, fixtureRecordText, TEST_NOW } from '../support/corpus.ts';

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

describe('thin-record warnings found while the corpus is read', () => {
  // The fixture record with an account too short to add anything to its summary.
  const thin = fixtureRecordText().replace(/\n---\n[\s\S]*$/, '\n---\n## What happened\n\nToo short. <Cite ids="operator-postmortem news-report analysis" />\n');

  it('are those of the record read on its own, in one pass and on worker threads alike', async () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-thin-'));
    try {
      cpSync(join(FIXTURE_ROOT, 'content'), join(root, 'content'), { recursive: true });
      writeFileSync(join(root, 'content', 'incidents', '2024-04-thin-example.mdx'), thin);
      const serial = loadCorpus({ root, now: () => TEST_NOW });
      const parallel = await loadCorpusInParallel({ root, now: () => TEST_NOW, threads: 2 });
      expect(serial.diagnostics).toEqual([]);
      const warned = (corpus: Corpus) => corpus.incidents.map((incident) => [incident.id, incident.warnings ?? []]);
      const onItsOwn = (corpus: Corpus) => corpus.incidents.map((incident) => [incident.id, thinRecordWarnings(incident.file, readFileSync(join(root, incident.file), 'utf8'), incident.data)]);
      expect(serial.incidents.find((incident) => incident.id === '2024-04-thin-example')?.warnings?.map((w) => w.field)).toEqual(['body']);
      expect(warned(serial)).toEqual(onItsOwn(serial));
      expect(warned(parallel)).toEqual(warned(serial));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
