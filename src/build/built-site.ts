import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isNoindex } from '../lib/exports/sitemap.ts';
import { extractLinks, type PageLinks } from '../lib/site/link-check.ts';

/** A built HTML page as the checks after the build read it. */
export interface BuiltPage extends PageLinks {
  /** Its file, relative to the output folder (`incidents/x/index.html`). */
  file: string;
  /** Whether the page asks search engines not to index it (and so stays out of the sitemap). */
  noindex: boolean;
}

/** Every file under a folder, as site paths (`/incidents/x/index.html`). */
function sitePaths(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')}`);
}

// Pages already read, by output folder and site path: the sitemap and the link check both need
// every page, and at 10,000 records reading and parsing them took 4 s each time. A page is read
// again if its file changed since, as when a later build in the same process writes the folder anew.
const read = new Map<string, Map<string, { stamp: string; page: BuiltPage }>>();

/**
 * Reads the built site: pages by URL with their links, ids and robots flag, and every file. The
 * files are listed afresh on each call, as hooks write files; each page is read once per build.
 */
export function readBuiltSite(distDir: string): { pages: Map<string, BuiltPage>; files: Set<string> } {
  const known = read.get(distDir) ?? new Map<string, { stamp: string; page: BuiltPage }>();
  read.set(distDir, known);
  const pages = new Map<string, BuiltPage>();
  const files = new Set<string>();
  for (const path of sitePaths(distDir)) {
    files.add(path);
    if (!path.endsWith('.html')) continue;
    const file = join(distDir, path);
    const { mtimeMs, size } = statSync(file);
    const stamp = `${mtimeMs}:${size}`;
    let entry = known.get(path);
    if (entry?.stamp !== stamp) {
      const html = readFileSync(file, 'utf8');
      entry = { stamp, page: { file: path.slice(1), ...extractLinks(html), noindex: isNoindex(html) } };
      known.set(path, entry);
    }
    pages.set(path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path, entry.page);
  }
  return { pages, files };
}
