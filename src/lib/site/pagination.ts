/**
 * The incident index in pages: page 1 at `/incidents/`, page n at `/incidents/page/<n>/`. Two
 * path segments, so no record id (one kebab-case segment) can ever collide with a page.
 */

/** Records listed on one page of the index. */
export const INDEX_PAGE_SIZE = 100;

export interface IndexPage<T> {
  /** 1-based. */
  number: number;
  url: string;
  items: T[];
}

/** URL of page `n` of the incident index. */
export function indexPageUrl(n: number): string {
  return n === 1 ? '/incidents/' : `/incidents/page/${n}/`;
}

/** Splits a list (already in display order) into index pages; an empty list still has page 1. */
export function paginate<T>(items: readonly T[], pageSize = INDEX_PAGE_SIZE): IndexPage<T>[] {
  const count = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, url: indexPageUrl(i + 1), items: items.slice(i * pageSize, (i + 1) * pageSize) }));
}

/** For each year, in the order first met, the page where its first record is listed. */
export function yearStarts<T>(pages: readonly IndexPage<T>[], yearOf: (item: T) => number): { year: number; page: number; url: string }[] {
  const seen = new Map<number, number>();
  for (const page of pages) for (const item of page.items) if (!seen.has(yearOf(item))) seen.set(yearOf(item), page.number);
  return [...seen].map(([year, page]) => ({ year, page, url: `${indexPageUrl(page)}#year-${year}` }));
}

const indexes = new WeakMap<object, { pages: IndexPage<unknown>[]; years: ReturnType<typeof yearStarts> }>();

/**
 * The pages and year links of an index over `items`, worked out once per list: every page of the
 * index needs them, and at 10,000 records recomputing them for each page costs seconds.
 */
export function indexOf<T>(items: readonly T[], yearOf: (item: T) => number): { pages: IndexPage<T>[]; years: ReturnType<typeof yearStarts> } {
  let index = indexes.get(items);
  if (!index) {
    const pages = paginate(items);
    index = { pages, years: yearStarts(pages, yearOf) };
    indexes.set(items, index);
  }
  return index as { pages: IndexPage<T>[]; years: ReturnType<typeof yearStarts> };
}
