import { describe, expect, it } from 'vitest';
import { indexOf, indexPageUrl, paginate, yearStarts } from '../../src/lib/site/pagination.ts';

describe('the paged incident index', () => {
  it('puts page 1 at /incidents/ and later pages two segments deep, where no record id can be', () => {
    expect(indexPageUrl(1)).toBe('/incidents/');
    expect(indexPageUrl(3)).toBe('/incidents/page/3/');
  });

  it('splits a list into full pages and a remainder, keeping every item once and in order', () => {
    const items = Array.from({ length: 250 }, (_, i) => i);
    const pages = paginate(items, 100);
    expect(pages.map((page) => page.items.length)).toEqual([100, 100, 50]);
    expect(pages.flatMap((page) => page.items)).toEqual(items);
    expect(pages.map((page) => page.url)).toEqual(['/incidents/', '/incidents/page/2/', '/incidents/page/3/']);
  });

  it('has one page for an empty or short list', () => {
    expect(paginate([], 100)).toEqual([{ number: 1, url: '/incidents/', items: [] }]);
    expect(paginate([1, 2], 100)).toHaveLength(1);
  });

  it('links each year to the page where its first record is listed', () => {
    const years = [2025, 2025, 2024, 2024, 2024, 2023];
    expect(yearStarts(paginate(years, 2), (year) => year)).toEqual([
      { year: 2025, page: 1, url: '/incidents/#year-2025' },
      { year: 2024, page: 2, url: '/incidents/page/2/#year-2024' },
      { year: 2023, page: 3, url: '/incidents/page/3/#year-2023' },
    ]);
  });
});

describe('indexOf', () => {
  it('pages a list and links its years once, handing back the same result for the same list', () => {
    const years = [2025, 2024, 2024];
    const first = indexOf(years, (year) => year);
    expect(first.pages.map((page) => page.items)).toEqual([[2025, 2024, 2024]]);
    expect(first.years.map((start) => start.url)).toEqual(['/incidents/#year-2025', '/incidents/#year-2024']);
    expect(indexOf(years, (year) => year)).toBe(first);
    expect(indexOf([...years], (year) => year)).not.toBe(first);
  });
});
