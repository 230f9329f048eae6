import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { collectErrors, launchChromium } from '../support/browser.ts';
import { publishedIncidents } from '../support/dataset.ts';

const incidents = publishedIncidents();
// Two incidents whose severities differ and two that share a severity, chosen from the data.
const [first, second] = (() => {
  for (const a of incidents) for (const b of incidents) if (a.impact.severity !== b.impact.severity) return [a, b];
  throw new Error('the dataset needs two severities');
})() as [(typeof incidents)[number], (typeof incidents)[number]];

/** The compare table as text, row by row: what a reader sees. */
async function tableText(page: Page): Promise<string[][]> {
  return page.locator('.compare-table tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())));
}

describe('the compare page in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const site = inject('siteUrl');
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    collectErrors(page, errors);
  });
  afterAll(async () => browser?.close());

  let picked: string[][] = [];

  it('picks two incidents with the picker, shows both and puts them in the URL', async () => {
    await page.goto(`${site}/compare/`);
    await expect.poll(() => page.locator('#compare-status').textContent()).toMatch(/No incidents chosen/);
    const input = page.locator('#compare-pick');
    await input.fill(first.title);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => page.url()).toBe(`${site}/compare/?ids=${first.id}`);
    await input.fill(second.id);
    await input.press('Enter');
    await expect.poll(() => page.url()).toBe(`${site}/compare/?ids=${first.id},${second.id}`);
    await expect.poll(() => page.locator('.compare-table thead th .cmp-title').allTextContents()).toEqual([first.title, second.title]);
    await expect.poll(() => page.locator('#compare-status').textContent()).toMatch(/Comparing 2 incidents/);
    picked = await tableText(page);
    expect(picked.length).toBeGreaterThan(10);
  });

  it('shows the same table when the URL is opened directly, or sent by a form of checkboxes', async () => {
    for (const query of [`ids=${first.id},${second.id}`, `ids=${first.id}&ids=${second.id}`]) {
      const direct = await browser.newPage();
      await direct.goto(`${site}/compare/?${query}`);
      await expect.poll(() => direct.locator('.compare-table thead th').count()).toBe(2);
      expect(await tableText(direct)).toEqual(picked);
      expect(direct.url()).toBe(`${site}/compare/?ids=${first.id},${second.id}`);
      await direct.close();
    }
  });

  it('marks the severity row as differing, as the data says it should', async () => {
    const row = page.locator('tr[data-row="severity"]');
    expect(await row.getAttribute('class')).toMatch(/\bdiffers\b/);
    expect(await row.locator('td').allTextContents()).toEqual([first.impact.severity, second.impact.severity]);
    const lossClass = (await page.locator('tr[data-row="data-loss"]').getAttribute('class')) ?? '';
    expect(lossClass.includes('differs')).toBe(first.impact.data_loss !== second.impact.data_loss);
  });

  it('marks cause categories that only one incident has', async () => {
    const only = await page.locator('tr[data-row="causes"] td').evaluateAll((cells) => cells.map((cell) => cell.querySelectorAll('.cmp-item.only').length));
    const unshared = (a: typeof first, b: typeof first) => a.cause.categories.filter((c) => !b.cause.categories.includes(c)).length;
    expect(only).toEqual([unshared(first, second), unshared(second, first)]);
  });

  it('links every filled cell to its record', async () => {
    // A value both share is shown once across the columns (tested below); every other cell links.
    const hrefs = await page.locator('.compare-table tbody td:not(.cmp-shared)').evaluateAll((cells) => cells.map((cell) => cell.querySelector('a')?.getAttribute('href') ?? (cell.textContent?.includes('not recorded') ? 'empty' : 'missing')));
    expect(hrefs).not.toContain('missing');
    const columns = [first.id, second.id];
    const rows = await page.locator('.compare-table tbody tr[data-row]').evaluateAll((trs) => trs.filter((tr) => !tr.querySelector('.cmp-shared')).length);
    expect(hrefs.length).toBe(rows * 2);
    hrefs.forEach((href, index) => {
      if (href !== 'empty') expect(href).toMatch(new RegExp(`^/incidents/${columns[index % 2]}/#[a-z-]+$`));
    });
  });

  it('shows a value every incident shares once, across the columns, and keeps differing rows in columns', async () => {
    const [a, b] = (() => {
      for (const x of incidents) for (const y of incidents) if (x !== y && x.impact.severity === y.impact.severity && x.impact.data_loss !== y.impact.data_loss) return [x, y];
      throw new Error('the dataset needs two incidents of one severity with different data loss');
    })() as [typeof first, typeof first];
    const other = await browser.newPage();
    await other.goto(`${site}/compare/?ids=${a.id},${b.id}`);
    await expect.poll(() => other.locator('.compare-table thead th').count()).toBe(2);
    const severity = other.locator('tr[data-row="severity"] td');
    expect(await severity.count()).toBe(1);
    expect(await severity.getAttribute('colspan')).toBe('2');
    expect((await severity.textContent())?.replace(/\s+/g, ' ').trim()).toBe(`${a.impact.severity}same in both`);
    expect((await other.locator('tr[data-row="severity"]').getAttribute('class')) ?? '').not.toMatch(/differs/);
    expect(await other.locator('tr[data-row="data-loss"] td').allTextContents()).toEqual([a.impact.data_loss, b.impact.data_loss]);
    await other.close();
  });

  it('keeps the column headings in view while the rows scroll, and needs no sideways scrolling for two on a phone', async () => {
    for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
      const other = await browser.newPage({ viewport });
      await other.goto(`${site}/compare/?ids=${first.id},${second.id}`);
      await expect.poll(() => other.locator('.compare-table thead th').count()).toBe(2);
      const box = other.locator('#compare-output');
      await box.evaluate((element) => element.scrollIntoView());
      await box.evaluate((element) => { element.scrollTop = element.scrollHeight; });
      const last = other.locator('.compare-table tbody tr[data-row]').last();
      const heading = other.locator('.compare-table thead th').first();
      // The last row is in the window, and the heading still sits at the top of the table's box, above it.
      await expect.poll(async () => {
        const [row, head, frame] = await Promise.all([last.boundingBox(), heading.boundingBox(), box.boundingBox()]);
        return Boolean(row && head && frame && row.y + row.height <= viewport.height + 1 && Math.abs(head.y - frame.y) <= 2 && head.y >= -1 && head.y + head.height <= row.y);
      }, { timeout: 30_000 }).toBe(true);
      if (viewport.width === 390) expect(await box.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
      await other.close();
    }
  });

  it('can show only the rows that differ', async () => {
    await page.getByLabel('Show only rows that differ').check();
    const visible = await page.locator('.compare-table tr[data-row]:visible').evaluateAll((rows) => rows.map((row) => row.className));
    expect(visible.length).toBeGreaterThan(0);
    for (const name of visible) expect(name).toMatch(/differs/);
    await page.getByLabel('Show only rows that differ').uncheck();
  });

  it('has no axe violations, in light and in dark at phone width', async () => {
    expect(await axeViolations(page)).toEqual([]);
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    await phone.goto(`${site}/compare/?ids=${first.id},${second.id}`);
    await expect.poll(() => phone.locator('.compare-table').count()).toBe(1);
    expect(await axeViolations(phone)).toEqual([]);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });

  it('removes an incident and updates the URL; back restores it', async () => {
    await page.getByRole('button', { name: `Remove ${second.title} from the comparison` }).click();
    await expect.poll(() => page.url()).toBe(`${site}/compare/?ids=${first.id}`);
    await expect.poll(() => page.locator('.compare-table thead th').count()).toBe(1);
    await page.goBack();
    await expect.poll(() => page.locator('.compare-table thead th').count()).toBe(2);
  });

  it('keeps at most four incidents, and then stops the picker', async () => {
    const ids = incidents.slice(0, 5).map((incident) => incident.id);
    await page.goto(`${site}/compare/?ids=${ids.join(',')}`);
    await expect.poll(() => page.locator('.compare-table thead th').count()).toBe(4);
    expect(await page.locator('#compare-status').textContent()).toMatch(new RegExp(`left out: ${ids[4]}`));
    expect(page.url()).toBe(`${site}/compare/?ids=${ids.slice(0, 4).join(',')}`);
    expect(await page.locator('#compare-pick').isDisabled()).toBe(true);
  });

  it('names an unknown id, and leaves it out of the URL', async () => {
    const other = await browser.newPage();
    const failed: string[] = [];
    other.on('response', (response) => { if (!response.ok()) failed.push(new URL(response.url()).pathname); });
    await other.goto(`${site}/compare/?ids=no-such-incident,${first.id}`);
    await expect.poll(() => other.locator('#compare-status').textContent(), { timeout: 30_000 }).toMatch(/No incident has the id “no-such-incident”/);
    expect(other.url()).toBe(`${site}/compare/?ids=${first.id}`);
    expect(await other.locator('#compare-pick').isDisabled()).toBe(false);
    // The page knows which groups of columns exist (/compare/columns.json): it asks for no file that is not there.
    expect(failed).toEqual([]);
    await other.close();
  });

  it('names an unknown id whose group of columns exists', async () => {
    const other = await browser.newPage();
    const unknown = `${first.id.slice(0, 7)}-no-such-incident`;
    await other.goto(`${site}/compare/?ids=${unknown},${first.id}`);
    await expect.poll(() => other.locator('#compare-status').textContent()).toMatch(new RegExp(`No incident has the id “${unknown}”`));
    await expect.poll(() => other.locator('.compare-table thead th').count(), { timeout: 30_000 }).toBe(1);
    expect(other.url()).toBe(`${site}/compare/?ids=${first.id}`);
    await other.close();
  });

  it('logs no console errors', () => {
    expect(errors).toEqual([]);
  });

  it('explains itself and links to the records with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${site}/compare/?ids=${first.id},${second.id}`);
    expect(await noJs.locator('main').textContent()).toMatch(/needs JavaScript/);
    expect(await noJs.locator('main a[href="/incidents/"]').count()).toBeGreaterThan(0);
    expect(await noJs.locator('#compare-app').isVisible()).toBe(false);
    const suggestion = await noJs.locator('.suggestions a').first().getAttribute('href');
    expect(suggestion ?? '').toMatch(/^\/compare\/\?ids=[a-z0-9-]+(,[a-z0-9-]+){1,3}$/);
    await context.close();
  });
});

describe('compare controls on the list of incidents', () => {
  let browser: Browser;
  const site = inject('siteUrl');
  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => browser?.close());

  for (const javaScriptEnabled of [true, false]) {
    it(`send the ticked incidents to the compare page (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${site}/incidents/`);
      await page.getByLabel(`Compare “${first.title}”`).check();
      await page.getByLabel(`Compare “${second.title}”`).check();
      await page.getByRole('button', { name: 'Compare selected' }).click();
      await page.waitForURL(/\/compare\//);
      if (javaScriptEnabled) {
        await expect.poll(() => page.locator('.compare-table thead th').count()).toBe(2);
        // The page rewrites the form's ?ids=a&ids=b as the shareable ?ids=a,b.
        expect(new URL(page.url()).search).toBe(`?ids=${[first.id, second.id].sort((a, b) => order(a) - order(b)).join(',')}`);
      } else {
        expect(new URL(page.url()).searchParams.getAll('ids').sort()).toEqual([first.id, second.id].sort());
      }
      await context.close();
    });
  }
});

/** Position of an incident on the list page (newest first), which is the order a form sends them in. */
function order(id: string): number {
  return incidents.findIndex((incident) => incident.id === id);
}
