import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexedUrls, recordPageUrls } from '../../src/integrations/search-index.ts';
import { DIST } from '../support/site-setup.ts';

const CONTENT = join(import.meta.dirname, '..', '..', 'content', 'incidents');

/** Published record ids, read from the files directly, not through the site's own loader. */
function publishedFiles(): string[] {
  return readdirSync(CONTENT)
    .filter((name) => name.endsWith('.mdx'))
    .filter((name) => /^status: published\s*$/m.test(readFileSync(join(CONTENT, name), 'utf8')))
    .map((name) => name.replace(/\.mdx$/, ''))
    .sort();
}

describe('the built site holds every record exactly once', () => {
  const files = publishedFiles();
  const dataset = JSON.parse(readFileSync(join(DIST, 'data', 'incidents.json'), 'utf8')) as { count: number; incidents: { id: string }[] };
  const entryIds = dataset.incidents.map((incident) => incident.id).sort();
  const pageIds = recordPageUrls(DIST).map((url) => url.split('/')[2]!).sort();
  const indexedIds = indexedUrls(join(DIST, 'pagefind')).map((url) => url.split('/')[2]!).sort();

  it('has records to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('files = collection entries = record pages = search-index pages', () => {
    expect(entryIds).toEqual(files);
    expect(dataset.count).toBe(files.length);
    expect(pageIds).toEqual(files);
    expect(indexedIds).toEqual(files);
  });

  it('record pages ship no JavaScript (structured data in application/ld+json is not script)', () => {
    for (const id of pageIds) {
      const html = readFileSync(join(DIST, 'incidents', id, 'index.html'), 'utf8');
      const openings = html.match(/<script\b[^>]*>/gi) ?? [];
      expect(openings.filter((tag) => !/^<script type="application\/ld\+json">$/i.test(tag)), id).toEqual([]);
      expect(html, id).not.toMatch(/\son[a-z]+=/i);
    }
  });
});
