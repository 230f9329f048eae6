import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { collectErrors, launchChromium } from '../support/browser.ts';
import { organizationIds, publishedIncidents, taxonomyIds } from '../support/dataset.ts';

// Expectations come from the published dataset and content/, never from the site's own aggregation code.
const incidents = publishedIncidents();
const sorted = (ids: string[]) => [...ids].sort();

/** Ids of the incident links in the rows of the page's incident table. */
async function listedIds(page: Page): Promise<string[]> {
  const hrefs = await page.locator('table.incident-table tbody th[scope="row"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((href) => href.split('/')[2]!);
}

describe('pattern, organization and timeline pages in Chromium', () => {
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

  it('lists on each cause page exactly the incidents with that cause', async () => {
    for (const cause of taxonomyIds('causes')) {
      await page.goto(`${site}/patterns/causes/${cause}/`);
      const expected = incidents.filter((i) => i.cause.categories.includes(cause)).map((i) => i.id);
      expect(sorted(await listedIds(page)), cause).toEqual(sorted(expected));
      expect(await page.locator('main').textContent(), cause).toContain(`${expected.length} of ${incidents.length} incidents`);
    }
  });

  it('lists on each safeguard page exactly the incidents that mention it, with every status they give it', async () => {
    for (const kind of taxonomyIds('safeguards')) {
      await page.goto(`${site}/patterns/safeguards/${kind}/`);
      const theirs = incidents.filter((i) => i.safeguards.some((s) => s.kind === kind));
      expect(sorted(await listedIds(page)), kind).toEqual(sorted(theirs.map((i) => i.id)));
      const statuses = await page.locator('td.own-safeguard').evaluateAll((cells) => cells.map((cell) => [...cell.querySelectorAll('.badge')].map((b) => b.textContent).sort().join(' ')));
      expect(sorted(statuses), kind).toEqual(sorted(theirs.map((i) => i.safeguards.filter((s) => s.kind === kind).map((s) => s.status).sort().join(' '))));
    }
  });

  it('lists on each organization page exactly its incidents, with its roles', async () => {
    for (const org of organizationIds()) {
      await page.goto(`${site}/organizations/${org}/`);
      const theirs = incidents.filter((i) => i.organizations.some((o) => o.id === org));
      expect(sorted(await listedIds(page)), org).toEqual(sorted(theirs.map((i) => i.id)));
      const roles = await page.locator('table.incident-table tbody tr').evaluateAll((rows) => rows.map((row) => row.children[1]!.textContent!.trim()));
      const expected = theirs.map((i) => [...new Set(i.organizations.filter((o) => o.id === org).map((o) => o.role))].join(', '));
      expect(sorted(roles), org).toEqual(sorted(expected));
    }
  });

  it('counts on /patterns/ what the data holds: incidents per year and per cause', async () => {
    await page.goto(`${site}/patterns/`);
    const years = await page.locator('#chart-years-caption').locator('xpath=..').locator('table tbody tr').evaluateAll((rows) => rows.map((row) => [Number(row.children[0]!.textContent), Number(row.children[1]!.textContent)]));
    const byYear = new Map<number, number>();
    for (const i of incidents) byYear.set(i.derived.year, (byYear.get(i.derived.year) ?? 0) + 1);
    expect(years.filter(([, count]) => count! > 0)).toEqual([...byYear].sort((a, b) => a[0] - b[0]));
    expect(years.reduce((sum, [, count]) => sum + count!, 0)).toBe(incidents.length);
    const causes = await page.locator('#chart-causes-caption').locator('xpath=..').locator('table tbody tr').evaluateAll((rows) => rows.map((row) => [row.querySelector('a')!.getAttribute('href')!.split('/')[3]!, Number(row.children[1]!.textContent)] as const));
    for (const [cause, count] of causes) expect(count, cause).toBe(incidents.filter((i) => i.cause.categories.includes(cause)).length);
    expect(causes.length).toBe(new Set(incidents.flatMap((i) => i.cause.categories)).size);
  });

  it('gives every chart on /patterns/ a title, a text alternative and a data table', async () => {
    const charts = page.locator('figure.chart');
    expect(await charts.count()).toBeGreaterThanOrEqual(6);
    for (const chart of await charts.all()) {
      const svg = chart.locator('svg[role="img"]');
      const labelledBy = (await svg.getAttribute('aria-labelledby'))!.split(' ');
      for (const id of labelledBy) expect((await page.locator(`#${id}`).textContent())!.length).toBeGreaterThan(10);
      expect(await chart.locator('details table tbody tr').count()).toBeGreaterThan(0);
    }
    expect(await page.locator('table.heatmap').count()).toBe(2);
  });

  it('puts every incident on the timeline once, in time order, and filters AI incidents without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const timeline = await context.newPage();
    await timeline.goto(`${site}/timeline/`);
    const ids = await timeline.locator('.tl-item h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('/')[2]!));
    expect(sorted(ids)).toEqual(sorted(incidents.map((i) => i.id)));
    const years = ids.map((id) => incidents.find((i) => i.id === id)!.derived.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    await timeline.getByRole('link', { name: 'AI agent or AI-assisted', exact: true }).click();
    await timeline.waitForURL(/\/timeline\/ai\/$/);
    const visible = await timeline.locator('.tl-item:visible h3 a').count();
    expect(visible).toBe(incidents.filter((i) => i.automation?.involvement === 'agent' || i.automation?.involvement === 'assisted').length);
    await context.close();
  });

  it('links cause categories and safeguard kinds on record pages to their pattern pages, and shows listed related incidents', async () => {
    const record = incidents.find((i) => i.related?.length)!;
    await page.goto(`${site}/incidents/${record.id}/`);
    const causeLinks = await page.locator('ul.cause-list a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(causeLinks).toEqual(record.cause.categories.map((c) => `/patterns/causes/${c}/`));
    const safeguardLinks = await page.locator('.safeguard a.term-name').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(sorted(safeguardLinks as string[])).toEqual(sorted(record.safeguards.map((s) => `/patterns/safeguards/${s.kind}/`)));
    const related = await page.locator('.related-list h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('/')[2]!));
    for (const id of record.related!) expect(related).toContain(id);
    for (const reason of await page.locator('.related-reason').allTextContents()) expect(reason).toMatch(/^(Listed|That record|The two records|Also |In both, )/);
  });

  const pages = ['/patterns/', '/timeline/', '/compare/', `/patterns/causes/${incidents[0]!.cause.categories[0]}/`, `/patterns/safeguards/${incidents[0]!.safeguards[0]?.kind ?? 'human-approval'}/`, `/organizations/${incidents[0]!.organizations[0]!.id}/`];
  for (const path of pages) {
    it(`${path} has no axe violations in light, or in dark at phone width, and does not overflow a phone`, async () => {
      await page.goto(site + path);
      expect(await axeViolations(page)).toEqual([]);
      const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
      phone.on('console', (message) => { if (message.type() === 'error') errors.push(`${path}: ${message.text()}`); });
      await phone.goto(site + path);
      expect(await axeViolations(phone)).toEqual([]);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await phone.close();
    });
  }

  it('logs no console errors on any of these pages', () => {
    expect(errors).toEqual([]);
  });
});
