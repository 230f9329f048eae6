import { describe, expect, it } from 'vitest';
import { isFuture, notBefore, parsePartialDate, withPrecision } from '../../src/core/dates.ts';
import { formatDuration, parseDuration } from '../../src/core/duration.ts';
import { formatPartialDate } from '../../src/lib/record/format-date.ts';

describe('partial dates', () => {
  it('reads each form as the interval it may denote', () => {
    expect(parsePartialDate('2025')).toMatchObject({ precision: 'year', earliest: Date.UTC(2025, 0), latest: Date.UTC(2026, 0) });
    expect(parsePartialDate('2025-12')).toMatchObject({ precision: 'month', earliest: Date.UTC(2025, 11), latest: Date.UTC(2026, 0) });
    expect(parsePartialDate('2025-12-15')).toMatchObject({ precision: 'day', earliest: Date.UTC(2025, 11, 15) });
    expect(parsePartialDate('2025-12-15T09:47-08:00')).toMatchObject({ precision: 'minute', earliest: Date.UTC(2025, 11, 15, 17, 47) });
    expect(parsePartialDate(2025)?.precision).toBe('year');
  });

  it('rejects impossible dates and unzoned times', () => {
    for (const bad of ['2025-02-29', '2025-00', '2025-12-32', '2025-12-15T24:00Z', '2025-12-15T09:47', '2025-12-15T09:47+15:00', 'December 2025']) {
      expect(parsePartialDate(bad), bad).toBeUndefined();
    }
  });

  it('orders overlapping intervals leniently and disjoint ones strictly', () => {
    const month = parsePartialDate('2025-12')!;
    expect(notBefore(parsePartialDate('2025-12-01')!, month)).toBe(true);
    expect(notBefore(month, parsePartialDate('2025-12-31')!)).toBe(true);
    expect(notBefore(parsePartialDate('2025-11-30')!, month)).toBe(false);
  });

  it('narrows a datetime to a stated precision', () => {
    const date = withPrecision(parsePartialDate('2025-12-15T09:00Z')!, 'hour');
    expect(date.latest - date.earliest).toBe(3_600_000);
  });

  it('treats only dates wholly after now (plus a day) as future', () => {
    const now = Date.UTC(2026, 11, 4, 12);
    expect(isFuture(parsePartialDate('2026-12-05')!, now)).toBe(false);
    expect(isFuture(parsePartialDate('2026-12-06')!, now)).toBe(true);
    expect(isFuture(parsePartialDate('2026')!, now)).toBe(false);
  });

  it('formats dates no more precisely than written', () => {
    expect(formatPartialDate('2025-12')).toBe('December 2025');
    expect(formatPartialDate(2017)).toBe('2017');
    expect(formatPartialDate('2017-02-28')).toBe('28 February 2017');
    expect(formatPartialDate('2025-10-19T23:48-07:00')).toBe('19 October 2025, 23:48 UTC-07:00');
    expect(formatPartialDate('2025-06-12T17:45Z', 'hour')).toBe('12 June 2025, about 17:00 UTC');
  });
});

describe('durations', () => {
  it('parses ISO 8601 durations with their resolution', () => {
    expect(parseDuration('PT13H')).toEqual({ text: 'PT13H', ms: 13 * 3_600_000, resolutionMs: 3_600_000 });
    expect(parseDuration('P1DT2H30M')?.ms).toBe((26 * 60 + 30) * 60_000);
    for (const bad of ['P', 'PT', 'P1Y', '13h', 'PT1.5H']) expect(parseDuration(bad), bad).toBeUndefined();
  });

  it('formats for readers', () => {
    expect(formatDuration(13 * 3_600_000)).toBe('13 h');
    expect(formatDuration((26 * 60 + 30) * 60_000)).toBe('1 d 2 h 30 min');
    expect(formatDuration(20_000)).toBe('under a minute');
  });
});
