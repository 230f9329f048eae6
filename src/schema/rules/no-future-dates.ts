import { isFuture } from '../../core/dates.ts';
import { dateOf } from './dates-of.ts';
import type { RecordRule } from './types.ts';

/** A rule bound to a clock, so tests can fix "now". */
export function noFutureDates(now: () => number = Date.now): RecordRule {
  return (record, report) => {
    const dates: [(string | number)[], string | number | undefined][] = [
      [['occurred', 'start'], record.occurred.start],
      [['occurred', 'end'], record.occurred.end],
      [['reported'], record.reported],
      ...record.timeline.map((e, i): [(string | number)[], string | number] => [['timeline', i, 'at'], e.at]),
      ...record.sources.map((s, i): [(string | number)[], string | number | undefined] => [['sources', i, 'published'], s.published]),
      ...record.claims.flatMap((c, i) => (c.history ?? []).map((step, j): [(string | number)[], string | number] => [['claims', i, 'history', j, 'date'], step.date])),
      ...(record.corrections ?? []).map((c, i): [(string | number)[], string | number] => [['corrections', i, 'date'], c.date]),
      [['withdrawn', 'date'], record.withdrawn?.date],
    ];
    const current = now();
    for (const [path, value] of dates) {
      if (value !== undefined && isFuture(dateOf(value), current)) report(path, `is in the future (${value})`);
    }
  };
}
