/**
 * Related incidents: the ones a record lists (or that list it), then the ones that share the
 * most telling features with it (cause categories, safeguard outcomes, automation involvement).
 *
 * Computed once for the whole collection. Records are indexed by feature and only candidates
 * that share a feature are scored, rarest features first, so a record never meets every other
 * record: the cost grows with the candidate budget, not with the square of the collection.
 */
import type { Involvement } from '../../schema/automation.ts';
import type { SafeguardStatus } from '../../schema/safeguard.ts';
import { causesOf, involvementOf, type IncidentRecord } from './patterns.ts';

/** What two incidents have in common. */
export interface SharedFeatures {
  causes: string[];
  safeguards: { kind: string; status: SafeguardStatus }[];
  /** Set when both involved the same kind of automation. */
  involvement?: Involvement;
}

/** One related incident and why. */
export interface RelatedIncident {
  id: string;
  /** Whether an editor linked the two: in this record's `related`, in the other's, or both. */
  listed?: 'here' | 'there' | 'both';
  shared: SharedFeatures;
  /** Sum of the weights of the shared features; rarer features weigh more. */
  score: number;
}

export interface SimilarityOptions {
  /** Computed neighbours kept per record, after the listed ones. Default 5. */
  limit?: number;
  /** Features two records must share to count as related. Default 2. */
  minShared?: number;
  /** Most candidates scored per record. Default 600. */
  candidateBudget?: number;
}

/** Safeguard statuses that say something about the incident itself (a recommendation does not). */
const TELLING_STATUSES: ReadonlySet<SafeguardStatus> = new Set(['held', 'failed', 'bypassed', 'absent', 'added']);

/** The features of a record as keys: `c:<cause>`, `s:<kind>:<status>`, `a:<involvement>`. */
export function featuresOf(record: IncidentRecord): string[] {
  const features = causesOf(record).map((id) => `c:${id}`);
  for (const { kind, status } of record.data.safeguards) if (TELLING_STATUSES.has(status)) features.push(`s:${kind}:${status}`);
  const involvement = involvementOf(record);
  if (involvement !== 'none') features.push(`a:${involvement}`);
  return [...new Set(features)];
}

/** Turns shared feature keys back into a description. */
export function decodeShared(keys: readonly string[]): SharedFeatures {
  const shared: SharedFeatures = { causes: [], safeguards: [] };
  for (const key of keys) {
    const [type, id, status] = key.split(':') as [string, string, string | undefined];
    if (type === 'c') shared.causes.push(id);
    else if (type === 's') shared.safeguards.push({ kind: id, status: status as SafeguardStatus });
    else shared.involvement = id as Involvement;
  }
  return shared;
}

/** Related incidents of every record, keyed by id: listed ones first, then the closest computed ones. */
export function relatedIncidents(records: readonly IncidentRecord[], options: SimilarityOptions = {}): Map<string, RelatedIncident[]> {
  const relatedOf = relatedFinder(records, options);
  return new Map(records.map((record) => [record.id, relatedOf(record.id)]));
}

/**
 * The related incidents of one record at a time, from an index of all of them: a page asks only
 * for its own, so the dev server's first record page does not wait for every record's list.
 * The lists are the same whatever order they are asked for in, and each is worked out once.
 */
export function relatedFinder(records: readonly IncidentRecord[], options: SimilarityOptions = {}): (id: string) => RelatedIncident[] {
  const { limit = 5, minShared = 2, candidateBudget = 600 } = options;
  const index = new FeatureIndex(records);
  const position = new Map(records.map((record, i) => [record.id, i]));
  const listed = listedLinks(records);
  const found = new Map<string, RelatedIncident[]>();
  return (id) => {
    const known = found.get(id);
    if (known) return known;
    const i = position.get(id);
    if (i === undefined) return [];
    const links = listed.get(id) ?? new Map<string, 'here' | 'there' | 'both'>();
    const explicit = [...links].flatMap(([other, how]) => {
      const j = position.get(other);
      return j === undefined ? [] : [{ id: other, listed: how, ...index.shared(i, j) }];
    });
    const computed = index
      .closest(i, limit, minShared, candidateBudget, (j) => links.has(records[j]!.id))
      .map((j) => ({ id: records[j]!.id, ...index.shared(i, j) }));
    const related = [...explicit, ...computed];
    found.set(id, related);
    return related;
  };
}

