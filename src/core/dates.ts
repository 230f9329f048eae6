/**
 * Partial dates: the record format lets a date be as precise as the sources are.
 * `2025`, `2025-12`, `2025-12-15`, `2025-12-15T09:47Z`, `2025-12-15T09:47:30+01:00`.
 * Each is read as the interval of instants it may denote, so that ordering and
 * "not in the future" can be decided honestly for coarse dates.
 */

export type Precision = 'year' | 'month' | 'day' | 'hour' | 'minute';

export const PRECISIONS: readonly Precision[] = ['year', 'month', 'day', 'hour', 'minute'];

export interface PartialDate {
  /** The text as written in the record. */
  text: string;
  /** How precise the written form is. */
  precision: Precision;
  /** First instant the date may denote (ms since epoch, UTC). */
  earliest: number;
  /** First instant after the date (exclusive end of the interval). */
  latest: number;
}

const DATE_ONLY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/;

/** Parses a partial date, or returns undefined when the text is not one of the allowed forms or not a real date. */
export function parsePartialDate(input: string | number): PartialDate | undefined {
  const text = String(input);
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) return fromDateOnly(text, dateOnly);
  const dateTime = DATE_TIME.exec(text);
  if (dateTime) return fromDateTime(text, dateTime);
  return undefined;
}

/**
 * The earliest year a date may have. Computing began after it, and it keeps `Date.UTC` honest:
 * it reads the years 0 to 99 as 1900 to 1999.
 */
export const MIN_YEAR = 1900;

function fromDateOnly(text: string, [, y, m, d]: RegExpExecArray): PartialDate | undefined {
  const year = Number(y);
  if (year < MIN_YEAR) return undefined;
  const month = m === undefined ? undefined : Number(m);
  const day = d === undefined ? undefined : Number(d);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month!))) return undefined;
  if (month === undefined) {
    return { text, precision: 'year', earliest: Date.UTC(year, 0), latest: Date.UTC(year + 1, 0) };
  }
  if (day === undefined) {
    return { text, precision: 'month', earliest: Date.UTC(year, month - 1), latest: Date.UTC(year, month) };
  }
  return { text, precision: 'day', earliest: Date.UTC(year, month - 1, day), latest: Date.UTC(year, month - 1, day + 1) };
}

function fromDateTime(text: string, [, y, mo, d, h, mi, s, zone]: RegExpExecArray): PartialDate | undefined {
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s ?? '0'].map(Number) as number[];
  if (year! < MIN_YEAR) return undefined;
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth(year!, month!)) return undefined;
  if (hour! > 23 || minute! > 59 || second! > 59) return undefined;
  const offset = zone === 'Z' ? 0 : zoneOffset(zone!);
  if (offset === undefined) return undefined;
  const instant = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!) - offset;
  return { text, precision: 'minute', earliest: instant, latest: instant + MINUTE };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A UTC offset that some place uses: from -12:00 to +14:00, in quarter hours (Nepal is +05:45,
 * the Chatham Islands +12:45).
 */
function zoneOffset(zone: string): number | undefined {
  const sign = zone.startsWith('-') ? -1 : 1;
  const [hours, minutes] = zone.slice(1).split(':').map(Number) as [number, number];
  if (minutes % 15 !== 0 || minutes > 45) return undefined;
  const offset = sign * (hours * HOUR + minutes * MINUTE);
  return offset >= -12 * HOUR && offset <= 14 * HOUR ? offset : undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Narrows a datetime to a coarser stated precision (`precision: hour` on `09:00Z`). */
export function withPrecision(date: PartialDate, precision: Precision): PartialDate {
  if (date.precision !== 'minute' || precision === 'minute') return date;
  const span = { year: 366 * 24 * HOUR, month: 31 * 24 * HOUR, day: 24 * HOUR, hour: HOUR }[precision];
  return { ...date, precision, latest: date.earliest + span };
}

/** True when `a` is certainly after `b`, or the two may overlap: i.e. `a` is not certainly before `b`. */
export function notBefore(a: PartialDate, b: PartialDate): boolean {
  return a.latest > b.earliest;
}

/**
 * True when every instant `date` may denote lies in the future of `now`. A calendar day
 * carries no zone, so "today" somewhere east of UTC is allowed a day of slack.
 */
export function isFuture(date: PartialDate, now: number): boolean {
  return date.earliest > now + 24 * HOUR;
}

/** Calendar year of the date's first instant (UTC), used for grouping. */
export function yearOf(date: PartialDate): number {
  return Number(date.text.slice(0, 4));
}
