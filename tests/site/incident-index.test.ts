import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { INDEX_PAGE_SIZE } from '../../src/lib/site/pagination.ts';
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

  it('lists every published record once on its first page while they fit, under year headings, newest year first', async () => {
    expect(dataset.incidents.length).toBeLessThanOrEqual(INDEX_PAGE_SIZE);
    const links = await page.locator('ol.incident-list .incident-card h3 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect([...links].sort()).toEqual(dataset.incidents.map((i) => `/incidents/${i.id}/`).sort());
    const years = (await page.locator('main section > h2').allTextContents()).map(Number);
    expect(years.length).toBeGreaterThan(1);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(await page.locator('nav.pager').count()).toBe(0);
    expect(await page.locator('p.lede').textContent()).toMatch(new RegExp(`^\\s*${dataset.incidents.length} incidents, newest first\\. To filter`));
  });

  it('has no axe violations, in light and in dark mode at phone width', async () => {
    expect(await axeViolations(page)).toEqual([]);
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    await phone.goto(inject('siteUrl') + '/incidents/');
    expect(await axeViolations(phone)).toEqual([]);
    await phone.close();
  });
});
