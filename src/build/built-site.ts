import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { extractLinks, type PageLinks } from '../lib/site/link-check.ts';

/** Every file under a folder, as site paths (`/incidents/x/index.html`). */
function sitePaths(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')}`);
}

/** Reads the built site: pages by URL with their links, and every other file. */
export function readBuiltSite(distDir: string): { pages: Map<string, PageLinks>; files: Set<string> } {
  const pages = new Map<string, PageLinks>();
  const files = new Set<string>();
  for (const path of sitePaths(distDir)) {
    files.add(path);
    if (path.endsWith('.html')) {
      const url = path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
      pages.set(url, extractLinks(readFileSync(join(distDir, path), 'utf8')));
    }
  }
  return { pages, files };
}
