// The defects a new reader and a new researcher met on the built site, one test each (numbered as
// reported), driven in Chromium against the built site.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectErrors, launchChromium } from '../support/browser.ts';
import { taxonomyIds } from '../support/content.ts';

const MODEL = '/incidents/2025-12-aws-cost-explorer-kiro/';
const ROOT = join(import.meta.dirname, '..', '..');
const WAIT = { timeout: 30_000 };

describe('defects seen by a new reader and researcher', () => {
  let browser: Browser;
  const url = (path: string) => inject('siteUrl') + path;

  async function open(path: string, options: { javaScript?: boolean; width?: number; height?: number } = {}): Promise<Page> {
    const page = await browser.newPage({ javaScriptEnabled: options.javaScript ?? true, viewport: { width: options.width ?? 1366, height: options.height ?? 900 } });
    await page.goto(url(path));
    return page;
  }

  /** Waits for the search page to finish a search, then returns how many results it reports. */
  async function searched(page: Page): Promise<number> {
    await expect.poll(() => page.locator('#results-status').textContent(), WAIT).toMatch(/found|All \d+|No results/);
    const status = (await page.locator('#results-status').textContent()) ?? '';
    return Number(/(\d+) incidents? found|All (\d+)/.exec(status)?.slice(1).find(Boolean) ?? 0);
  }

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('1. "Show more results" is not shown when every result is already listed, with or without JavaScript', async () => {
    // Few enough to fit one page of results: the near-misses where an agent was involved.
    const page = await open('/search/?q=agent&type=near-miss');
    const total = await searched(page);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(10);
    expect(await page.locator('#search-more').isVisible()).toBe(false);
    await page.close();
    const still = await open('/search/?q=agent&type=near-miss', { javaScript: false });
    expect(await still.locator('#search-more').isVisible()).toBe(false);
    await still.close();
  });

  it('2. with a filter in the URL, the counts of the other filters are right on first paint, without hovering', async () => {
    const page = await open('/search/?automation=agent');
    const total = await searched(page);
    const cause = page.locator('details.facet', { hasText: 'Cause' }).locator('[data-facet-count]');
    await expect.poll(() => cause.first().isVisible(), WAIT).toBe(true);
    const counts = (await cause.allTextContents()).map(Number);
    expect(Math.max(...counts)).toBeGreaterThan(0);
    for (const count of counts) expect(count).toBeLessThanOrEqual(total);
    // The count beside a cause is the number of results ticking it leaves.
    const [value, count] = await cause.first().evaluate((span) => [(span as HTMLElement).dataset.facetCount!.split(':')[1]!, Number(span.textContent)] as const);
    await page.locator(`input[name="cause"][value="${value}"]`).check();
    await page.waitForURL(new RegExp(`cause=${value}`), WAIT);
    expect(await searched(page)).toBe(count);
    await page.close();
  });

  it('3. typing a query does not add a history entry per keystroke: Back leaves the search page', async () => {
    const page = await open('/');
    await page.goto(url('/search/'));
    await searched(page);
    const before = await page.evaluate(() => history.length);
    await page.locator('#search-query').pressSequentially('terraform', { delay: 300 });
    await page.waitForURL(/q=terraform/, WAIT);
    await searched(page);
    expect(await page.evaluate(() => history.length)).toBe(before);
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/', WAIT);
    await page.close();
  });

  it('4. without JavaScript, no form pretends to show the query and filters of the URL; the page says what to do instead', async () => {
    const page = await open('/search/?q=kiro&cause=excess-privilege', { javaScript: false });
    // A static page cannot read its own URL: rather than an empty box and blank ticks, it offers the ways that work.
    expect(await page.locator('#search-query').isVisible()).toBe(false);
    expect(await page.locator('input[name="cause"]').first().isVisible()).toBe(false);
    const notice = page.locator('main .notice');
    expect(await notice.textContent()).toMatch(/needs JavaScript/);
    for (const href of ['/incidents/', '/incidents/table/', '/patterns/causes/', '/organizations/']) expect(await notice.locator(`a[href="${href}"]`).count(), href).toBe(1);
    await page.close();
  });

  it('5. each source gives publisher · date · kind, clearly separated', async () => {
    const page = await open(MODEL);
    const meta = await page.locator('#source-amazon-statement').innerText();
    expect(meta).toMatch(/playverseo\.com · 20 February 2026 · official statement/);
    expect(meta).not.toMatch(/[a-z]\d{1,2} [A-Z][a-z]+ \d{4}|\d{4}[a-z]/);
    await page.close();
  });

  it('6. "Cite this record" keeps "commit <hash>" on one line, with no stray " ."', async () => {
    const page = await open(MODEL);
    const note = page.locator('#cite ~ .citation p', { hasText: 'permalink points at' });
    const [codeTop, wordTop] = await note.evaluate((p) => {
      const code = p.querySelector('code')!;
      const before = code.previousSibling!;
      const range = document.createRange();
      range.setStart(before, Math.max(0, (before.textContent ?? '').length - 3));
      range.setEnd(before, (before.textContent ?? '').length);
      return [code.getBoundingClientRect().top, [...range.getClientRects()].at(-1)!.top];
    });
    expect(Math.abs(codeTop - wordTop)).toBeLessThan(6);
    expect(await note.innerText()).not.toMatch(/\n\s*\./);
    await page.close();
  });

  it('7. a claim heading holds the status; its explanation is plain text, not bold serif', async () => {
    const page = await open(MODEL);
    const note = page.getByText('asserted by one party, contested by another').first();
    const style = await note.evaluate((element) => ({ inHeading: !!element.closest('h1, h2, h3, h4'), weight: Number(getComputedStyle(element).fontWeight), family: getComputedStyle(element).fontFamily }));
    expect(style.inHeading).toBe(false);
    expect(style.weight).toBeLessThanOrEqual(400);
    expect(style.family).not.toMatch(/Serif/);
    await page.close();
  });

  it('8. at 1366×900 the last "On this page" entry can be reached wherever the reader is on the page', async () => {
    const page = await open(MODEL);
    for (const anchor of ['#timeline', '#safeguards', '#related']) {
      await page.evaluate((id) => document.querySelector(id)!.scrollIntoView(), anchor);
      const last = page.locator('nav.toc > ol > li:last-child > a');
      await last.scrollIntoViewIfNeeded();
      const box = (await last.boundingBox())!;
      expect(box.y, anchor).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, anchor).toBeLessThanOrEqual(900);
      expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('a')?.getAttribute('href'), [box.x + box.width / 2, box.y + box.height / 2]), anchor).toBe('#cite');
    }
    await page.close();
  });

  it('9. code blocks are set close to the size of the text around them', async () => {
    const page = await open('/contribute/');
    const [code, body] = await page.evaluate(() => [parseFloat(getComputedStyle(document.querySelector('pre code')!).fontSize), parseFloat(getComputedStyle(document.body).fontSize)]);
    expect(code / body).toBeGreaterThanOrEqual(0.85);
    await page.close();
  });

  it('10. a missing page gets the site\'s own 404; the hub pages exist and list everything with counts; the breadcrumb links', async () => {
    const response = await fetch(url('/no-such-page/'));
    expect(response.status).toBe(404);
    const page = await open('/no-such-page/');
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    expect(await page.locator('.site-header').count()).toBe(1);
    expect(await page.locator('main form[action="/search/"]').count()).toBe(1);
    const hubs = [
      ['/organizations/', readdirSync(join(ROOT, 'content', 'organizations')).filter((f) => f.endsWith('.yaml')).length],
      ['/patterns/causes/', taxonomyIds('causes').length],
      ['/patterns/safeguards/', taxonomyIds('safeguards').length],
    ] as const;
    for (const [path, count] of hubs) {
      expect((await fetch(url(path))).status, path).toBe(200);
      await page.goto(url(path));
      expect(await page.locator('table.hub-table tbody tr').count(), path).toBe(count);
      const counts = (await page.locator('table.hub-table tbody td.num').allTextContents()).map(Number);
      expect(counts.every((n) => Number.isInteger(n) && n >= 0), path).toBe(true);
      expect(Math.max(...counts), path).toBeGreaterThan(0);
    }
    await page.goto(url('/organizations/amazon-web-services/'));
    expect(await page.locator('main .breadcrumb a').getAttribute('href')).toBe('/organizations/');
    await page.close();
  });

  it('11. compare: the no-JavaScript notice reads right, an unknown id costs no failed request, the compare bar counts', async () => {
    const still = await open('/compare/', { javaScript: false });
    expect(await still.locator('main .notice').innerText()).toMatch(/choose them from all incidents/);
    await still.close();

    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors: string[] = [];
    const failed: string[] = [];
    collectErrors(page, errors);
    page.on('response', (response) => { if (response.status() >= 400) failed.push(response.url()); });
    await page.goto(url('/compare/?ids=nope,2025-12-aws-cost-explorer-kiro'));
    await expect.poll(() => page.locator('#compare-status').textContent(), WAIT).toMatch(/No incident has the id “nope”/);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);

    await page.goto(url('/incidents/'));
    const boxes = page.locator('input[name="ids"]');
    const count = page.locator('#compare-count');
    const submit = page.locator('.compare-bar button[type="submit"]');
    await boxes.nth(0).check();
    await expect.poll(() => count.textContent(), WAIT).toMatch(/^1 chosen/);
    expect(await submit.getAttribute('aria-disabled')).toBe('true');
    // A reader can still press it (aria-disabled keeps it focusable): the form stays, and says why.
    await submit.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), WAIT).toBe('compare-count');
    expect(new URL(page.url()).pathname).toBe('/incidents/');
    await boxes.nth(1).check();
    await expect.poll(() => count.textContent(), WAIT).toBe('2 chosen.');
    expect(await submit.getAttribute('aria-disabled')).toBe('false');
    for (let i = 2; i < 5; i++) await boxes.nth(i).check();
    await expect.poll(() => count.textContent(), WAIT).toMatch(/^5 chosen: at most four/);
    expect(await submit.getAttribute('aria-disabled')).toBe('true');
    await boxes.nth(4).uncheck();
    await submit.click();
    await page.waitForURL(/\/compare\/\?ids=/, WAIT);
    expect(new URL(page.url()).searchParams.getAll('ids').flatMap((ids) => ids.split(','))).toHaveLength(4);
    await page.close();
  });

  it('12. a median duration on a cause page says how many incidents it rests on', async () => {
    const page = await open('/patterns/causes/');
    const causes = await page.locator('table.hub-table tbody th a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    let checked = 0;
    for (const path of causes) {
      await page.goto(url(path));
      const median = page.locator('.group-summary dt', { hasText: 'Median duration' }).locator('xpath=following-sibling::dd[1]');
      if (!(await median.count())) continue;
      const text = (await median.textContent()) ?? '';
      if (/not known/.test(text)) continue;
      expect(text, path).toMatch(/\((all \d+ incidents|from the \d+ of \d+ incidents whose length is known)\)/);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
    await page.close();
  });

  it('13. with no query, the order control says what the status says: newest first', async () => {
    const page = await open('/search/');
    await searched(page);
    expect(await page.locator('#results-status').textContent()).toMatch(/newest first/);
    expect(await page.locator('#search-sort option:checked').textContent()).toBe('Newest first');
    await page.close();
  });

  it('14. a shared record link carries a title and description (Open Graph and Twitter card tags)', async () => {
    const page = await open(MODEL);
    const meta = (selector: string) => page.locator(`meta[${selector}]`).getAttribute('content');
    expect(await meta('property="og:title"')).toBe(await page.locator('h1').textContent());
    expect(await meta('property="og:description"')).toBe(await page.locator('.record-header .summary').textContent());
    expect(await meta('property="og:url"')).toBe(await page.locator('link[rel="canonical"]').getAttribute('href'));
    expect(await meta('property="og:type"')).toBe('article');
    expect(await meta('name="twitter:card"')).toBe('summary');
    await page.close();
  });

  it('15. /contribute/ does not tell the reader it is published at the page they are on', async () => {
    const page = await open('/contribute/');
    expect(await page.locator('main').innerText()).not.toMatch(/also published at/i);
    await page.close();
  });
});
