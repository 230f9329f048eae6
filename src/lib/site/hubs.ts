/** One row of a hub page: a term or organization, what it is, and how many incidents have it. */
export interface HubRow {
  href: string;
  name: string;
  note?: string | undefined;
  count: number;
}

/** Rows of a hub page: most incidents first, then by name; each links to its own page. */
export function hubRows(items: readonly { id: string; name: string; note?: string | undefined; count: number }[], path: (id: string) => string): HubRow[] {
  return [...items]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'))
    .map(({ id, name, note, count }) => ({ href: path(id), name, note, count }));
}
