import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { INDEX_PAGE_SIZE, indexPageUrl as pagePath } from '../../src/lib/site/pagination.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { DIST } from '../support/site-setup.ts';

describe('the incident index in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const dataset = JSON.parse(readFileSync(join(DIST, 'data', 'incidents.json'), 'utf8')) as { incidents: { id: string }[] };

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(inject('siteUrl') + '/incidents/');
  });
  afterAll(async () => browser?.close());

  it('lists every published record once across its pages, newest first, under year headings', async () => {
    const total = dataset.incidents.length;
    const pages = Math.ceil(total / INDEX_PAGE_SIZE);
    const links: string[] = [];
    for (let n = 1; n <= pages; n++) {
      const view = n === 1 ? page : await browser.newPage();
      if (n > 1) await view.goto(inject('siteUrl') + pagePath(n));
      const onPage = await view.locator('ol.incident-list .incident-card h3 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(onPage.length, pagePath(n)).toBe(Math.min(INDEX_PAGE_SIZE, total - (n - 1) * INDEX_PAGE_SIZE));
      links.push(...onPage);
      const years = (await view.locator('main section > h2').allTextContents()).map(Number);
      expect(years).toEqual([...years].sort((a, b) => b - a));
      // A pager links the pages exactly when there is more than one.
      expect(await view.locator('nav.pager').count(), pagePath(n)).toBe(pages > 1 ? 1 : 0);
      if (n > 1) await view.close();
    }
    expect([...links].sort()).toEqual(dataset.incidents.map((i) => `/incidents/${i.id}/`).sort());
    expect(await page.locator('p.lede').textContent()).toMatch(new RegExp(`^\\s*${total.toLocaleString('en')} incidents, newest first\\. ${pages > 1 ? `This is page 1 of ${pages} \\(incidents 1–${INDEX_PAGE_SIZE}\\)\\. ` : ''}See them as a sortable table; to filter`));
  });

  it('starts each title of the table of incidents on screen at phone width, the date wrapping beside it', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(inject('siteUrl') + '/incidents/table/');
    const titles = await phone.locator('.index-table tbody th[scope="row"]').evaluateAll((cells) => cells.slice(0, 20).map((cell) => cell.getBoundingClientRect().left));
    expect(titles.length).toBe(20);
    // Half the width at most: the title is in view without scrolling sideways, with room for its first words.
    for (const left of titles) expect(left).toBeLessThan(195);
    await phone.close();
  });

  it('has no axe violations, in light and in dark mode at phone width', async () => {
    expect(await axeViolations(page)).toEqual([]);
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    await phone.goto(inject('siteUrl') + '/incidents/');
    expect(await axeViolations(phone)).toEqual([]);
    await phone.close();
  });
});
