import { formatDuration, parseDuration } from '../../core/duration.ts';
import { dateOf } from './dates-of.ts';
import type { RecordRule } from './types.ts';

/**
 * When start and end are both exact to the minute, `duration` must agree with them to
 * within the smallest unit it is written in (PT13H agrees with 12 h 40 min; PT12H10M does not).
 */
export const durationAgrees: RecordRule = (record, report) => {
  const { start, end, precision } = record.occurred;
  if (record.duration === undefined || end === undefined || precision !== undefined) return;
  const startDate = dateOf(start);
  const endDate = dateOf(end);
  if (startDate.precision !== 'minute' || endDate.precision !== 'minute') return;
  const duration = parseDuration(record.duration);
  if (!duration) return;
  const actual = endDate.earliest - startDate.earliest;
  if (Math.abs(actual - duration.ms) > duration.resolutionMs) {
    report(['duration'], `disagrees with occurred.start and occurred.end, which are ${formatDuration(actual)} apart`);
  }
};
