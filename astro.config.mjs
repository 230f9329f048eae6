// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { focusableCodeBlocks } from './src/integrations/focusable-code.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { SITE } from './src/site.ts';

export default defineConfig({
  site: SITE.url,
  trailingSlash: 'always',
  integrations: [mdx(), searchIndex(), focusableCodeBlocks()],
  build: { format: 'directory' },
  // Code in Markdown pages (the contributing guide) is plain, like code in record bodies.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
});
