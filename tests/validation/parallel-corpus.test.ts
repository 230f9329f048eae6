import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticRecord, vocabularyOf } from '../../scripts/bench/synthetic.ts';
import { loadCorpus, loadCorpusInParallel } from '../../src/validate/corpus.ts';
import { FIXTURE_ROOT, TEST_NOW } from '../support/corpus.ts';

const HOSTILE = join(import.meta.dirname, '..', 'fixtures', 'hostile');

describe('checking records on worker threads', () => {
  // A corpus with sound synthetic records, every hostile fixture, and a record whose only fault is a cross-reference.
  const root = mkdtempSync(join(tmpdir(), 'atlas-parallel-'));
  cpSync(join(FIXTURE_ROOT, 'content'), join(root, 'content'), { recursive: true });
  const vocabulary = vocabularyOf(loadCorpus({ root: FIXTURE_ROOT, now: () => TEST_NOW }));
  for (let i = 0; i < 40; i++) {
    const { id, text } = syntheticRecord(i, vocabulary);
    writeFileSync(join(root, 'content', 'incidents', `${id}.mdx`), i === 7 ? text.replace('{ id: example-', '{ id: exampel-') : text);
  }
  for (const name of readdirSync(HOSTILE)) writeFileSync(join(root, 'content', 'incidents', name), readFileSync(join(HOSTILE, name)));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds exactly what the single-threaded check finds, at the same lines', async () => {
    const single = loadCorpus({ root, now: () => TEST_NOW, keepTrees: false });
    const parallel = await loadCorpusInParallel({ root, now: () => TEST_NOW, threads: 3 });
    expect(single.diagnostics.length).toBeGreaterThan(70);
    expect(single.diagnostics.some((d) => d.message.startsWith('unknown organization "exampel-'))).toBe(true);
    expect(parallel.diagnostics).toEqual(single.diagnostics);
    expect(parallel.files).toEqual(single.files);
    expect(parallel.incidents.map((i) => [i.id, i.data])).toEqual(single.incidents.map((i) => [i.id, i.data]));
  });
});
