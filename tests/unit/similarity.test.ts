import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../src/lib/analysis/patterns.ts';
import { describeShared, featuresOf, relatedFinder, relatedIncidents } from '../../src/lib/analysis/similarity.ts';
import { INVOLVEMENT_LABELS } from '../../src/lib/record/labels.ts';
import { fixtureCollection } from '../support/collection.ts';

const records = fixtureCollection();

describe('related incidents on the fixture collection', () => {
  const related = relatedIncidents(records);
  const summary = (id: string) => related.get(id)!.map((r) => [r.id, r.listed ?? 'computed']);

  it('relates records that share at least two features, strongest first', () => {
    expect(summary('a-agent-2024')).toEqual([['b-agent-2024', 'computed']]);
    expect(summary('b-agent-2024')).toEqual([['a-agent-2024', 'computed'], ['d-tooling-2022', 'computed']]);
    expect(summary('e-assisted-2025')).toEqual([]);
  });

  it('puts listed links first, in both directions, even when little is shared', () => {
    expect(summary('d-tooling-2022')).toEqual([['c-operator-2022', 'here'], ['b-agent-2024', 'computed']]);
    expect(summary('c-operator-2022')).toEqual([['d-tooling-2022', 'there']]);
  });

  it('says what is shared', () => {
    const ab = related.get('a-agent-2024')![0]!;
    expect(ab.shared.causes.sort()).toEqual(['agent-destructive-action', 'excess-privilege']);
    expect(ab.shared.safeguards).toEqual(expect.arrayContaining([{ kind: 'human-approval', status: 'bypassed' }, { kind: 'least-privilege', status: 'added' }]));
    expect(ab.shared.safeguards).toHaveLength(2);
    expect(ab.shared.involvement).toBe('agent');
    const bd = related.get('b-agent-2024')![1]!;
    expect(bd.shared).toEqual({ causes: ['inadequate-backup'], safeguards: [{ kind: 'backup-restore', status: 'failed' }] });
    expect(ab.score).toBeGreaterThan(bd.score);
  });

  it('is symmetric for computed links', () => {
    for (const [id, list] of related) {
      for (const other of list.filter((r) => !r.listed)) expect(related.get(other.id)!.map((r) => r.id), `${id} → ${other.id}`).toContain(id);
    }
  });

  it('describes the reason in words', () => {
    const names = { causes: new Map([['excess-privilege', 'Excess privilege']]), safeguards: new Map([['human-approval', 'Human approval'], ['least-privilege', 'Least privilege'], ['rollback', 'Rollback to last known good']]), involvement: INVOLVEMENT_LABELS };
    expect(describeShared({ causes: ['excess-privilege'], safeguards: [{ kind: 'human-approval', status: 'bypassed' }], involvement: 'agent' }, names))
      .toBe('Also excess privilege, with an AI agent acting; in both, human approval was bypassed');
    expect(describeShared({ causes: [], safeguards: [] }, names)).toBe('');
    expect(describeShared({ causes: ['excess-privilege', 'other-cause'], safeguards: [{ kind: 'human-approval', status: 'held' }] }, names, 2))
      .toBe('Also excess privilege and other-cause; and 1 more in common');
    expect(describeShared({ causes: [], safeguards: [{ kind: 'human-approval', status: 'failed' }, { kind: 'least-privilege', status: 'failed' }, { kind: 'rollback', status: 'added' }] }, names))
      .toBe('In both, human approval and least privilege failed and rollback to last known good was added afterwards');
  });

  it('ignores recommendations and the absence of automation', () => {
    expect(featuresOf(records[4]!).sort()).toEqual(['a:assisted', 'c:excess-privilege', 's:least-privilege:failed']);
    expect(featuresOf(records[2]!).some((f) => f.startsWith('a:'))).toBe(false);
  });
});

