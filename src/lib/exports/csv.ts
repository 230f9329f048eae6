/**
 * CSV as RFC 4180 describes it: fields separated by commas, records ended by CRLF, a field
 * quoted when it holds a comma, a quote, CR or LF, and quotes inside it doubled.
 */

/** What a cell may hold: text, a number, a yes/no written as 1/0, or nothing (an empty cell). */
export type CsvValue = string | number | boolean | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Guards a text cell against formula injection: text starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading apostrophe, which spreadsheets read as "this is text".
 * Numbers are never changed, so a negative number stays a number.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, guarded and quoted as needed. Booleans become 1 and 0 so spreadsheets can sum them. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`CSV cells must be finite numbers, got ${value}`);
    return String(value);
  }
  const text = neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Options for {@link toCsv}. */
export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark, so Excel reads the file as UTF-8. Default false. */
  bom?: boolean;
}

/**
 * A whole CSV document: a header record, then one record per row, each ended by CRLF.
 * Every row must have as many cells as the header.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const lines = [header, ...rows].map((cells, index) => {
    if (cells.length !== header.length) throw new Error(`CSV row ${index} has ${cells.length} cells; the header has ${header.length}`);
    return cells.map(csvField).join(',') + '\r\n';
  });
  return (options.bom ? '\uFEFF' : '') + lines.join('');
}
