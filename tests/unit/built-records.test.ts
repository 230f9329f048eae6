import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { handedOverRecords, handOverRecords, incidentEntry } from '../../src/build/built-records.ts';
import { readCorpus } from '../../src/validate/corpus.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const cache = mkdtempSync(join(tmpdir(), 'atlas-built-records-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('the records a build hands from the content loader to the pages', () => {
  it('arrive as the loader left them, every field of every real record', async () => {
    const corpus = await readCorpus({ root: ROOT, render: true });
    expect(corpus.diagnostics).toEqual([]);
    const entries = corpus.incidents.map((incident) => incidentEntry({ ...incident, rendered: incident.rendered! }));
    expect(entries.length).toBeGreaterThan(100);
    const variable = 'INCIDENT_ATLAS_BUILT_RECORDS';
    const before = process.env[variable];
    try {
      delete process.env[variable];
      expect(handedOverRecords()).toBeUndefined();
      handOverRecords(pathToFileURL(join(cache, 'fresh', 'folder')), entries);
      expect(handedOverRecords()).toStrictEqual(entries);
    } finally {
      if (before === undefined) delete process.env[variable];
      else process.env[variable] = before;
    }
  });
});
