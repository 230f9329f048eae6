import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { printable } from '../../core/characters.ts';
import { checkLinks } from '../../lib/site/link-check.ts';
import { readBuiltSite } from '../built-site.ts';

/** After every build: every internal link and anchor must resolve, or the build fails. */
export function siteIntegrity(): AstroIntegration {
  return {
    name: 'incident-atlas-site-integrity',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, files } = readBuiltSite(fileURLToPath(dir));
        const { broken, internal } = checkLinks(pages, files);
        if (broken.length) {
          const list = broken.slice(0, 20).map((b) => `  ${b.from} → ${printable(b.link)}: ${printable(b.reason)}`).join('\n');
          throw new Error(`${broken.length} broken internal link(s):\n${list}`);
        }
        logger.info(`Links: ${internal} internal links and anchors on ${pages.size} pages checked, none broken`);
      },
    },
  };
}
