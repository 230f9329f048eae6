/**
 * Cross-incident aggregates for the pattern pages. Every function takes the records as an
 * argument and returns plain data, so the pages only draw what these compute, once per build.
 */
import { INVOLVEMENTS, type Involvement } from '../../schema/automation.ts';
import type { SafeguardStatus } from '../../schema/safeguard.ts';
import type { IncidentFields } from '../../schema/incident-fields.ts';
import { SEVERITIES, type Severity } from '../../schema/impact.ts';
import { contestedClassifications } from '../record/contested.ts';
import { durationMsOf, yearOfIncident } from '../record/incident.ts';

/** A record as the aggregates need it: its id and validated fields. */
export interface IncidentRecord {
  id: string;
  data: IncidentFields;
}

/** How many incidents have a value, and which ones (in the order the records were given). */
export interface Tally<K extends string | number = string> {
  key: K;
  count: number;
  ids: string[];
}

/** The safeguard outcomes the charts compare: how it fared in the incident, or that it came after. */
export const OUTCOME_STATUSES = ['held', 'failed', 'bypassed', 'absent', 'added'] as const satisfies readonly SafeguardStatus[];

/** Statuses that mean a safeguard did not stop the incident although it existed. */
export const DEFEATED_STATUSES = ['failed', 'bypassed'] as const satisfies readonly SafeguardStatus[];

/** Automation involvement of a record; a record without an `automation` block involved none. */
export function involvementOf(record: IncidentRecord): Involvement {
  return record.data.automation?.involvement ?? 'none';
}

/** True when automation of any kind (tooling, AI-assisted or agent) took part. */
export function involvesAutomation(record: IncidentRecord): boolean {
  return involvementOf(record) !== 'none';
}

/** Distinct cause ids of a record, main one first. */
export function causesOf(record: IncidentRecord): string[] {
  return [...new Set(record.data.cause.categories)];
}

/** Distinct safeguard kinds that had one of `statuses` in a record. */
export function safeguardKindsWith(record: IncidentRecord, statuses: readonly SafeguardStatus[]): string[] {
  return [...new Set(record.data.safeguards.filter((s) => statuses.includes(s.status)).map((s) => s.kind))];
}

/** Groups records by any number of keys each; a record counts once per key. */
export function tallyBy<K extends string | number>(records: readonly IncidentRecord[], keysOf: (record: IncidentRecord) => readonly K[]): Map<K, Tally<K>> {
  const tallies = new Map<K, Tally<K>>();
  for (const record of records) {
    for (const key of new Set(keysOf(record))) {
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = { key, count: 0, ids: [] }));
      tally.count += 1;
      tally.ids.push(record.id);
    }
  }
  return tallies;
}

/** Tallies in the order of `keys`, with zero counts for keys no record has. */
function inOrder<K extends string | number>(tallies: Map<K, Tally<K>>, keys: readonly K[]): Tally<K>[] {
  return keys.map((key) => tallies.get(key) ?? { key, count: 0, ids: [] });
}

/** Incidents per calendar year of their start, every year from the first to the last (empty years included). */
export function incidentsPerYear(records: readonly IncidentRecord[]): Tally<number>[] {
  const tallies = tallyBy(records, (record) => [yearOfIncident(record.data)]);
  if (!tallies.size) return [];
  const years = [...tallies.keys()];
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return inOrder(tallies, Array.from({ length: last - first + 1 }, (_, index) => first + index));
}

/** Incidents per cause category, in taxonomy order; a record with several categories counts in each. */
export function incidentsByCause(records: readonly IncidentRecord[], causeIds: readonly string[]): Tally[] {
  return inOrder(tallyBy(records, causesOf), causeIds);
}

/** Incidents per automation involvement, from none to agent. */
export function incidentsByInvolvement(records: readonly IncidentRecord[]): Tally<Involvement>[] {
  return inOrder(tallyBy(records, (record) => [involvementOf(record)]), INVOLVEMENTS);
}

/** Incidents per severity, lowest first. */
export function incidentsBySeverity(records: readonly IncidentRecord[]): Tally<Severity>[] {
  return inOrder(tallyBy(records, (record) => [record.data.impact.severity]), SEVERITIES);
}

