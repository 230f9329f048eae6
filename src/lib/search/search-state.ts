import { FACETS, type FacetParam } from './search-facets.ts';

export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

/** What the search page shows, exactly as the URL says: shareable and restorable. */
export interface SearchState {
  query: string;
  filters: Partial<Record<FacetParam, string[]>>;
  sort: Sort;
}

/** Reads the state from a query string (`?q=kiro&cause=excess-privilege,operator-input&sort=newest`). */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const { param } of FACETS) {
    const values = params.getAll(param).flatMap((value) => value.split(',')).map((v) => v.trim()).filter(Boolean);
    if (values.length) filters[param] = [...new Set(values)];
  }
  const sort = params.get('sort');
  return { query: (params.get('q') ?? '').trim(), filters, sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'relevance' };
}

/** Writes the state back as a query string, in a stable order, leaving defaults out. */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const { param } of FACETS) {
    const values = state.filters[param];
    if (values?.length) params.set(param, values.join(','));
  }
  if (state.sort !== defaultSort(state)) params.set('sort', state.sort);
  const text = params.toString().replace(/%2C/gi, ',');
  return text ? `?${text}` : '';
}

/** Relevance needs words to rank by: without a query, results come newest first. */
export function defaultSort(state: Pick<SearchState, 'query'>): Sort {
  return state.query ? 'relevance' : 'newest';
}

/** The order results are actually shown in, and the one the sort control shows. */
export function effectiveSort(state: SearchState): Sort {
  return !state.query && state.sort === 'relevance' ? 'newest' : state.sort;
}

/** Pagefind's search options for a state: values within a facet are alternatives (any), facets combine (and). */
export function pagefindOptions(state: SearchState): { filters: Record<string, { any: string[] }>; sort?: Record<string, 'asc' | 'desc'> } {
  const filters: Record<string, { any: string[] }> = {};
  for (const [param, values] of Object.entries(state.filters)) if (values?.length) filters[param] = { any: values };
  const order = effectiveSort(state);
  const sort = order === 'newest' ? { date: 'desc' as const } : order === 'oldest' ? { date: 'asc' as const } : undefined;
  return sort ? { filters, sort } : { filters };
}

/** True when the state asks for nothing, so the page shows every record instead of results. */
export function isEmptyState(state: SearchState): boolean {
  return !state.query && Object.values(state.filters).every((values) => !values?.length);
}
