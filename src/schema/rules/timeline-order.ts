import { notBefore } from '../../lib/dates.ts';
import { dateOf } from './dates-of.ts';
import type { RecordRule } from './types.ts';

/** Timeline events are listed earliest first; coarse dates may overlap their neighbours. */
export const timelineInOrder: RecordRule = (record, report) => {
  record.timeline.forEach((event, index) => {
    const previous = record.timeline[index - 1];
    if (!previous) return;
    const at = dateOf(event.at, event.precision);
    if (!notBefore(at, dateOf(previous.at, previous.precision))) {
      report(['timeline', index, 'at'], `is before the previous event (${previous.at}); list events in chronological order`);
    }
  });
};
