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
  // Scripts ship as files, never inline, so the Content-Security-Policy can stay 'self'.
  vite: { build: { assetsInlineLimit: 0 } },
});
