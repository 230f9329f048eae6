import { describe, expect, it } from 'vitest';
import {
  buildPatterns, causeSafeguardMatrix, durationDistribution, incidentsByCause, incidentsByInvolvement, incidentsBySeverity,
  groupProfile, incidentsPerYear, involvementProfiles, median, safeguardOutcomes, top, DEFEATED_STATUSES,
} from '../../src/lib/analysis/patterns.ts';
import { fixtureCollection, fixtureTaxonomy } from '../support/collection.ts';

const records = fixtureCollection();
const taxonomy = fixtureTaxonomy();
const H = 3_600_000;
const counts = <K>(tallies: { key: K; count: number }[]) => tallies.map(({ key, count }) => [key, count]);

describe('the fixture collection', () => {
  it('uses only ids of the fixture taxonomy', () => {
    for (const { data } of records) {
      for (const cause of data.cause.categories) expect(taxonomy.causes).toContain(cause);
      for (const { kind } of data.safeguards) expect(taxonomy.safeguards).toContain(kind);
    }
    expect(taxonomy.causes).toEqual(['agent-destructive-action', 'excess-privilege', 'operator-input', 'inadequate-backup']);
    expect(taxonomy.safeguards).toEqual(['human-approval', 'least-privilege', 'backup-restore']);
  });
});

describe('counts', () => {
  it('counts incidents per year, empty years included', () => {
    expect(counts(incidentsPerYear(records))).toEqual([[2022, 2], [2023, 0], [2024, 2], [2025, 1]]);
    expect(incidentsPerYear(records)[0]!.ids).toEqual(['c-operator-2022', 'd-tooling-2022']);
    expect(incidentsPerYear([])).toEqual([]);
  });

  it('counts a record once in each of its cause categories, in taxonomy order', () => {
    expect(counts(incidentsByCause(records, taxonomy.causes))).toEqual([
      ['agent-destructive-action', 2], ['excess-privilege', 3], ['operator-input', 2], ['inadequate-backup', 2],
    ]);
    expect(incidentsByCause(records, taxonomy.causes)[1]!.ids).toEqual(['a-agent-2024', 'b-agent-2024', 'e-assisted-2025']);
  });

  it('treats a record without automation as none', () => {
    expect(counts(incidentsByInvolvement(records))).toEqual([['none', 1], ['tooling', 1], ['assisted', 1], ['agent', 2]]);
  });

  it('counts severities lowest first', () => {
    expect(counts(incidentsBySeverity(records))).toEqual([['low', 1], ['moderate', 1], ['high', 2], ['critical', 1]]);
  });

  it('ranks the largest tallies and drops zeros', () => {
    const ranked = top(incidentsByCause(records, taxonomy.causes), 3).map((t) => t.key);
    expect(ranked).toEqual(['excess-privilege', 'agent-destructive-action', 'operator-input']);
    expect(top(incidentsPerYear(records), 10).map((t) => t.key)).toEqual([2022, 2024, 2025]);
  });
});

describe('safeguard outcomes', () => {
  it('counts incidents per kind and status, once each', () => {
    const outcomes = safeguardOutcomes(records, taxonomy.safeguards);
    expect(outcomes.map((o) => [o.kind, o.incidents])).toEqual([['human-approval', 4], ['least-privilege', 3], ['backup-restore', 3]]);
    expect(outcomes[0]!.byStatus).toEqual({ held: 1, failed: 0, bypassed: 2, absent: 1, added: 0, recommended: 0 });
    expect(outcomes[1]!.byStatus).toEqual({ held: 0, failed: 1, bypassed: 0, absent: 0, added: 2, recommended: 1 });
    expect(outcomes[2]!.byStatus).toEqual({ held: 0, failed: 2, bypassed: 0, absent: 0, added: 2, recommended: 0 });
  });

  it('leaves out kinds no record mentions', () => {
    expect(safeguardOutcomes(records.slice(2, 3), taxonomy.safeguards).map((o) => o.kind)).toEqual(['human-approval', 'backup-restore']);
  });
});

describe('cause × safeguard matrices', () => {
  it('crosses causes with safeguards that failed or were bypassed', () => {
    const matrix = causeSafeguardMatrix(records, DEFEATED_STATUSES, taxonomy.causes, taxonomy.safeguards);
    // Rows by distinct incidents: excess-privilege 3 (a, b, e), then 2 each in taxonomy order, then operator-input 1 (d).
    expect(matrix.rows).toEqual(['excess-privilege', 'agent-destructive-action', 'inadequate-backup', 'operator-input']);
    // Columns: human-approval 2 (a, b) and backup-restore 2 (b, d) in taxonomy order, then least-privilege 1 (e).
    expect(matrix.columns).toEqual(['human-approval', 'backup-restore', 'least-privilege']);
    expect(matrix.cells).toEqual([
      [['a-agent-2024', 'b-agent-2024'], ['b-agent-2024'], ['e-assisted-2025']],
      [['a-agent-2024', 'b-agent-2024'], ['b-agent-2024'], []],
      [['b-agent-2024'], ['b-agent-2024', 'd-tooling-2022'], []],
      [[], ['d-tooling-2022'], []],
    ]);
    expect(matrix.max).toBe(2);
  });

  it('crosses causes with safeguards added afterwards, dropping kinds never added', () => {
    const matrix = causeSafeguardMatrix(records, ['added'], taxonomy.causes, taxonomy.safeguards);
    // Rows: agent-destructive-action 2, excess-privilege 2, operator-input 2, inadequate-backup 2; columns: both 2.
    expect(matrix.rows).toEqual(['agent-destructive-action', 'excess-privilege', 'operator-input', 'inadequate-backup']);
    expect(matrix.columns).toEqual(['least-privilege', 'backup-restore']);
    expect(matrix.cells.map((row) => row.map((ids) => ids.length))).toEqual([[2, 0], [2, 0], [0, 2], [1, 1]]);
  });
});

