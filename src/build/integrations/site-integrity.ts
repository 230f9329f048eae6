import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { printable } from '../../core/characters.ts';
import { extractLinks, findBrokenLinks, internalTarget, type PageLinks } from '../../lib/site/link-check.ts';

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

/** After every build: every internal link and anchor must resolve, or the build fails. */
export function siteIntegrity(): AstroIntegration {
  return {
    name: 'incident-atlas-site-integrity',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, files } = readBuiltSite(fileURLToPath(dir));
        const broken = findBrokenLinks(pages, files);
        if (broken.length) {
          const list = broken.slice(0, 20).map((b) => `  ${b.from} → ${printable(b.link)}: ${printable(b.reason)}`).join('\n');
          throw new Error(`${broken.length} broken internal link(s):\n${list}`);
        }
        const internal = [...pages].reduce((sum, [from, page]) => sum + page.links.filter((link) => internalTarget(link, from)).length, 0);
        logger.info(`Links: ${internal} internal links and anchors on ${pages.size} pages checked, none broken`);
      },
    },
  };
}
