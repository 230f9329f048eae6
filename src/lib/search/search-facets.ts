import type { IncidentFields } from '../../schema/incident-fields.ts';
import { hasOpenClaims } from '../record/claims.ts';
import { contestedClassifications } from '../record/contested.ts';
import { startOf, yearOfIncident } from '../record/incident.ts';

/**
 * The search facets, in display order. `param` is the URL parameter (`/search/?cause=…`) and
 * the Pagefind filter name; values are schema ids, so URLs stay stable and readable.
 */
export const FACETS = [
  { param: 'cause', label: 'Cause' },
  { param: 'safeguard', label: 'Safeguard' },
  { param: 'outcome', label: 'Safeguard outcome' },
  { param: 'automation', label: 'Automation' },
  { param: 'org', label: 'Organization' },
  { param: 'year', label: 'Year' },
  { param: 'severity', label: 'Severity' },
  { param: 'data_loss', label: 'Permanent data loss' },
  { param: 'data_destroyed', label: 'Data destroyed' },
  { param: 'type', label: 'Incident or near-miss' },
  { param: 'claims', label: 'Claims' },
  { param: 'contested', label: 'Contested classifications' },
] as const;

/** The one value of the `claims` facet: the record has a claim that is disputed, denied or unverified. */
export const OPEN_CLAIMS_VALUE = 'open';

/** Values of the `contested` facet: whether any classification of the record hangs on an unsettled claim. */
export const CONTESTED_FACET = { some: 'some-contested', none: 'none-contested' } as const;

/** Value of the `data_destroyed` facet for records that do not give it. */
export const NOT_RECORDED = 'not-recorded';

export type FacetParam = (typeof FACETS)[number]['param'];

/** The facet values one record carries, as its page declares them to the search index. */
export function facetValues(record: IncidentFields): Record<FacetParam, string[]> {
  const unique = (values: string[]) => [...new Set(values)];
  return {
    cause: unique(record.cause.categories),
    safeguard: unique(record.safeguards.map((s) => s.kind)),
    outcome: unique(record.safeguards.map((s) => s.status)),
    automation: [record.automation?.involvement ?? 'none'],
    org: unique(record.organizations.map((o) => o.id)),
    year: [String(yearOfIncident(record))],
    severity: [record.impact.severity],
    data_loss: [record.impact.data_loss],
    data_destroyed: [record.impact.data_destroyed ?? NOT_RECORDED],
    type: [record.type],
    claims: hasOpenClaims(record.claims) ? [OPEN_CLAIMS_VALUE] : [],
    contested: [contestedClassifications(record).size ? CONTESTED_FACET.some : CONTESTED_FACET.none],
  };
}

/** A sortable key for "newest first": the ISO instant the incident may first have begun. */
export function sortKey(record: Pick<IncidentFields, 'occurred'>): string {
  return new Date(startOf(record).earliest).toISOString();
}
