import { parsePartialDate, withPrecision, type PartialDate, type Precision } from '../../core/dates.ts';

/** Reads a date field already checked by the schema, honouring a stated coarser precision. */
export function dateOf(value: string | number, precision?: Precision): PartialDate {
  const date = parsePartialDate(value);
  if (!date) throw new Error(`unchecked date reached a rule: ${value}`);
  return precision ? withPrecision(date, precision) : date;
}
