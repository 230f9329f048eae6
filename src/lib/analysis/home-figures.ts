/**
 * The home page's headline figures, each with the page that lists exactly the records it counts,
 * so a reader can go from a number to the incidents behind it.
 */
import { hasOpenClaims } from '../record/claims.ts';
import { OPEN_CLAIMS_VALUE } from '../search/search-facets.ts';
import { serializeSearchState, type SearchState } from '../search/search-state.ts';
import type { IncidentRecord } from './patterns.ts';

export interface HomeFigure {
  count: number;
  /** What is counted, read after the number ("25 involving an AI agent"). */
  label: string;
  /** A page that shows exactly the counted records, and says how many. */
  href: string;
}

const searchPath = (filters: SearchState['filters']): string => `/search/${serializeSearchState({ query: '', filters, sort: 'newest' })}`;

/** The figures of the home page, over the published incidents and the organizations listed. */
export function homeFigures(incidents: readonly IncidentRecord[], organizationCount: number): HomeFigure[] {
  return [
    { count: incidents.length, label: 'incidents recorded', href: '/incidents/' },
    {
      count: incidents.filter((incident) => incident.data.automation?.involvement === 'agent').length,
      label: 'involving an AI agent',
      href: searchPath({ automation: ['agent'] }),
    },
    {
      // The same test as the search page's claims filter, so the figure and its list agree.
      count: incidents.filter((incident) => hasOpenClaims(incident.data.claims)).length,
      label: 'with disputed, denied or unverified claims',
      href: searchPath({ claims: [OPEN_CLAIMS_VALUE] }),
    },
    { count: organizationCount, label: 'organizations', href: '/organizations/' },
  ];
}
