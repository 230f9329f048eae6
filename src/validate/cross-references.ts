import type { Incident } from '../schema/incident.ts';
import type { Problem } from '../core/diagnostic.ts';
import { locate, type PositionIndex } from './strict-yaml.ts';
import { didYouMean } from '../core/suggest.ts';
import { bodyLinkProblem, recordAnchors } from '../lib/site/body-links.ts';
import type { BodyLinks } from './check-incident.ts';

/** Ids that records may refer to, gathered from the whole content folder. */
export interface KnownIds {
  incidents: ReadonlySet<string>;
  organizations: ReadonlySet<string>;
  causes: ReadonlySet<string>;
  safeguards: ReadonlySet<string>;
  /** Records that will have pages; links from accounts may only point at these. Defaults to `incidents`. */
  publishedRecords?: ReadonlySet<string>;
}

/**
 * Checks that a record's references to organizations, taxonomy terms and other records exist,
 * and that every link of its account within the site reaches a page and an anchor the build will make.
 */
export function checkCrossReferences(id: string, data: Incident, positions: PositionIndex, known: KnownIds, links?: BodyLinks): Problem[] {
  const problems: Problem[] = [];
  const check = (path: (string | number)[], value: string, set: ReadonlySet<string>, what: string, where: string) => {
    if (set.has(value)) return;
    problems.push({ ...locate(positions, path), field: path.join('.'), message: `unknown ${what} "${value}" (not in ${where})${didYouMean(value, set)}` });
  };
  data.organizations.forEach((org, i) => check(['organizations', i, 'id'], org.id, known.organizations, 'organization', 'content/organizations/'));
  data.cause.categories.forEach((cause, i) => check(['cause', 'categories', i], cause, known.causes, 'cause category', 'content/taxonomy/causes.yaml'));
  data.safeguards.forEach((s, i) => check(['safeguards', i, 'kind'], s.kind, known.safeguards, 'safeguard kind', 'content/taxonomy/safeguards.yaml'));
  (data.related ?? []).forEach((related, i) => {
    const path = ['related', i];
    if (related === id) problems.push({ ...locate(positions, path), field: path.join('.'), message: 'a record cannot be related to itself' });
    else check(path, related, known.incidents, 'incident', 'content/incidents/');
  });
  const duplicateOf = data.withdrawn?.duplicate_of;
  if (duplicateOf !== undefined) {
    const path = ['withdrawn', 'duplicate_of'];
    if (duplicateOf === id) problems.push({ ...locate(positions, path), field: path.join('.'), message: 'a record cannot be a duplicate of itself' });
    else check(path, duplicateOf, known.incidents, 'incident', 'content/incidents/');
  }
  if (links?.internal.length) {
    const anchors = recordAnchors(data, links.headingIds);
    const site = { publishedRecords: known.publishedRecords ?? known.incidents, causes: known.causes, safeguards: known.safeguards };
    for (const link of links.internal) {
      const message = bodyLinkProblem(link.url, id, anchors, site);
      if (message) problems.push({ line: link.line, column: link.column, field: 'body', message });
    }
  }
  return problems;
}
