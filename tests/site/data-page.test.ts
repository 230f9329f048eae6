import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FEED_LIMIT } from '../../src/lib/exports/feed.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { publishedRecords } from '../support/content.ts';
import { DIST } from '../support/site-setup.ts';

const records = publishedRecords();

/** Output of a git command in the project, or undefined without git. */
function gitOutput(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: join(DIST, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}
const CSV_FILES = readdirSync(join(DIST, 'data')).filter((name) => name.endsWith('.csv')).sort();

/** The header row of a built CSV file, read by csv-parse. */
function csvHeader(file: string): string[] {
  return (parseCsv(readFileSync(join(DIST, 'data', file), 'utf8'), { bom: true, to_line: 1 }) as string[][])[0]!;
}

/** Parses an XML file in Chromium's own parser; returns the document's parse error, if any, and selected texts. */
async function parseXml(page: Page, path: string, selector: string): Promise<{ error: string | null; root: string; texts: string[] }> {
  const text = readFileSync(join(DIST, path), 'utf8');
  return page.evaluate(([xml, sel]) => {
    const doc = new DOMParser().parseFromString(xml!, 'application/xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    return { error, root: doc.documentElement.localName, texts: [...doc.querySelectorAll(sel!)].map((node) => node.textContent ?? '') };
  }, [text, selector]);
}

describe('the data page and the published feeds in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(inject('siteUrl') + '/data/');
  });
  afterAll(async () => browser?.close());

  it('documents every column of every CSV file, in order', async () => {
    expect(CSV_FILES.length).toBeGreaterThanOrEqual(5);
    for (const file of CSV_FILES) {
      const documented = await page.locator(`#table-${file.replace('.csv', '')} + p + table th[scope="row"] code`).allTextContents();
      expect(documented, file).toEqual(csvHeader(file));
    }
  });

  it('documents every top-level field of the JSON, and the licences and citation', async () => {
    const dataset = JSON.parse(readFileSync(join(DIST, 'data', 'incidents.json'), 'utf8'));
    const header = await page.locator('#json-header + table th[scope="row"] code').allTextContents();
    expect(header).toEqual(Object.keys(dataset));
    const fields = await page.locator('#json-record + table th[scope="row"] code').allTextContents();
    for (const incident of dataset.incidents) for (const key of Object.keys(incident)) expect(fields, key).toContain(key);
    const derived = await page.locator('#json-derived + table th[scope="row"] code').allTextContents();
    expect(derived).toEqual(Object.keys(dataset.incidents[0].derived));
    expect(await page.locator('a[rel="license"]').getAttribute('href')).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(await page.locator('#licence').locator('..').textContent()).toMatch(/MIT/);
    const bibtex = await page.locator('#cite ~ .citation pre').nth(1).textContent();
    expect(parseBibtex(bibtex!, { sentenceCase: false }).errors).toEqual([]);
  });

  it('reports how many sources are primary, dated and archived, as counted here from the records themselves', async () => {
    const sources = records.flatMap((record) => record.data.sources as { kind: string; published?: unknown; archived?: string }[]);
    const share = (n: number) => `${n} (${Math.round((n / sources.length) * 100)}%)`;
    const primary = sources.filter((source) => ['postmortem', 'statement', 'regulator', 'first-hand'].includes(source.kind)).length;
    const text = (await page.locator('#source-coverage').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(`The records cite ${sources.length} sources: ${share(primary)} are primary`);
    expect(text).toContain(`first-hand accounts), ${share(sources.filter((source) => source.published !== undefined).length)} carry their publication date`);
    expect(text).toContain(`${share(sources.filter((source) => source.archived).length)} have an archived copy`);
  });

  it('links every file it lists, and each one is served', async () => {
    const links = await page.locator('table.data-files th a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!));
    expect(links).toEqual(expect.arrayContaining(['/data/incidents.json', '/feed.xml', ...CSV_FILES.map((file) => `/data/${file}`)]));
    for (const href of links) {
      // The JSON Schema is built on another branch; it is checked where it exists.
      if (href.startsWith('/schema/') && !readdirSync(DIST).includes('schema')) continue;
      const response = await page.request.get(inject('siteUrl') + href);
      expect(response.status(), href).toBe(200);
    }
  });

  it('has no axe violations in light mode at desktop width, nor in dark mode on a phone', async () => {
    expect(await axeViolations(page)).toEqual([]);
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    await phone.goto(inject('siteUrl') + '/data/');
    expect(await axeViolations(phone)).toEqual([]);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });

  it('publishes a well-formed Atom feed with an entry per record', async () => {
    const feed = await parseXml(page, 'feed.xml', 'entry > id');
    expect(feed.error).toBeNull();
    expect(feed.root).toBe('feed');
    const listed = feed.texts.map((id) => new URL(id).pathname.split('/')[2]!);
    expect(listed).toHaveLength(Math.min(records.length, FEED_LIMIT));
    expect(new Set(listed).size).toBe(listed.length);
    for (const id of listed) expect(records.map((r) => r.id)).toContain(id);
  });

  it('dates each feed entry by the last change of its record file on main\'s first-parent line (the merge, not the pull request\'s own dates), read here with git directly', async () => {
    const entryIds = (await parseXml(page, 'feed.xml', 'entry > id')).texts;
    const ids = entryIds.map((id) => new URL(id).pathname.split('/')[2]!);
    const updated = (await parseXml(page, 'feed.xml', 'entry > updated')).texts;
    const lastCommit = (id: string) => gitOutput(['log', '-1', '--first-parent', '--format=%cI', '--', `content/incidents/${id}.mdx`]);
    if (lastCommit(ids[0]!) === undefined || gitOutput(['rev-parse', '--is-shallow-repository']) === 'true') {
      console.warn('No full git history here: the feed falls back to the dates incidents became public, as unit tests check.');
      return;
    }
    ids.forEach((id, index) => {
      // Entries announcing a correction carry the correction's own date.
      if (entryIds[index]!.includes('#')) return;
      const date = lastCommit(id);
      if (date) expect(updated[index], id).toBe(new Date(date).toISOString());
    });
  });

  it('publishes a well-formed sitemap listing every page the build wrote', async () => {
    const sitemap = await parseXml(page, 'sitemap.xml', 'url > loc');
    expect(sitemap.error).toBeNull();
    expect(sitemap.root).toBe('urlset');
    const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('index.html'))
      .map((file) => `/${file.replace(/index\.html$/, '')}`)
      .sort();
    expect(sitemap.texts.map((loc) => new URL(loc).pathname).sort()).toEqual(pages);
  });

  it('offers a citation on every record page, pinned to the record\'s own last commit, that BibTeX and CSL-JSON parsers read back', async () => {
    const dataset = JSON.parse(readFileSync(join(DIST, 'data', 'incidents.json'), 'utf8'));
    const versions = new Map<string, string | null>(dataset.incidents.map((r: { id: string; derived: { history: { version: string | null } } }) => [r.id, r.derived.history.version]));
    for (const { id, data } of records) {
      await page.goto(`${inject('siteUrl')}/incidents/${id}/`);
      const [plain, bibtex, csl] = await page.locator('.citation-text, .citation pre').allTextContents();
      const stable = `/incidents/${id}/`;
      // Without git history the build's commit stands in for the record's version.
      const permalink = `/blob/${versions.get(id) ?? dataset.commit}/content/incidents/${id}.mdx`;
      expect(plain, id).toContain(stable);
      expect(plain, id).toContain(permalink);
      const library = parseBibtex(bibtex!, { sentenceCase: false });
      expect(library.errors, id).toEqual([]);
      expect(library.entries[0]!.key, id).toBe(id);
      expect(library.entries[0]!.fields.title, id).toBe(data.title.trim());
      expect(library.entries[0]!.fields.url, id).toMatch(new RegExp(`${stable}$`));
      expect(library.entries[0]!.fields.note, id).toContain(permalink);
      const [item] = JSON.parse(csl!);
      expect(item, id).toMatchObject({ id, title: data.title.trim(), URL: expect.stringMatching(new RegExp(`${stable}$`)) });
      expect(item.note, id).toContain(permalink);
    }
  });
});
