import type { IncidentFields } from '../../schema/incident-fields.ts';
import { parsePartialDate, withPrecision, type PartialDate } from '../../core/dates.ts';
import { parseDuration } from '../../core/duration.ts';

/** When the incident began, honouring a stated coarser precision. */
export function startOf(record: Pick<IncidentFields, 'occurred'>): PartialDate {
  const { start, precision } = record.occurred;
  const date = parsePartialDate(start)!;
  return precision ? withPrecision(date, precision) : date;
}

/**
 * Length of the disruption in milliseconds: the stated `duration`, else the span between an
 * exact start and end. Undefined when neither is known.
 */
export function durationMsOf(record: Pick<IncidentFields, 'occurred' | 'duration'>): number | undefined {
  if (record.duration) return parseDuration(record.duration)?.ms;
  const { start, end, precision } = record.occurred;
  if (end === undefined || precision) return undefined;
  const [from, to] = [parsePartialDate(start), parsePartialDate(end)];
  if (from?.precision !== 'minute' || to?.precision !== 'minute') return undefined;
  return to.earliest - from.earliest;
}

/** Calendar year the incident began. */
export function yearOfIncident(record: Pick<IncidentFields, 'occurred'>): number {
  return Number(String(record.occurred.start).slice(0, 4));
}

/** Sorts records newest first by start, then by id for a stable order. */
export function newestFirst<T extends { id: string; data: Pick<IncidentFields, 'occurred'> }>(records: readonly T[]): T[] {
  // Each start is parsed once rather than at every comparison: at 10,000 records that was a third of a second a sort.
  const keyed = records.map((record) => ({ record, earliest: startOf(record.data).earliest }));
  keyed.sort((a, b) => b.earliest - a.earliest || a.record.id.localeCompare(b.record.id));
  return keyed.map(({ record }) => record);
}

/** Words in a body's source text, a rough measure of how much a record says. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
