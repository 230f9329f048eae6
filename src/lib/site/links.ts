/** Paths of the site's pages, in one place so pages and components link alike. */

export const incidentPath = (id: string): string => `/incidents/${id}/`;

/** Folders under /incidents/ that hold the site's own pages, not records: the index's later pages and the table. */
export const RESERVED_INCIDENT_FOLDERS: ReadonlySet<string> = new Set(['page', 'table']);
export const causePath = (id: string): string => `/patterns/causes/${id}/`;
export const safeguardPath = (id: string): string => `/patterns/safeguards/${id}/`;
export const organizationPath = (id: string): string => `/organizations/${id}/`;

/** The compare page for these incidents (the first four). */
export const comparePath = (ids: readonly string[]): string => `/compare/?ids=${ids.slice(0, 4).join(',')}`;

/**
 * Where a group of incidents can be seen together: the record itself when there is one, the
 * compare page for two to four, else `fallback` (a page listing them all).
 */
export function groupPath(ids: readonly string[], fallback: string): string {
  if (ids.length === 1) return incidentPath(ids[0]!);
  return ids.length <= 4 ? comparePath(ids) : fallback;
}
