import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { compareSets } from '../lib/sets.ts';

/** URLs of the record pages the build wrote: one folder per record under `incidents/` (`page/` holds the index's later pages). */
export function recordPageUrls(distDir: string): string[] {
  return readdirSync(join(distDir, 'incidents'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'page')
    .map((entry) => `/incidents/${entry.name}/`);
}

/** URLs of the pages in a written Pagefind index, read back from its fragment files. */
export function indexedUrls(pagefindDir: string): string[] {
  const dir = join(pagefindDir, 'fragment');
  return readdirSync(dir).map((name) => {
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
  });
}

/**
 * Builds the Pagefind index over the finished site, then reads it back and checks that it
 * holds exactly the record pages: a record missing from search fails the build.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'incident-atlas-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const outputPath = join(distDir, 'pagefind');
        logger.info('Building the search index');
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: distDir });
          if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
        } catch (error) {
          throw new Error('Building the search index failed', { cause: error });
        } finally {
          await pagefind.close();
        }
        const { missing, extra } = compareSets(recordPageUrls(distDir), indexedUrls(outputPath));
        if (missing.length || extra.length) {
          throw new Error(`The search index does not match the record pages. Missing: ${missing.join(', ') || 'none'}. Unexpected: ${extra.join(', ') || 'none'}.`);
        }
        logger.info(`Search index holds all ${recordPageUrls(distDir).length} record pages`);
      },
    },
  };
}
