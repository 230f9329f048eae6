import { PRECISIONS } from '../../core/dates.ts';
import { dateOf } from './dates-of.ts';
import type { RecordRule } from './types.ts';
import type { Precision } from '../../core/dates.ts';

/** A stated `precision` may only make a date coarser than its written form, never finer. */
export const precisionIsCoarser: RecordRule = (record, report) => {
  const check = (path: (string | number)[], value: string | number, precision: Precision | undefined) => {
    if (precision === undefined) return;
    const written = dateOf(value).precision;
    if (PRECISIONS.indexOf(precision) > PRECISIONS.indexOf(written)) {
      report(path, `"${precision}" is finer than the date as written (${value}, ${written}); write the date more precisely instead`);
    }
  };
  check(['occurred', 'precision'], record.occurred.start, record.occurred.precision);
  record.timeline.forEach((event, index) => check(['timeline', index, 'precision'], event.at, event.precision));
};
