import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexedPages, indexedUrls, recordPageUrls } from '../../src/build/integrations/search-index.ts';
import { recordAnchors } from '../../src/lib/site/body-links.ts';
import { publishedRecords } from '../support/content.ts';
import { expectIntegrity, filesWithStatus } from '../support/integrity.ts';
import { DIST } from '../support/site-setup.ts';

const CONTENT = join(import.meta.dirname, '..', '..', 'content', 'incidents');

const publishedFiles = () => filesWithStatus(CONTENT, 'published');

describe('the built site holds every record exactly once', () => {
  const files = publishedFiles();
  const dataset = JSON.parse(readFileSync(join(DIST, 'data', 'incidents.json'), 'utf8')) as { count: number; incidents: { id: string }[] };
  const entryIds = dataset.incidents.map((incident) => incident.id).sort();
  const pageIds = recordPageUrls(DIST).map((url) => url.split('/')[2]!).sort();
  const indexedIds = indexedUrls(join(DIST, 'pagefind')).map((url) => url.split('/')[2]!).sort();

  it('has records to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('files = collection entries = record pages = search-index pages = dataset rows (withdrawn records apart)', () => {
    expect(entryIds.filter((id) => files.includes(id))).toEqual(files);
    expect(pageIds).toEqual(files);
    expect(indexedIds).toEqual(files);
    expectIntegrity(CONTENT, DIST);
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

describe('the anchors an account may link to', () => {
  it('exist on every record page, once each, and no heading of an account takes one of the page\'s own', () => {
    for (const { id, data } of publishedRecords()) {
      const html = readFileSync(join(DIST, 'incidents', id, 'index.html'), 'utf8');
      const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!);
      for (const anchor of recordAnchors(data as { sources: { id: string }[]; claims: { id: string }[] }, [])) {
        expect(ids.filter((found) => found === anchor), `${id}#${anchor}`).toHaveLength(1);
      }
      expect(new Set(ids).size, id).toBe(ids.length);
    }
  });
});

/** Lowercase words of a text, as search would split it. */
const wordsOf = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** The text of a page's main content, tags dropped and the entities the site writes decoded. */
function mainText(html: string): string {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main.replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).replace(/&(amp|lt|gt|quot);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name]!);
}

describe('the search index holds what the record pages show', () => {
  const fragments = indexedPages(join(DIST, 'pagefind'));

  it('indexes, for every record, only words its page shows, and most of them', () => {
    for (const fragment of fragments) {
      const page = wordsOf(mainText(readFileSync(join(DIST, fragment.url, 'index.html'), 'utf8')));
      const indexed = wordsOf(fragment.content);
      expect([...indexed].filter((word) => !page.has(word)), fragment.url).toEqual([]);
      // The page adds navigation, related incidents and the citation, which are not indexed.
      expect(indexed.size / page.size, fragment.url).toBeGreaterThan(0.5);
    }
  });

  it('links search results only to anchors the record page has', () => {
    for (const fragment of fragments) {
      const html = readFileSync(join(DIST, fragment.url, 'index.html'), 'utf8');
      for (const { id } of fragment.anchors) expect(html, `${fragment.url}#${id}`).toContain(`id="${id}"`);
    }
  });
});

