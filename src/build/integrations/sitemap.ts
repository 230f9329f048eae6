import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pagePathOf, sitemapXml } from '../../lib/exports/sitemap.ts';
import { readBuiltSite, type BuiltPage } from '../built-site.ts';
import { recordHistory } from '../record-history.ts';

/**
 * Writes `sitemap.xml` from the pages the build actually wrote, so that every page is listed
 * whichever route made it. Record pages carry the date their file last changed in git.
 */
export function sitemap(): AstroIntegration {
  let site = '';
  return {
    name: 'incident-atlas-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('The sitemap needs `site` in astro.config.mjs');
        site = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const history = recordHistory();
        // The link check after this hook reads the same pages: they are read once (src/build/built-site.ts).
        const entries = [...readBuiltSite(distDir).pages.values()]
          .map((page) => ({ page, path: pagePathOf(page.file) }))
          .filter((entry): entry is { page: BuiltPage; path: string } => entry.path !== undefined)
          .sort((a, b) => a.path.localeCompare(b.path))
          .flatMap(({ page, path }) => {
            if (page.noindex) return [];
            const record = /^\/incidents\/([^/]+)\/$/.exec(path)?.[1];
            return [{ loc: new URL(path, site).href, lastmod: record ? history.get(`content/incidents/${record}.mdx`)?.updated : undefined }];
          });
        writeFileSync(join(distDir, 'sitemap.xml'), sitemapXml(entries));
        logger.info(`Sitemap lists ${entries.length} pages`);
      },
    },
  };
}
