import { notBefore } from '../../core/dates.ts';
import { dateOf } from './dates-of.ts';
import type { RecordRule } from './types.ts';

/** `occurred.end` comes after `occurred.start`, and `reported` is not before the start. */
export const occurredInRange: RecordRule = (record, report) => {
  const { start, end, precision } = record.occurred;
  const startDate = dateOf(start, precision);
  if (end !== undefined) {
    const endDate = dateOf(end);
    const bothExact = startDate.precision === 'minute' && endDate.precision === 'minute';
    const ordered = bothExact ? endDate.earliest > startDate.earliest : notBefore(endDate, startDate);
    if (!ordered) report(['occurred', 'end'], `must be after occurred.start (${start})`);
  }
  if (record.reported !== undefined && !notBefore(dateOf(record.reported), startDate)) {
    report(['reported'], `must not be before occurred.start (${start})`);
  }
};