/** How one safeguard kind fared across incidents: incidents per status (an incident counts once per status). */
export interface SafeguardOutcome {
  kind: string;
  /** Incidents that mention the kind at all. */
  incidents: number;
  byStatus: Record<SafeguardStatus, number>;
}

/** Outcomes per safeguard kind, in taxonomy order, leaving out kinds no record mentions. */
export function safeguardOutcomes(records: readonly IncidentRecord[], kinds: readonly string[]): SafeguardOutcome[] {
  const outcomes = new Map<string, SafeguardOutcome>();
  for (const record of records) {
    const seen = new Set<string>();
    for (const { kind, status } of record.data.safeguards) {
      let outcome = outcomes.get(kind);
      if (!outcome) {
        outcome = { kind, incidents: 0, byStatus: { held: 0, failed: 0, bypassed: 0, absent: 0, added: 0, recommended: 0 } };
        outcomes.set(kind, outcome);
      }
      if (!seen.has(kind)) outcome.incidents += 1;
      if (!seen.has(`${kind} ${status}`)) outcome.byStatus[status] += 1;
      seen.add(kind).add(`${kind} ${status}`);
    }
  }
  return kinds.flatMap((kind) => outcomes.get(kind) ?? []);
}

/** A table of incident counts: rows × columns, each cell with the incidents behind it. */
export interface Matrix {
  rows: string[];
  columns: string[];
  /** cells[row][column]: ids of the incidents counted there. */
  cells: string[][][];
  /** Largest cell count, for shading. */
  max: number;
}

/**
 * Cause categories × safeguard kinds: how many incidents of each cause had a safeguard of each
 * kind in one of `statuses` (e.g. failed or bypassed; or added afterwards). Rows and columns with
 * no incident are left out; both are ordered by their number of distinct incidents, largest
 * first (ties in taxonomy order), so the dense corner of the matrix is the top left.
 */
export function causeSafeguardMatrix(records: readonly IncidentRecord[], statuses: readonly SafeguardStatus[], causeIds: readonly string[], kinds: readonly string[]): Matrix {
  const cells = new Map<string, string[]>();
  const [rowTotals, columnTotals] = [new Map<string, number>(), new Map<string, number>()];
  const bump = (totals: Map<string, number>, key: string) => totals.set(key, (totals.get(key) ?? 0) + 1);
  for (const record of records) {
    const matching = safeguardKindsWith(record, statuses);
    if (!matching.length) continue;
    const causes = causesOf(record);
    causes.forEach((cause) => bump(rowTotals, cause));
    matching.forEach((kind) => bump(columnTotals, kind));
    for (const cause of causes) {
      for (const kind of matching) {
        const key = `${cause} ${kind}`;
        const ids = cells.get(key);
        if (ids) ids.push(record.id);
        else cells.set(key, [record.id]);
      }
    }
  }
  const byTotal = (order: readonly string[], totals: Map<string, number>) =>
    order.filter((id) => totals.has(id)).sort((a, b) => totals.get(b)! - totals.get(a)! || order.indexOf(a) - order.indexOf(b));
  const rows = byTotal(causeIds, rowTotals);
  const columns = byTotal(kinds, columnTotals);
  const grid = rows.map((row) => columns.map((column) => cells.get(`${row} ${column}`) ?? []));
  return { rows, columns, cells: grid, max: Math.max(0, ...grid.flat().map((ids) => ids.length)) };
}

