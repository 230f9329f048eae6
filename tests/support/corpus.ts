import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus, type Corpus } from '../../src/validate/corpus.ts';

export const FIXTURE_ROOT = join(import.meta.dirname, '..', 'fixtures', 'corpus');
export const FIXTURE_RECORD = join(FIXTURE_ROOT, 'content', 'incidents', '2024-03-example-agent-deletion.mdx');
/** "Now" for the tests: fixed, so future-date checks do not drift. */
export const TEST_NOW = Date.UTC(2026, 11, 4);

/** Reads the valid fixture record's text. */
export function fixtureRecordText(): string {
  return readFileSync(FIXTURE_RECORD, 'utf8');
}

/**
 * Loads a copy of a corpus with extra record files added (name → text), as `npm run validate`
 * would see it. Runs in a temporary folder so fixtures are never modified.
 */
export function loadWithRecords(records: Record<string, string | Buffer>, root = FIXTURE_ROOT): Corpus {
  const copy = mkdtempSync(join(tmpdir(), 'atlas-corpus-'));
  try {
    cpSync(join(root, 'content'), join(copy, 'content'), { recursive: true });
    for (const [name, text] of Object.entries(records)) writeFileSync(join(copy, 'content', 'incidents', name), text);
    return loadCorpus({ root: copy, now: () => TEST_NOW });
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
