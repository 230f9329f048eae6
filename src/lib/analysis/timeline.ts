/** The timeline page: incidents in time order, grouped by year, with the empty years between them. */
import { startOf } from '../record/incident.ts';
import type { IncidentRecord } from './patterns.ts';

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
