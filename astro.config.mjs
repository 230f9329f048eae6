// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { completeOutput } from './src/build/integrations/complete-output.ts';
import { focusableCodeBlocks } from './src/build/integrations/focusable-code.ts';
import { recordFiles } from './src/build/integrations/record-files.ts';
import { searchIndex } from './src/build/integrations/search-index.ts';
import { siteIntegrity } from './src/build/integrations/site-integrity.ts';
import { sitemap } from './src/build/integrations/sitemap.ts';
import { readRedirects, redirectRoutes } from './src/validate/redirects.ts';
import { CSP_DIRECTIVES, SCRIPT_SOURCES, STYLE_SOURCES } from './src/security-policy.ts';
import { SITE } from './src/site.ts';

// Renamed records keep their old URLs. Problems in the file are reported by the content check.
const renames = readRedirects(process.env.ATLAS_CONTENT_ROOT ?? process.cwd()).redirects;

export default defineConfig({
  site: SITE.url,
  redirects: redirectRoutes(renames),
  trailingSlash: 'always',
  // Hooks run in this order after the build: the search index, built alongside the pages, comes
  // after the sitemap and the link check so they run while Pagefind finishes; a build that fails
  // anywhere before the last hook leaves no dist/ behind.
  integrations: [mdx(), focusableCodeBlocks(), recordFiles(), sitemap(), siteIntegrity(), searchIndex(), completeOutput()],
  // Four pages at a time: one at a time, the renderer sat idle about a quarter of the pages phase
  // while each file was written. The pages are the same bytes either way.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Highlighters write inline styles, which the Content-Security-Policy refuses; code stays plain,
  // in Markdown pages (the contributing guide) as in record bodies.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  // The benchmark builds into a fresh cache so no run reuses another's content data store.
  ...(process.env.ATLAS_CACHE_DIR ? { cacheDir: process.env.ATLAS_CACHE_DIR } : {}),
  // Scripts ship as files, never inline, so the Content-Security-Policy can stay 'self'.
  vite: { build: { assetsInlineLimit: 0 } },
  security: {
    csp: {
      directives: [...CSP_DIRECTIVES],
      scriptDirective: { resources: [...SCRIPT_SOURCES] },
      styleDirective: { resources: [...STYLE_SOURCES] },
    },
  },
});
