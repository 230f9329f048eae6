import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { indexedUrls, recordPageUrls, tombstonePageUrls } from '../../src/build/integrations/search-index.ts';

/** Ids of the records with one status, read from the files directly, not through the site's own loader. */
export function filesWithStatus(dir: string, status: 'published' | 'withdrawn'): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .filter((name) => new RegExp(`^status: ${status}\\s*$`, 'm').test(readFileSync(join(dir, name), 'utf8')))
    .map((name) => name.replace(/\.mdx$/, ''))
    .sort();
}

/**
 * The integrity check, restated for withdrawn records: every built file (published or withdrawn)
 * is a collection entry and a dataset row; published ones are record pages and search-index
 * pages, withdrawn ones tombstone pages and in no index.
 */
export function integrity(content: string, dist: string) {
  const dataset = JSON.parse(readFileSync(join(dist, 'data', 'incidents.json'), 'utf8')) as { count: number; incidents: { id: string; status: string }[] };
  const ids = (urls: string[]) => urls.map((url) => url.split('/')[2]!).sort();
  return {
    published: filesWithStatus(content, 'published'),
    withdrawn: filesWithStatus(content, 'withdrawn'),
    count: dataset.count,
    rows: { published: dataset.incidents.filter((r) => r.status === 'published').map((r) => r.id).sort(), withdrawn: dataset.incidents.filter((r) => r.status === 'withdrawn').map((r) => r.id).sort() },
    pages: ids(recordPageUrls(dist)),
    tombstones: ids(tombstonePageUrls(dist)),
    indexed: ids(indexedUrls(join(dist, 'pagefind'))),
  };
}

/** Asserts files = entries = pages = index = dataset rows, with withdrawn records apart. */
export function expectIntegrity(content: string, dist: string): void {
  const seen = integrity(content, dist);
  expect(seen.rows.published).toEqual(seen.published);
  expect(seen.rows.withdrawn).toEqual(seen.withdrawn);
  expect(seen.count).toBe(seen.published.length + seen.withdrawn.length);
  expect(seen.pages).toEqual(seen.published);
  expect(seen.tombstones).toEqual(seen.withdrawn);
  expect(seen.indexed).toEqual(seen.published);
}
