// npm run screenshots -- [path…]: captures pages of the built site (dist/) at desktop and phone width, light and dark.
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../tests/support/browser.ts';
import { serveStatic } from './static-server.ts';

const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/incidents/', '/incidents/2025-12-aws-cost-explorer-kiro/'];
const out = 'screenshots';
mkdirSync(out, { recursive: true });
const { server, url } = await serveStatic('dist');
const browser = await launchChromium();
try {
  for (const path of paths) {
    for (const [name, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport, colorScheme: scheme });
        // Search and compare fill in after load; wait until they have fetched what they need.
        await page.goto(url + path, { waitUntil: 'networkidle' });
        const file = `${out}/${path.replace(/\//g, '_') || 'home'}-${name}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
        await page.close();
        console.log(file);
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
