// A stock Astro project for the "before" figure: the glob loader and @astrojs/mdx compile each
// record as its own MDX module, one simple page per record renders <Content />, and Pagefind
// indexes the result. Written to a temporary folder by the benchmark; never committed.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes the stock project into `dir`, reading records from `incidentsDir`, using the packages in `nodeModules`. */
export function writeStockProject(dir: string, incidentsDir: string, nodeModules: string): void {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'stock-mdx-bench', private: true, type: 'module' }, null, 2),
    'astro.config.mjs': [
      "import mdx from '@astrojs/mdx';",
      "import { defineConfig } from 'astro/config';",
      // node_modules is a link to the project's, so the cache lives beside the stock project instead.
      "export default defineConfig({ integrations: [mdx()], build: { format: 'directory' }, devToolbar: { enabled: false }, cacheDir: './.cache' });",
    ].join('\n'),
    'src/content.config.ts': [
      "import { defineCollection } from 'astro:content';",
      "import { glob } from 'astro/loaders';",
      `export const collections = { incidents: defineCollection({ loader: glob({ base: ${JSON.stringify(incidentsDir)}, pattern: '*.mdx' }) }) };`,
    ].join('\n'),
    'src/components/Cite.astro': '---\nconst { ids } = Astro.props;\n---\n<sup class="cite">[{ids}]</sup>',
    'src/components/Aside.astro': '---\nconst { kind, title } = Astro.props;\n---\n<aside class={`aside aside-${kind}`}><p class="aside-title">{title}</p><slot /></aside>',
    'src/pages/incidents/[id].astro': [
      '---',
      "import { getCollection, render } from 'astro:content';",
      "import Aside from '../../components/Aside.astro';",
      "import Cite from '../../components/Cite.astro';",
      'export async function getStaticPaths() {',
      "  return (await getCollection('incidents')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));",
      '}',
      'const { entry } = Astro.props;',
      'const { Content } = await render(entry);',
      '---',
      '<html lang="en"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>',
      '<body><main data-pagefind-body><h1>{entry.data.title}</h1><p>{entry.data.summary}</p><Content components={{ Cite, Aside }} /></main></body></html>',
    ].join('\n'),
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), `${text}\n`);
  }
  symlinkSync(nodeModules, join(dir, 'node_modules'), 'dir');
}