/** Editor-made links in both directions: for each record, the records it lists or that list it. */
function listedLinks(records: readonly IncidentRecord[]): Map<string, Map<string, 'here' | 'there' | 'both'>> {
  const links = new Map<string, Map<string, 'here' | 'there' | 'both'>>();
  const add = (from: string, to: string, how: 'here' | 'there') => {
    if (from === to) return;
    const map = links.get(from) ?? new Map<string, 'here' | 'there' | 'both'>();
    links.set(from, map);
    const before = map.get(to);
    map.set(to, before && before !== how ? 'both' : how);
  };
  for (const record of records) {
    for (const other of record.data.related ?? []) {
      add(record.id, other, 'here');
      add(other, record.id, 'there');
    }
  }
  return links;
}

/** Records indexed by feature, with inverse-frequency weights. */
class FeatureIndex {
  /** Feature numbers of each record, rarest (most telling) first. */
  readonly features: number[][];
  readonly keys: string[] = [];
  readonly postings: number[][] = [];
  readonly weights: number[];
  /** Membership of record j in feature f at [f × n + j]: one flat array for constant-time checks. */
  readonly #members: Uint8Array;
  readonly #n: number;
  /** Marks candidates already seen for the current record (`#stamp`), without clearing between records. */
  readonly #seen: Uint32Array;
  #stamp = 0;

