import { SEVERITIES } from '../../schema/impact.ts';
import { INVOLVEMENTS } from '../../schema/automation.ts';
import type { IncidentFields } from '../../schema/incident-fields.ts';
import { durationMsOf } from '../record/incident.ts';
import { sortKey } from '../search/search-facets.ts';

/**
 * The orders the table of incidents is built in, one page each, so sorting works without
 * JavaScript: a column heading links to the page in that order. `slug` is the page's path
 * under /incidents/table/ (empty for the default, newest first).
 */
export const TABLE_ORDERS = [
  { slug: '', column: 'date', label: 'newest first' },
  { slug: 'oldest', column: 'date', label: 'oldest first' },
  { slug: 'severity', column: 'severity', label: 'most severe first' },
  { slug: 'duration', column: 'duration', label: 'longest first' },
  { slug: 'automation', column: 'automation', label: 'most autonomous automation first' },
] as const;

export type TableOrder = (typeof TABLE_ORDERS)[number];

type Row = { id: string; data: Pick<IncidentFields, 'occurred' | 'duration' | 'impact' | 'automation'> };

/** Path of the table in one order. */
export function tablePath(order: Pick<TableOrder, 'slug'>): string {
  return order.slug ? `/incidents/table/${order.slug}/` : '/incidents/table/';
}

/** The incidents in one order; ties (and unknown durations, which go last) fall back to newest first. */
export function sortForTable<T extends Row>(incidents: readonly T[], order: Pick<TableOrder, 'slug'>): T[] {
  const newest = (a: T, b: T) => sortKey(b.data).localeCompare(sortKey(a.data)) || a.id.localeCompare(b.id);
  const by: Record<TableOrder['slug'], (a: T, b: T) => number> = {
    '': newest,
    oldest: (a, b) => -newest(a, b),
    severity: (a, b) => SEVERITIES.indexOf(b.data.impact.severity) - SEVERITIES.indexOf(a.data.impact.severity) || newest(a, b),
    duration: (a, b) => (durationMsOf(b.data) ?? -1) - (durationMsOf(a.data) ?? -1) || newest(a, b),
    automation: (a, b) => INVOLVEMENTS.indexOf(b.data.automation?.involvement ?? 'none') - INVOLVEMENTS.indexOf(a.data.automation?.involvement ?? 'none') || newest(a, b),
  };
  return [...incidents].sort(by[order.slug as TableOrder['slug']]);
}
