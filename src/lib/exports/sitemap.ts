import { escapeXml } from '../../core/xml.ts';

/** One page of the sitemap. */
export interface SitemapEntry {
  /** Absolute URL. */
  loc: string;
  /** When the page's content last changed (ISO 8601), when known. */
  lastmod?: string | null | undefined;
}

/** Most URLs one sitemap file may list (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

/** A sitemaps.org XML sitemap, URLs in the order given. */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  if (entries.length > SITEMAP_LIMIT) throw new Error(`A sitemap holds at most ${SITEMAP_LIMIT} URLs; got ${entries.length}. Split it with a sitemap index.`);
  const urls = entries.map(({ loc, lastmod }) => `  <url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ''}</url>`);
  return ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}

/**
 * URL path of a built HTML file (relative to the output folder, `/`-separated), or undefined for
 * files that are not pages of their own: `404.html`, and anything that is not HTML.
 */
export function pagePathOf(file: string): string | undefined {
  if (!file.endsWith('.html') || file === '404.html' || file === '500.html') return undefined;
  if (file === 'index.html') return '/';
  return file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
}

/** True when a page asks search engines not to index it. */
export function isNoindex(html: string): boolean {
  return /<meta\s+name=["']?robots["']?\s+content=["'][^"']*noindex/i.test(html);
}
