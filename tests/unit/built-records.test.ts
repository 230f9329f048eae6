import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handedOverRecords, handOverRecords, incidentEntry } from '../../src/build/built-records.ts';
import { readCorpus } from '../../src/validate/corpus.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the records the content loader hands to the pages', () => {
  it('are none until the loader has run, then every real record as the loader left it', async () => {
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('incident-atlas.handed-over-records')];
    expect(handedOverRecords()).toBeUndefined();
    const corpus = await readCorpus({ root: ROOT, render: true });
    expect(corpus.diagnostics).toEqual([]);
    const entries = corpus.incidents.map((incident) => incidentEntry({ ...incident, rendered: incident.rendered! }));
    expect(entries.length).toBeGreaterThan(100);
    handOverRecords(entries);
    const received = handedOverRecords()!;
    expect(received).toStrictEqual(entries);
    // Each caller gets its own list: one page sorting or filtering it cannot reorder another's.
    received.reverse();
    expect(handedOverRecords()![0]).toBe(entries[0]);
  });

  it('keep what the pages need of each record: its id, file, fields and rendered body', async () => {
    const corpus = await readCorpus({ root: ROOT, render: true });
    const record = corpus.incidents.find((incident) => incident.id === '2025-12-aws-cost-explorer-kiro')!;
    const entry = incidentEntry({ ...record, rendered: record.rendered! });
    expect(entry).toMatchObject({ id: record.id, collection: 'incidents', filePath: record.file, data: { ...record.data, file: record.file } });
    expect(entry.rendered?.html).toBe(record.rendered!.html);
    expect(entry.rendered?.metadata?.citations).toEqual(record.rendered!.citations);
  });
});
