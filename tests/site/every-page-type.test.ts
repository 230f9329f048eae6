import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { htmlProblems } from '../support/html-validate.ts';
import { DIST } from '../support/site-setup.ts';

/** One page of each kind the site builds: the first page under each top-level route, plus the home page. */
function pageTypes(): string[] {
  const pages = ['/'];
  for (const entry of readdirSync(DIST, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('_') || entry.name === 'pagefind') continue;
    const dir = join(DIST, entry.name);
    if (readdirSync(dir).includes('index.html')) pages.push(`/${entry.name}/`);
    const child = readdirSync(dir, { withFileTypes: true }).find((c) => c.isDirectory() && readdirSync(join(dir, c.name)).includes('index.html'));
    if (child) pages.push(`/${entry.name}/${child.name}/`);
  }
  return pages;
}

const PAGES = pageTypes();

describe('every page type', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => browser?.close());

  it('covers the record page, lists and search', () => {
    expect(PAGES).toEqual(expect.arrayContaining(['/', '/incidents/', '/search/']));
    expect(PAGES.some((p) => /^\/incidents\/.+\/$/.test(p))).toBe(true);
  });

  it.each(PAGES)('%s is valid HTML', async (path) => {
    const file = join(DIST, path, 'index.html');
    expect(await htmlProblems(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it.each(PAGES)('%s has no CSP violation, console error or axe violation, light and dark', async (path) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme });
      const problems: string[] = [];
      page.on('console', (message) => { if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text()); });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(inject('siteUrl') + path, { waitUntil: 'load' });
      expect(await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')).toContain("script-src 'self'");
      expect(await axeViolations(page), `${path} ${colorScheme}`).toEqual([]);
      // Chromium reports every CSP violation ("Refused to …") as a console error.
      expect(problems, `${path} ${colorScheme}`).toEqual([]);
      await page.close();
    }
  });
});