/** A deterministic pseudo-random generator, so the synthetic collections are the same every run. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

/** Synthetic records with skewed feature frequencies (some causes common, most rare), as real data has. */
function synthetic(count: number, seed = 7): IncidentRecord[] {
  const next = random(seed);
  const base = records[0]!.data;
  const pick = (n: number) => Math.floor(next() ** 2 * n);
  const statuses = ['held', 'failed', 'bypassed', 'absent', 'added'] as const;
  const involvements = ['tooling', 'assisted', 'agent'] as const;
  return Array.from({ length: count }, (_, i) => ({
    id: `r-${String(i).padStart(5, '0')}`,
    data: {
      ...base,
      automation: next() < 0.2 ? undefined : { involvement: involvements[pick(3)]! },
      cause: { ...base.cause, categories: Array.from({ length: 1 + pick(4) }, () => `cause-${pick(15)}`) },
      safeguards: Array.from({ length: pick(8) }, () => ({ kind: `kind-${pick(23)}`, status: statuses[pick(5)]!, description: 'x', sources: ['operator-postmortem'] })),
      related: undefined,
    },
  }));
}

/** The exact top-k by brute force over every pair, for checking the index. */
function bruteForce(collection: IncidentRecord[], id: string, limit: number): string[] {
  const features = new Map(collection.map((r) => [r.id, new Set(featuresOf(r))]));
  const df = new Map<string, number>();
  for (const set of features.values()) for (const f of set) df.set(f, (df.get(f) ?? 0) + 1);
  const own = features.get(id)!;
  return collection
    .filter((r) => r.id !== id)
    .map((r) => {
      const shared = [...own].filter((f) => features.get(r.id)!.has(f));
      return { id: r.id, shared: shared.length, score: shared.reduce((sum, f) => sum + Math.log(1 + collection.length / df.get(f)!), 0) };
    })
    .filter((r) => r.shared >= 2)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((r) => r.id);
}

describe('related incidents at scale', () => {
  it('are the same one record at a time, in any order, as all at once', () => {
    const collection = synthetic(400, 5);
    const all = relatedIncidents(collection);
    const relatedOf = relatedFinder(collection);
    // Backwards and skipping about: the index keeps no state from one record's search to the next.
    const order = collection.map((_, i) => (i * 151) % collection.length).reverse();
    for (const i of order) expect(relatedOf(collection[i]!.id), collection[i]!.id).toEqual(all.get(collection[i]!.id));
    expect(relatedOf('no-such-record')).toEqual([]);
  });


  it('matches a brute-force ranking when the candidate budget covers the collection', () => {
    const collection = synthetic(400, 3);
    const related = relatedIncidents(collection, { candidateBudget: 400 });
    for (const record of collection.filter((_, i) => i % 37 === 0)) {
      const ids = related.get(record.id)!.map((r) => r.id);
      const expected = bruteForce(collection, record.id, 5);
      expect(ids.length).toBe(expected.length);
      // Equal scores may tie in a different order only if floating-point sums differ in the last bit.
      ids.forEach((id, k) => {
        const score = related.get(record.id)![k]!.score;
        expect(id === expected[k] || Math.abs(score - related.get(record.id)!.find((r) => r.id === expected[k])!.score) < 1e-9, `${record.id} #${k}`).toBe(true);
      });
    }
  });

  it('relates 10,000 records quickly, keeping at most five computed neighbours each', () => {
    const collection = synthetic(10_000);
    // Processor time rather than wall time, so a busy machine does not fail the test.
    const started = process.cpuUsage();
    const related = relatedIncidents(collection);
    const elapsed = process.cpuUsage(started).user / 1000;
    expect(related.size).toBe(10_000);
    expect(Math.max(...[...related.values()].map((list) => list.length))).toBeLessThanOrEqual(5);
    expect([...related.values()].filter((list) => list.length > 0).length).toBeGreaterThan(9_000);
    // About 0.6 s of processor time here; comparing every pair would be 50 million comparisons.
    expect(elapsed).toBeLessThan(6_000);
  });
});
