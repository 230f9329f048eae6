import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { collectErrors, launchChromium } from '../support/browser.ts';

const MODEL = '/incidents/2025-12-aws-cost-explorer-kiro/';
// The records about Kiro itself: the model case, and its agent's file deletions reported by users.
const KIRO_RECORDS = [MODEL, '/incidents/2025-07-kiro-agent-file-deletions/'];

describe('search in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  /** Waits until the status line reports a finished search, then returns the result links. */
  async function resultUrls(): Promise<string[]> {
    await page.waitForFunction(() => !/Searching/.test(document.querySelector('#results-status')?.textContent ?? 'Searching'));
    return page.locator('#search-results .result-title a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  }

  /** The number of matches the status line reports. */
  async function resultCount(): Promise<number> {
    await resultUrls();
    const status = (await page.locator('#results-status').textContent()) ?? '';
    return Number(/(\d+) incidents? found|All (\d+)/.exec(status)?.slice(1).find(Boolean) ?? 0);
  }

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    collectErrors(page, errors);
  });
  afterAll(async () => browser?.close());

  it('the header search box of any page leads to the search page with the query', async () => {
    await page.goto(inject('siteUrl') + MODEL);
    await page.fill('#site-search', 'Kiro');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=Kiro$/);
    expect((await resultUrls()).slice(0, KIRO_RECORDS.length)).toContain(MODEL);
  });

  it('typing "Kiro" returns the Kiro records first, the model record among them', async () => {
    await page.goto(inject('siteUrl') + '/search/');
    await page.locator('#search-query').pressSequentially('Kiro', { delay: 20 });
    await page.waitForURL(/q=Kiro/);
    const urls = await resultUrls();
    expect(urls.slice(0, KIRO_RECORDS.length).sort()).toEqual([...KIRO_RECORDS].sort());
    expect(await page.locator('#search-results mark').first().textContent()).toMatch(/kiro/i);
  });

  it('a cause filter narrows the results and updates the URL; reloading restores them', async () => {
    await page.goto(inject('siteUrl') + '/search/?q=outage');
    const before = await resultCount();
    await page.locator('details.facet', { hasText: 'Cause' }).locator('input[value="agent-destructive-action"]').check();
    await page.waitForURL(/cause=agent-destructive-action/);
    const after = await resultUrls();
    expect(after.length).toBeGreaterThan(0);
    expect(await resultCount()).toBeLessThan(before);
    const url = page.url();
    await page.reload();
    expect(page.url()).toBe(url);
    expect(await resultUrls()).toEqual(after);
    expect(await page.locator('input[value="agent-destructive-action"]').isChecked()).toBe(true);
    expect(await page.locator('#search-query').inputValue()).toBe('outage');
  });

  it('with a query, each filter count is what ticking it leaves, without the reader turning to the filters first', async () => {
    await page.goto(inject('siteUrl') + '/search/?q=outage');
    const total = await resultCount();
    const counts = page.locator('details.facet', { hasText: 'Cause' }).locator('[data-facet-count]');
    await expect.poll(() => counts.first().isVisible(), { timeout: 30_000 }).toBe(true);
    const values = await counts.evaluateAll((spans) => spans.map((span) => [(span as HTMLElement).dataset.facetCount!.split(':')[1]!, Number(span.textContent)] as const));
    expect(values.some(([, count]) => count > 0)).toBe(true);
    for (const [, count] of values) expect(count).toBeLessThanOrEqual(total);
    const [value, count] = values.filter(([, n]) => n > 0 && n < total).sort((a, b) => b[1] - a[1])[0]!;
    await page.locator('details.facet', { hasText: 'Cause' }).locator(`input[value="${value}"]`).check();
    await page.waitForURL(new RegExp(`cause=${value}`));
    expect(await resultCount()).toBe(count);
  });

  it('a shared URL with a query and a filter opens with those results', async () => {
    await page.goto(inject('siteUrl') + '/search/?q=kiro&cause=excess-privilege');
    expect((await resultUrls())[0]).toBe(MODEL);
  });

  it('shows results ten at a time, with a button for more', async () => {
    await page.goto(inject('siteUrl') + '/search/');
    const first = await resultUrls();
    const total = Number(/All (\d+) incidents/.exec((await page.locator('#results-status').textContent())!)![1]);
    expect(first.length).toBe(Math.min(10, total));
    if (total > 10) {
      await page.click('#search-more');
      await expect.poll(() => page.locator('#search-results > li').count()).toBe(Math.min(20, total));
    }
  });

  it('a nonsense query shows the empty state', async () => {
    await page.goto(inject('siteUrl') + '/search/?q=zzqxvbnonsenseword');
    expect(await resultUrls()).toEqual([]);
    expect(await page.locator('#search-empty').isVisible()).toBe(true);
    expect(await page.locator('#search-empty').textContent()).toMatch(/Try fewer or different words/);
  });

  it('can be driven from the keyboard alone: type, tab to a filter, toggle it with Space', async () => {
    await page.goto(inject('siteUrl') + '/search/');
    await page.keyboard.press('/');
    await page.keyboard.type('agent');
    await page.waitForURL(/q=agent/);
    const before = await resultUrls();
    // query → skip to results → order → search button → clear-all link → Cause summary → its first checkbox
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('cause');
    await page.keyboard.press('Space');
    await page.waitForURL(/cause=/);
    const after = await resultUrls();
    expect(after.length).toBeLessThanOrEqual(before.length);
  });

  it('is keyboard friendly, accessible, and logs no console errors', async () => {
    await page.goto(inject('siteUrl') + '/search/?q=backup');
    await resultUrls();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
