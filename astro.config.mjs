// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { searchIndex } from './src/integrations/search-index.ts';
import { SITE } from './src/site.ts';

export default defineConfig({
  site: SITE.url,
  trailingSlash: 'always',
  integrations: [mdx(), searchIndex()],
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  experimental: { collectionStorage: 'chunked' },
  // The benchmark builds into a fresh cache so no run reuses another's content data store.
  ...(process.env.ATLAS_CACHE_DIR ? { cacheDir: process.env.ATLAS_CACHE_DIR } : {}),
  // Scripts ship as files, never inline, so the Content-Security-Policy can stay 'self'.
  vite: { build: { assetsInlineLimit: 0 } },
});
