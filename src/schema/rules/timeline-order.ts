import type { PartialDate } from '../../core/dates.ts';
import { dateOf } from './dates-of.ts';
import type { RecordRule } from './types.ts';

/**
 * Timeline events are listed earliest first. Coarse dates may overlap their neighbours, so an
 * event is out of order only when it is certainly before some earlier event — any earlier one,
 * not just the previous: a month-precise event between two exact ones must not hide their order.
 */
export const timelineInOrder: RecordRule = (record, report) => {
  let latestStart: { date: PartialDate; text: string | number } | undefined;
  record.timeline.forEach((event, index) => {
    const at = dateOf(event.at, event.precision);
    if (latestStart && at.latest <= latestStart.date.earliest) {
      report(['timeline', index, 'at'], `is before an earlier-listed event (${latestStart.text}); list events in chronological order`);
    }
    if (!latestStart || at.earliest > latestStart.date.earliest) latestStart = { date: at, text: event.at };
  });
};
