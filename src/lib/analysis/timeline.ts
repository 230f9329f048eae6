/** The timeline page: incidents in time order, grouped by year, with the empty years between them. */
import { startOf } from '../record/incident.ts';
import type { Involvement } from '../../schema/automation.ts';
import { involvementOf, type IncidentRecord } from './patterns.ts';

/** A year with incidents, oldest first, or a run of years without any. */
export type TimelineSection = { year: number; ids: string[] } | { gap: [from: number, to: number] };

/** Records in time order (oldest first; same start: by id), grouped by the year they began. */
export function timelineSections(records: readonly IncidentRecord[]): TimelineSection[] {
  const ordered = records
    .map((record) => ({ id: record.id, start: startOf(record.data) }))
    .sort((a, b) => a.start.earliest - b.start.earliest || a.id.localeCompare(b.id));
  const sections: TimelineSection[] = [];
  let last: { year: number; ids: string[] } | undefined;
  for (const { id, start } of ordered) {
    const year = Number(start.text.slice(0, 4));
    if (last?.year === year) {
      last.ids.push(id);
      continue;
    }
    if (last && year > last.year + 1) sections.push({ gap: [last.year + 1, year - 1] });
    sections.push((last = { year, ids: [id] }));
  }
  return sections;
}

/** Where each record falls on a time axis from the first year's start to the last year's end, as a fraction 0–1. */
export function timePositions(records: readonly IncidentRecord[]): { id: string; at: number }[] {
  if (!records.length) return [];
  const starts = records.map((record) => ({ id: record.id, start: startOf(record.data) }));
  const years = starts.map(({ start }) => Number(start.text.slice(0, 4)));
  const [from, to] = [Date.UTC(Math.min(...years), 0), Date.UTC(Math.max(...years) + 1, 0)];
  // A coarse date sits in the middle of the span it may denote.
  return starts.map(({ id, start }) => ({ id, at: ((start.earliest + start.latest) / 2 - from) / (to - from) }));
}

/**
 * The timeline's views, each a page of its own (`/timeline/` shows all, `/timeline/<slug>/` the
 * rest), so a filtered view has an address to share, survives a reload and needs no JavaScript.
 */
/** Each view: its label, `about` completing "the incidents that …", and the involvement levels it shows. */
export const TIMELINE_VIEWS = [
  { slug: '', label: 'All incidents', about: '', involvements: ['agent', 'assisted', 'tooling', 'none'] },
  { slug: 'ai', label: 'AI agent or AI-assisted', about: 'involved an AI agent or AI assistance', involvements: ['agent', 'assisted'] },
  { slug: 'tooling', label: 'Automation tooling', about: 'involved automation tooling', involvements: ['tooling'] },
  { slug: 'none', label: 'No automation recorded', about: 'have no automation recorded', involvements: ['none'] },
] as const satisfies readonly { slug: string; label: string; about: string; involvements: readonly Involvement[] }[];

export type TimelineView = (typeof TIMELINE_VIEWS)[number];

/** The heading and page title of a timeline view. */
export const timelineViewTitle = (view: TimelineView): string => (view.slug ? `Timeline: ${view.label}` : 'Timeline');

/** The page description of a timeline view. */
export const timelineViewDescription = (view: TimelineView): string =>
  view.slug ? `The incidents of the atlas that ${view.about}, on one time axis, oldest first.` : 'Every incident in the atlas on one time axis, oldest first.';

/** The page of a timeline view. */
export const timelineViewPath = (view: Pick<TimelineView, 'slug'>): string => (view.slug ? `/timeline/${view.slug}/` : '/timeline/');

/** The records a view shows, in the order given. */
export function recordsInView<T extends IncidentRecord>(records: readonly T[], view: TimelineView): T[] {
  return records.filter((record) => (view.involvements as readonly Involvement[]).includes(involvementOf(record)));
}