/** Median of sorted numbers, or undefined when there are none. */
export function median(sorted: readonly number[]): number | undefined {
  if (!sorted.length) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Edges of the duration bins, in milliseconds: steps of about half a decade (×2 to ×3.3) with
 * round names, so that equal-looking bars on a log axis really are comparable.
 */
export const DURATION_EDGES: readonly number[] = [10 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 10 * HOUR, DAY, 3 * DAY, 10 * DAY, 30 * DAY];

/** One bin of the duration histogram: [from, to) in ms, `undefined` for an open end. */
export interface DurationBin {
  from: number | undefined;
  to: number | undefined;
  ids: string[];
}

/** How long incidents lasted: the ones with a known length, binned on a log scale, and the rest. */
export interface DurationDistribution {
  /** Known lengths, shortest first. */
  known: { id: string; ms: number }[];
  /** Records whose length the sources do not give. */
  unknown: string[];
  /** Bins from under 10 minutes to 30 days or more; the open-ended ends only when used. */
  bins: DurationBin[];
  median: number | undefined;
}

/** Lengths of the incidents that have one, binned by {@link DURATION_EDGES}. */
export function durationDistribution(records: readonly IncidentRecord[]): DurationDistribution {
  const known: { id: string; ms: number }[] = [];
  const unknown: string[] = [];
  for (const record of records) {
    const ms = durationMsOf(record.data);
    if (ms === undefined) unknown.push(record.id);
    else known.push({ id: record.id, ms });
  }
  known.sort((a, b) => a.ms - b.ms || a.id.localeCompare(b.id));
  const bounds = [undefined, ...DURATION_EDGES, undefined];
  const bins: DurationBin[] = bounds.slice(0, -1).map((from, index) => ({ from, to: bounds[index + 1], ids: [] }));
  for (const { id, ms } of known) {
    const index = DURATION_EDGES.findIndex((edge) => ms < edge);
    bins[index === -1 ? bins.length - 1 : index]!.ids.push(id);
  }
  const [first, last] = [bins[0]!, bins.at(-1)!];
  const trimmed = bins.filter((bin) => (bin !== first && bin !== last) || bin.ids.length > 0);
  return { known, unknown, bins: trimmed, median: median(known.map((entry) => entry.ms)) };
}

/** The most frequent keys of a tally, largest first, ties in the given order; zeros left out. */
export function top<K extends string | number>(tallies: readonly Tally<K>[], count: number): Tally<K>[] {
  return tallies
    .map((tally, index) => ({ tally, index }))
    .filter(({ tally }) => tally.count > 0)
    .sort((a, b) => b.tally.count - a.tally.count || a.index - b.index)
    .slice(0, count)
    .map(({ tally }) => tally);
}

/** One automation level summarised, to set AI-agent incidents beside classic outages. */
export interface InvolvementProfile {
  involvement: Involvement;
  ids: string[];
  /** Median length of those with a known length. */
  medianMs: number | undefined;
  /** Incidents rated critical. */
  critical: number;
  /** Incidents with partial or total data loss. */
  dataLoss: number;
  /** Incidents with a disputed or denied claim. */
  contested: number;
  /** Most frequent causes, up to three. */
  causes: Tally[];
  /** Safeguard kinds most often failed or bypassed, up to three. */
  defeated: Tally[];
}

/** One profile per involvement level that has incidents, from none to agent. */
export function involvementProfiles(records: readonly IncidentRecord[], causeIds: readonly string[], kinds: readonly string[]): InvolvementProfile[] {
  return incidentsByInvolvement(records)
    .filter((tally) => tally.count > 0)
    .map(({ key, ids }) => {
      const group = records.filter((record) => involvementOf(record) === key);
      return {
        involvement: key,
        ids,
        medianMs: durationDistribution(group).median,
        critical: group.filter((record) => record.data.impact.severity === 'critical').length,
        dataLoss: group.filter((record) => record.data.impact.data_loss === 'partial' || record.data.impact.data_loss === 'total').length,
        contested: group.filter(isContested).length,
        causes: top(incidentsByCause(group, causeIds), 3),
        defeated: top(inOrder(tallyBy(group, (record) => safeguardKindsWith(record, DEFEATED_STATUSES)), kinds), 3),
      };
    });
}

/** True when a record holds a claim that one party disputes or denies. */
export function isContested(record: IncidentRecord): boolean {
  return record.data.claims.some((claim) => claim.status === 'disputed' || claim.status === 'denied');
}

/**
 * Incidents counted under a classification that is contested for them, by the classification
 * (`cause:<id>`, `safeguard:<kind>`, `automation.involvement`…): counted apart, as in "7
 * incidents, 1 of them contested".
 */
export function contestedCounts(records: readonly IncidentRecord[]): Map<string, string[]> {
  const counts = new Map<string, string[]>();
  for (const record of records) {
    for (const concern of contestedClassifications(record.data).keys()) counts.set(concern, [...(counts.get(concern) ?? []), record.id]);
  }
  return counts;
}

/** Taxonomy ids in their file order, which the charts keep. */
export interface TaxonomyIds {
  causes: readonly string[];
  safeguards: readonly string[];
}

/** Everything the pattern, timeline and organization pages show, computed in one pass over the records. */
export interface Patterns {
  total: number;
  years: Tally<number>[];
  causes: Tally[];
  involvement: Tally<Involvement>[];
  severity: Tally<Severity>[];
  outcomes: SafeguardOutcome[];
  /** Cause × safeguard kinds that failed or were bypassed. */
  defeated: Matrix;
  /** Cause × safeguard kinds added afterwards. */
  added: Matrix;
  durations: DurationDistribution;
  profiles: InvolvementProfile[];
  /** Records with a disputed or denied claim. */
  contested: string[];
  /** Records whose classifications hang on an unsettled claim, by classification ({@link contestedCounts}). */
  contestedBy: Map<string, string[]>;
  /** Near-misses: the destructive step failed or was caught before harm. */
  nearMisses: string[];
  /** Incidents per cause id, per safeguard kind (any status) and per organization id. */
  byCause: Map<string, Tally>;
  bySafeguard: Map<string, Tally>;
  byOrganization: Map<string, Tally>;
}

/** Computes every aggregate once; the pages read from the result. */
export function buildPatterns(records: readonly IncidentRecord[], taxonomy: TaxonomyIds): Patterns {
  return {
    total: records.length,
    years: incidentsPerYear(records),
    causes: incidentsByCause(records, taxonomy.causes),
    involvement: incidentsByInvolvement(records),
    severity: incidentsBySeverity(records),
    outcomes: safeguardOutcomes(records, taxonomy.safeguards),
    defeated: causeSafeguardMatrix(records, DEFEATED_STATUSES, taxonomy.causes, taxonomy.safeguards),
    added: causeSafeguardMatrix(records, ['added'], taxonomy.causes, taxonomy.safeguards),
    durations: durationDistribution(records),
    profiles: involvementProfiles(records, taxonomy.causes, taxonomy.safeguards),
    contested: records.filter(isContested).map((record) => record.id),
    contestedBy: contestedCounts(records),
    nearMisses: records.filter((record) => record.data.type === 'near-miss').map((record) => record.id),
    byCause: tallyBy(records, causesOf),
    bySafeguard: tallyBy(records, (record) => record.data.safeguards.map((s) => s.kind)),
    byOrganization: tallyBy(records, (record) => record.data.organizations.map((org) => org.id)),
  };
}

/** What a group of incidents (one cause, one safeguard kind, one organization) has in common. */
export interface GroupProfile {
  involvement: Tally<Involvement>[];
  /** Causes, most frequent first (the group's own cause left out when given). */
  causes: Tally[];
  /** Safeguard kinds failed or bypassed, most frequent first. */
  defeated: Tally[];
  /** Safeguard kinds added afterwards, most frequent first. */
  added: Tally[];
  /** Median length of the incidents whose length is known. */
  medianMs: number | undefined;
  /** How many incidents the median is taken over, and how many are in the group. */
  durationsKnown: number;
  total: number;
}

/** Profiles a group of incidents; `count` limits each ranked list. */
export function groupProfile(records: readonly IncidentRecord[], taxonomy: TaxonomyIds, options: { count?: number; exceptCause?: string } = {}): GroupProfile {
  const { count = 3, exceptCause } = options;
  const ranked = (statuses: readonly SafeguardStatus[]) => top(inOrder(tallyBy(records, (r) => safeguardKindsWith(r, statuses)), taxonomy.safeguards), count);
  const durations = durationDistribution(records);
  return {
    involvement: incidentsByInvolvement(records).filter((tally) => tally.count > 0),
    causes: top(incidentsByCause(records, taxonomy.causes.filter((id) => id !== exceptCause)), count),
    defeated: ranked(DEFEATED_STATUSES),
    added: ranked(['added']),
    medianMs: durations.median,
    durationsKnown: durations.known.length,
    total: records.length,
  };
}