describe('durations', () => {
  it('bins known lengths on the log scale and lists the unknown', () => {
    const durations = durationDistribution(records);
    expect(durations.known.map((d) => d.id)).toEqual(['c-operator-2022', 'e-assisted-2025', 'a-agent-2024', 'b-agent-2024']);
    expect(durations.unknown).toEqual(['d-tooling-2022']);
    expect(durations.median).toBe((0.75 * H + 3 * H) / 2);
    const used = durations.bins.filter((bin) => bin.ids.length).map((bin) => [bin.from! / H, bin.to! / H, bin.ids]);
    expect(used).toEqual([[1 / 6, 0.5, ['c-operator-2022']], [0.5, 1, ['e-assisted-2025']], [3, 10, ['a-agent-2024']], [24, 72, ['b-agent-2024']]]);
  });

  it('keeps the open-ended bins only when they hold something', () => {
    expect(durationDistribution(records).bins[0]!.from).toBe(10 * 60_000);
    const long = { ...records[1]!, data: { ...records[1]!.data, duration: 'P40D' } };
    const bins = durationDistribution([long]).bins;
    expect(bins.at(-1)).toEqual({ from: 30 * 24 * H, to: undefined, ids: ['b-agent-2024'] });
  });

  it('takes medians of odd and even lists', () => {
    expect(median([])).toBeUndefined();
    expect(median([1, 2, 9])).toBe(2);
    expect(median([1, 2, 4, 9])).toBe(3);
  });
});

describe('involvement profiles', () => {
  it('sets AI-agent incidents beside the others', () => {
    const profiles = involvementProfiles(records, taxonomy.causes, taxonomy.safeguards);
    expect(profiles.map((p) => [p.involvement, p.ids])).toEqual([
      ['none', ['c-operator-2022']], ['tooling', ['d-tooling-2022']], ['assisted', ['e-assisted-2025']], ['agent', ['a-agent-2024', 'b-agent-2024']],
    ]);
    const agent = profiles.at(-1)!;
    expect(agent).toMatchObject({ medianMs: (3 * H + 48 * H) / 2, critical: 1, dataLoss: 2, contested: 1 });
    expect(agent.causes.map((t) => [t.key, t.count])).toEqual([['agent-destructive-action', 2], ['excess-privilege', 2], ['inadequate-backup', 1]]);
    expect(agent.defeated.map((t) => [t.key, t.count])).toEqual([['human-approval', 2], ['backup-restore', 1]]);
    expect(profiles[1]).toMatchObject({ medianMs: undefined, critical: 0, dataLoss: 0, contested: 0 });
  });
});

describe('buildPatterns', () => {
  it('indexes incidents by cause, safeguard kind and organization', () => {
    const patterns = buildPatterns(records, taxonomy);
    expect(patterns.total).toBe(5);
    expect(patterns.contested).toEqual(['a-agent-2024']);
    expect(patterns.byCause.get('inadequate-backup')!.ids).toEqual(['b-agent-2024', 'd-tooling-2022']);
    expect(patterns.bySafeguard.get('least-privilege')!.ids).toEqual(['a-agent-2024', 'b-agent-2024', 'e-assisted-2025']);
    expect(patterns.byOrganization.get('example-news')!.ids).toEqual(['a-agent-2024', 'c-operator-2022', 'd-tooling-2022']);
    expect(patterns.byOrganization.get('example-cloud')!.count).toBe(4);
  });
});

describe('group profiles', () => {
  it('profiles the incidents of one cause, leaving the cause itself out', () => {
    const group = records.filter((r) => r.data.cause.categories.includes('excess-privilege'));
    const profile = groupProfile(group, taxonomy, { exceptCause: 'excess-privilege' });
    expect(profile.involvement.map((t) => [t.key, t.count])).toEqual([['assisted', 1], ['agent', 2]]);
    expect(profile.causes.map((t) => [t.key, t.count])).toEqual([['agent-destructive-action', 2], ['inadequate-backup', 1]]);
    expect(profile.defeated.map((t) => [t.key, t.count])).toEqual([['human-approval', 2], ['least-privilege', 1], ['backup-restore', 1]]);
    expect(profile.added.map((t) => [t.key, t.count])).toEqual([['least-privilege', 2]]);
    expect(profile.medianMs).toBe(3 * H);
  });
});