  constructor(records: readonly IncidentRecord[]) {
    const ids = new Map<string, number>();
    this.features = records.map((record, i) =>
      featuresOf(record).map((key) => {
        let f = ids.get(key);
        if (f === undefined) {
          ids.set(key, (f = this.keys.length));
          this.keys.push(key);
          this.postings.push([]);
        }
        this.postings[f]!.push(i);
        return f;
      }),
    );
    const n = records.length;
    this.#seen = new Uint32Array(n);
    this.weights = this.postings.map((list) => Math.log(1 + n / list.length));
    for (const list of this.features) list.sort((a, b) => this.postings[a]!.length - this.postings[b]!.length || a - b);
    this.#n = n;
    this.#members = new Uint8Array(this.keys.length * n);
    this.postings.forEach((list, f) => list.forEach((j) => (this.#members[f * n + j] = 1)));
  }

  /** What records i and j share, and its weight. */
  shared(i: number, j: number): { shared: SharedFeatures; score: number } {
    const common = this.features[i]!.filter((f) => this.#members[f * this.#n + j] === 1);
    return { shared: decodeShared(common.map((f) => this.keys[f]!)), score: common.reduce((sum, f) => sum + this.weights[f]!, 0) };
  }

  /**
   * The `limit` records closest to record i, best first (ties: earlier in the collection first).
   * Candidates come from the postings of i's features, rarest feature first, until `budget`
   * candidates are found; each is then scored on all of i's features, so scores are exact for
   * the candidates found. Only candidates sharing `minShared` features and not `excluded` count.
   */
  closest(i: number, limit: number, minShared: number, budget: number, excluded: (j: number) => boolean): number[] {
    const own = this.features[i]!;
    const [members, n, seen] = [this.#members, this.#n, this.#seen];
    const stamp = ++this.#stamp;
    const top: { j: number; score: number }[] = [];
    let found = 0;
    const consider = (j: number) => {
      let shared = 0;
      let score = 0;
      for (const f of own) {
        if (members[f * n + j] === 1) {
          shared += 1;
          score += this.weights[f]!;
        }
      }
      if (shared < minShared) return;
      if (top.length === limit && !better(score, j, top[limit - 1]!)) return;
      if (excluded(j)) return;
      let at = top.length === limit ? limit - 1 : top.length;
      while (at > 0 && better(score, j, top[at - 1]!)) {
        top[at] = top[at - 1]!;
        at -= 1;
      }
      top[at] = { j, score };
      top.length = Math.min(top.length, limit);
    };
    for (const f of own) {
      for (const j of this.postings[f]!) {
        if (found >= budget) break;
        if (j === i || seen[j] === stamp) continue;
        seen[j] = stamp;
        found += 1;
        consider(j);
      }
      if (found >= budget) break;
    }
    return top.map((entry) => entry.j);
  }
}

function better(score: number, j: number, than: { j: number; score: number }): boolean {
  return score > than.score || (score === than.score && j < than.j);
}

/** Display names for ids, as the site has them. */
export interface FeatureNames {
  causes: ReadonlyMap<string, string>;
  safeguards: ReadonlyMap<string, string>;
  involvement: Readonly<Record<Involvement, string>>;
}

/** How a shared involvement reads in a sentence. */
const INVOLVEMENT_PHRASES: Record<Involvement, string> = {
  agent: 'an AI agent acting',
  assisted: 'AI assistance involved',
  tooling: 'automation tooling involved',
  none: 'no automation involved',
};

/** How each safeguard outcome ends a clause ("least privilege failed"). */
const OUTCOME_PHRASES: Record<string, [one: string, several: string]> = {
  failed: ['failed', 'failed'],
  bypassed: ['was bypassed', 'were bypassed'],
  absent: ['was missing', 'were missing'],
  held: ['held', 'held'],
  added: ['was added afterwards', 'were added afterwards'],
  recommended: ['is recommended', 'are recommended'],
};

/** A name as it reads mid-sentence: "Excess privilege" → "excess privilege", "AI agent" stays. */
function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
}

/** "a", "a and b", "a, b and c". */
function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The reason two incidents are related, as a person would write it: "Also destructive action by
 * an AI agent and excess privilege, with an AI agent acting; in both, least privilege failed".
 * With `limit`, names at most that many features, in the order given, and counts the rest.
 */
export function describeShared(shared: SharedFeatures, names: FeatureNames, limit = Infinity): string {
  const features = [
    ...shared.causes.map((id) => ({ cause: inSentence(names.causes.get(id) ?? id) })),
    ...shared.safeguards.map(({ kind, status }) => ({ safeguard: inSentence(names.safeguards.get(kind) ?? kind), status })),
    ...(shared.involvement ? [{ involvement: shared.involvement }] : []),
  ];
  if (!features.length) return '';
  const kept = features.slice(0, limit);
  const causes = kept.flatMap((f) => ('cause' in f ? [f.cause] : []));
  const involvement = kept.flatMap((f) => ('involvement' in f ? [INVOLVEMENT_PHRASES[f.involvement]] : []));
  const outcomes = new Map<string, string[]>();
  for (const f of kept) if ('safeguard' in f) outcomes.set(f.status, [...(outcomes.get(f.status) ?? []), f.safeguard]);
  const clauses = [...outcomes].map(([status, kinds]) => `${listOf(kinds)} ${(OUTCOME_PHRASES[status] ?? [status, status])[kinds.length > 1 ? 1 : 0]}`);
  const first = causes.length ? `Also ${listOf(causes)}${involvement.length ? `, with ${involvement[0]}` : ''}` : involvement.length ? `Also ${involvement[0]}` : '';
  const both = clauses.length ? `${first ? '; in both, ' : 'In both, '}${listOf(clauses)}` : '';
  const rest = features.length - kept.length;
  return `${first}${both}${rest > 0 ? `; and ${rest} more in common` : ''}`;
}
