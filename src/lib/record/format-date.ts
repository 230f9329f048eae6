import { parsePartialDate, withPrecision, type Precision } from '../../core/dates.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A partial date for readers, no more precise than it was written:
 * `2025-12` → "December 2025"; `2025-12-15T09:47Z` → "15 December 2025, 09:47 UTC".
 * Datetimes keep the offset they were written with, as sources give them.
 */
export function formatPartialDate(value: string | number, precision?: Precision): string {
  const parsed = parsePartialDate(value);
  if (!parsed) return String(value);
  const date = precision ? withPrecision(parsed, precision) : parsed;
  const text = String(value);
  const [year, month, day] = [text.slice(0, 4), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
  switch (date.precision) {
    case 'year': return year;
    case 'month': return `${MONTHS[month - 1]} ${year}`;
    case 'day': return `${day} ${MONTHS[month - 1]} ${year}`;
    default: {
      const time = text.slice(11, 16);
      const zone = text.endsWith('Z') ? 'UTC' : `UTC${text.slice(-6)}`;
      const clock = date.precision === 'hour' ? `about ${time.slice(0, 2)}:00` : time;
      return `${day} ${MONTHS[month - 1]} ${year}, ${clock} ${zone}`;
    }
  }
}

