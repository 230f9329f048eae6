// A minimal Hugo site for the --hugo comparison: the same records, each a Markdown page with its
// title and summary, rendered by one plain template, then indexed by the Pagefind CLI. It is the
// fastest static-site baseline on the same machine. Written to a temporary folder; never committed.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The record's title and summary, as YAML Hugo reads; the other fields are ours, not a page's. */
function frontmatterFor(text: string): { yaml: string; body: string } {
  const end = text.indexOf('\n---', 4);
  const head = text.slice(4, end);
  const field = (name: string) => {
    const block = new RegExp(`^${name}: >-\\n((?:  .*\\n?)+)`, 'm').exec(head);
    if (block) return block[1]!.replace(/^ {2}/gm, '').replace(/\n/g, ' ').trim();
    return new RegExp(`^${name}: (.*)$`, 'm').exec(head)?.[1]?.trim() ?? '';
  };
  return { yaml: `title: ${JSON.stringify(field('title'))}\nsummary: ${JSON.stringify(field('summary'))}\n`, body: text.slice(text.indexOf('\n', end + 1) + 1) };
}

/** Writes the Hugo site into `dir`, one page per record of `incidentsDir`. */
export function writeHugoProject(dir: string, incidentsDir: string): number {
  const files: Record<string, string> = {
    'hugo.yaml': [
      'baseURL: https://example.org/',
      'disableKinds: [taxonomy, term, RSS, sitemap, robotsTXT]',
      'uglyURLs: false',
      'markup: { goldmark: { renderer: { unsafe: true } } }',
    ].join('\n'),
    'layouts/_default/single.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main data-pagefind-body><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}</main></body></html>',
    'layouts/_default/list.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), `${text}\n`);
  }
  const pages = join(dir, 'content', 'incidents');
  mkdirSync(pages, { recursive: true });
  let count = 0;
  for (const name of readdirSync(incidentsDir).filter((file) => file.endsWith('.mdx'))) {
    const { yaml, body } = frontmatterFor(readFileSync(join(incidentsDir, name), 'utf8'));
    writeFileSync(join(pages, name.replace(/\.mdx$/, '.md')), `---\n${yaml}---\n${body}`);
    count++;
  }
  return count;
}
