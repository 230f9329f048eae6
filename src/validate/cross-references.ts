import type { Incident } from '../schema/incident.ts';
import type { Problem } from './diagnostic.ts';
import { locate, type PositionIndex } from './strict-yaml.ts';

/** Ids that records may refer to, gathered from the whole content folder. */
export interface KnownIds {
  incidents: ReadonlySet<string>;
  organizations: ReadonlySet<string>;
  causes: ReadonlySet<string>;
  safeguards: ReadonlySet<string>;
}

/** Suggests the closest known id, for "did you mean" hints. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(value, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Checks that a record's references to organizations, taxonomy terms and other records exist. */
export function checkCrossReferences(id: string, data: Incident, positions: PositionIndex, known: KnownIds): Problem[] {
  const problems: Problem[] = [];
  const check = (path: (string | number)[], value: string, set: ReadonlySet<string>, what: string, where: string) => {
    if (set.has(value)) return;
    const suggestion = closest(value, set);
    const hint = suggestion ? `; did you mean "${suggestion}"?` : '';
    problems.push({ ...locate(positions, path), field: path.join('.'), message: `unknown ${what} "${value}" (not in ${where})${hint}` });
  };
  data.organizations.forEach((org, i) => check(['organizations', i, 'id'], org.id, known.organizations, 'organization', 'content/organizations/'));
  data.cause.categories.forEach((cause, i) => check(['cause', 'categories', i], cause, known.causes, 'cause category', 'content/taxonomy/causes.yaml'));
  data.safeguards.forEach((s, i) => check(['safeguards', i, 'kind'], s.kind, known.safeguards, 'safeguard kind', 'content/taxonomy/safeguards.yaml'));
  (data.related ?? []).forEach((related, i) => {
    const path = ['related', i];
    if (related === id) problems.push({ ...locate(positions, path), field: path.join('.'), message: 'a record cannot be related to itself' });
    else check(path, related, known.incidents, 'incident', 'content/incidents/');
  });
  return problems;
}
