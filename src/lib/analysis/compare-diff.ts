/**
 * Where compared incidents differ. Runs in the browser on the compare page, so it imports
 * nothing: the columns it compares are built at build time by compare.ts.
 */

/** One value in a cell. `t` is shown; `k` decides sameness (defaults to `t`); `b` is a badge before `t`, coloured by `tone`. */
export interface CompareItem {
  t: string;
  k?: string;
  b?: string;
  tone?: string;
}

/**
 * How a row's cells are compared: `value` cells differ when their values differ; `set` cells are
 * lists whose items are marked when not every column has them; `none` rows are free text, shown
 * but not compared.
 */
export type DiffMode = 'value' | 'set' | 'none';

/** Where the columns of one row differ. */
export interface RowDifferences {
  /** True when the row does not read the same in every column. */
  differs: boolean;
  /** For each column, for each item: whether every column has it (set rows; always true elsewhere). */
  shared: boolean[][];
}

/** The key an item is compared by. */
export const itemKey = (item: CompareItem): string => item.k ?? item.t;

/**
 * Compares one row across columns. With fewer than two columns nothing differs. A `value` row
 * differs when the columns' values are not all equal (an empty cell is a value too); a `set` row
 * marks each item that some column lacks.
 */
export function rowDifferences(cells: readonly (readonly CompareItem[])[], mode: DiffMode): RowDifferences {
  const allShared = cells.map((items) => items.map(() => true));
  if (cells.length < 2 || mode === 'none') return { differs: false, shared: allShared };
  if (mode === 'value') {
    const values = new Set(cells.map((items) => items.map(itemKey).join('\n')));
    return { differs: values.size > 1, shared: allShared };
  }
  const holders = new Map<string, number>();
  for (const items of cells) for (const key of new Set(items.map(itemKey))) holders.set(key, (holders.get(key) ?? 0) + 1);
  const shared = cells.map((items) => items.map((item) => holders.get(itemKey(item)) === cells.length));
  return { differs: shared.some((items) => items.includes(false)), shared };
}

/** The ids asked for in a compare URL: the first `max` valid ones, the rest beyond `max`, and any malformed. */
export interface CompareIds {
  ids: string[];
  extra: string[];
  malformed: string[];
}

/**
 * Reads `ids` from a query string: `?ids=a,b` or repeated `?ids=a&ids=b` (as a form of
 * checkboxes sends it), or both mixed. Duplicates count once.
 */
export function parseCompareIds(search: string, max = 4): CompareIds {
  const all = new URLSearchParams(search)
    .getAll('ids')
    .flatMap((value) => value.split(','))
    .map((id) => id.trim())
    .filter(Boolean);
  const valid = [...new Set(all.filter((id) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)))];
  return { ids: valid.slice(0, max), extra: valid.slice(max), malformed: all.filter((id) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) };
}

/**
 * The file holding an incident's compare column: `/compare/columns/<first 7 characters of the id>.json`,
 * a month of incidents for ids that start with their date (`2025-12-…`). One file per group rather
 * than one per incident keeps the build from writing (and paying route overhead on) ten thousand
 * tiny files, and a comparison still fetches only a few small ones.
 */
export const compareGroupOf = (id: string): string => id.slice(0, 7);
