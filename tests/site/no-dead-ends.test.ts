import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { collectErrors, launchChromium } from '../support/browser.ts';
import { publishedIncidents } from '../support/dataset.ts';

// Expectations come from the published dataset, never from the site's own aggregation code.
const incidents = publishedIncidents();
const involvement = (i: (typeof incidents)[number]) => i.automation?.involvement ?? 'none';
const TIMELINE_VIEWS = [
  { path: '/timeline/ai/', label: 'AI agent or AI-assisted', count: incidents.filter((i) => ['agent', 'assisted'].includes(involvement(i))).length },
  { path: '/timeline/tooling/', label: 'Automation tooling', count: incidents.filter((i) => involvement(i) === 'tooling').length },
  { path: '/timeline/none/', label: 'No automation recorded', count: incidents.filter((i) => involvement(i) === 'none').length },
];

/** The number of records the page at `path` says it shows, read as a reader reads it. */
async function countShownAt(page: Page, path: string): Promise<number> {
  if (path.startsWith('/search/')) {
    const status = page.locator('#results-status');
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/^\d+ incidents? found\.$/);
    return Number(/^(\d+)/.exec((await status.textContent())!)![1]);
  }
  if (path === '/incidents/') return Number(/^(\d+) incidents/.exec((await page.locator('main .lede').first().textContent())!.trim())![1]);
  if (path === '/organizations/') {
    const rows = await page.locator('main table tbody tr').count();
    expect((await page.locator('main table caption').textContent())?.trim()).toBe(`${rows} organizations`);
    return rows;
  }
  throw new Error(`no reader for the figure target ${path}`);
}

describe('no dead ends: figures and timeline marks lead to their records', () => {
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

  it('links every headline figure on the home page to a list holding exactly that many records', async () => {
    await page.goto(`${site}/`);
    const figures = await page.locator('ul.figures > li').evaluateAll((items) => items.map((li) => ({
      count: Number(li.querySelector('strong')?.textContent),
      href: li.querySelector('a')?.getAttribute('href') ?? '',
      text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
    })));
    expect(figures.length).toBeGreaterThanOrEqual(4);
    for (const figure of figures) {
      expect(figure.href, `the figure “${figure.text}” links somewhere`).toMatch(/^\//);
      await page.goto(site + figure.href);
      expect(await countShownAt(page, figure.href), `${figure.text} → ${figure.href}`).toBe(figure.count);
    }
    // The AI agent figure, checked against the dataset as well as against its list.
    const agent = figures.find((figure) => figure.href === '/search/?automation=agent');
    expect(agent?.count).toBe(incidents.filter((i) => involvement(i) === 'agent').length);
  });

  it('links each mark of the timeline overview to its record, once per incident', async () => {
    await page.goto(`${site}/timeline/`);
    const marks = page.locator('svg.timeline-strip a');
    const hrefs = await marks.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect([...hrefs].sort()).toEqual(incidents.map((i) => `/incidents/${i.id}/`).sort());
    const names = await marks.evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? ''));
    const first = incidents.find((i) => `/incidents/${i.id}/` === hrefs[0])!;
    expect(names[0]).toContain(first.title);
    await marks.first().locator('circle').click();
    await page.waitForURL(`${site}/incidents/${first.id}/`);
    expect(await page.locator('h1').textContent()).toContain(first.title);
  });

  it('keeps the timeline filter in the URL: shareable, kept on reload, working without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const timeline = await context.newPage();
    await timeline.goto(`${site}/timeline/`);
    expect(await timeline.locator('.tl-item').count()).toBe(incidents.length);
    expect(TIMELINE_VIEWS.reduce((sum, view) => sum + view.count, 0)).toBe(incidents.length);
    for (const view of TIMELINE_VIEWS) {
      await timeline.goto(`${site}/timeline/`);
      await timeline.locator('nav.tl-filter').getByRole('link', { name: view.label, exact: true }).click();
      await timeline.waitForURL(site + view.path);
      for (const opened of ['followed', 'reloaded']) {
        if (opened === 'reloaded') await timeline.reload();
        expect(await timeline.locator('.tl-item').count(), `${view.path} ${opened}`).toBe(view.count);
        expect(await timeline.locator('svg.timeline-strip a').count()).toBe(view.count);
        expect(await timeline.locator('nav.tl-filter [aria-current="page"]').textContent()).toBe(view.label);
      }
    }
    await context.close();
  });

  it('has no axe violations on a filtered timeline, light and dark at phone width, and no console errors', async () => {
    await page.goto(`${site}/timeline/ai/`);
    expect(await axeViolations(page)).toEqual([]);
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    await phone.goto(`${site}/timeline/ai/`);
    expect(await axeViolations(phone)).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await phone.close();
    expect(errors).toEqual([]);
  });
});
