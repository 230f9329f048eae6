import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { collectErrors, launchChromium } from '../support/browser.ts';
import { gzipSync } from 'node:zlib';

const MODEL = '/incidents/2025-12-aws-cost-explorer-kiro/';

describe('the model record page in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    collectErrors(page, consoleErrors);
    await page.goto(inject('siteUrl') + MODEL);
  });
  afterAll(async () => browser?.close());

  it('stays under 12 KB of HTML gzipped, as served', async () => {
    const response = await fetch(inject('siteUrl') + MODEL);
    const html = Buffer.from(await response.arrayBuffer());
    // Node's default gzip level, about what a static host sends.
    expect(gzipSync(html).length).toBeLessThan(12_288);
  });

  it('shows the title, summary and facts card', async () => {
    expect(await page.locator('h1').textContent()).toMatch(/Cost Explorer/);
    await expect.poll(() => page.locator('.record-header .summary').textContent()).toMatch(/Kiro/);
    const facts = await page.locator('section.facts dt').allTextContents();
    expect(facts).toEqual(expect.arrayContaining(['Began', 'Duration', 'Organizations', 'Systems', 'Severity', 'Permanent data loss', 'Automation']));
    expect(await page.locator('section.facts').textContent()).toMatch(/about 13 h/);
  });

  it('has every section, in reading order: what is at issue and the account before the structured sections', async () => {
    const headings = await page.locator('.record-main > section > h2').allTextContents();
    expect(headings).toEqual(['At issue', 'Account', 'Timeline', 'Cause', 'Claims and disputes', 'Safeguards', 'Sources', 'Related incidents', 'Cite this record']);
  });

  it('gives the timeline as an ordered list of <time> elements with sources', async () => {
    const items = page.locator('ol.timeline > li');
    expect(await items.count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('ol.timeline > li time[datetime]').count()).toBe(await items.count());
    expect(await page.locator('ol.timeline > li sup.cite a[href^="#source-"]').count()).toBeGreaterThanOrEqual(await items.count());
  });

  it('shows claims with status badges and both sides', async () => {
    expect(await page.locator('article.claim .badge-disputed').count()).toBeGreaterThan(0);
    expect(await page.locator('article.claim .badge-denied').count()).toBeGreaterThan(0);
    const sides = await page.locator('#claim-cause-attribution .side h4').allTextContents();
    expect(sides).toEqual(['Asserted by', 'Disputed by']);
  });

  it('groups safeguards by status', async () => {
    const groups = await page.locator('.safeguard-group h3').allTextContents();
    expect(groups.some((g) => /Bypassed|Failed|Absent/.test(g))).toBe(true);
    expect(groups.some((g) => /Added afterwards/.test(g))).toBe(true);
  });

  it('every citation resolves to a numbered source', async () => {
    const targets = await page.locator('sup.cite a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    for (const target of new Set(targets)) expect(await page.locator(target).count(), target).toBe(1);
    expect(await page.locator('ol.sources > li').count()).toBeGreaterThanOrEqual(3);
  });

  it('offers a citation, an edit link and the history', async () => {
    const cite = await page.locator('.citation-text, .citation pre').allTextContents();
    expect(cite[0]).toMatch(/Incident Atlas contributors\. "AWS Cost Explorer/);
    expect(cite[1]).toMatch(/^@misc\{2025-12-aws-cost-explorer-kiro,/);
    expect(JSON.parse(cite[2]!)[0]).toMatchObject({ id: '2025-12-aws-cost-explorer-kiro', URL: expect.stringMatching(/\/incidents\/2025-12-aws-cost-explorer-kiro\/$/) });
    expect(await page.locator('a', { hasText: 'Edit this record' }).getAttribute('href')).toMatch(/\/edit\/main\/content\/incidents\/2025-12-aws-cost-explorer-kiro\.mdx$/);
    expect(await page.locator('a', { hasText: 'History of this record' }).getAttribute('href')).toMatch(/\/commits\/main\/content\/incidents\//);
  });

  it('loads no script, logs no console error and has no axe violations', async () => {
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('has no axe violations in dark mode at phone width either', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    await phone.goto(inject('siteUrl') + MODEL);
    expect(await axeViolations(phone)).toEqual([]);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });
});
