import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/static-server.ts';
import { axeViolations } from '../support/axe.ts';
import { collectErrors, launchChromium } from '../support/browser.ts';
import { FIXTURE_ROOT } from '../support/corpus.ts';
import { htmlProblems } from '../support/html-validate.ts';
import { expectIntegrity } from '../support/integrity.ts';
import { NEAR_MISS, PROVENANCE_DIR, WITHDRAWN } from '../support/provenance.ts';
import { DIST } from '../support/site-setup.ts';
import { isContested } from '../../src/lib/record/contested.ts';
import { loadCorpus } from '../../src/validate/corpus.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const NEAR_MISS_ID = NEAR_MISS.replace(/\.mdx$/, '');
const WITHDRAWN_ID = WITHDRAWN.replace(/\.mdx$/, '');

// A small fixture site in a git repository of its own: the test corpus and the two provenance
// fixtures, built twice, at two commits, to show that a rebuild changes no citation.
const work = mkdtempSync(join(tmpdir(), 'atlas-provenance-'));
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: work, encoding: 'utf8' }).trim();

function build(outDir: string): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ATLAS_CONTENT_ROOT: work, ATLAS_CACHE_DIR: join(work, 'cache', outDir.slice(-1)), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`fixture build failed:\n${result.stdout}\n${result.stderr}`);
}

const first = join(work, 'out-1');
const second = join(work, 'out-2');
const read = (dist: string, path: string) => readFileSync(join(dist, path), 'utf8');
const page = (dist: string, id: string) => read(dist, `incidents/${id}/index.html`);
/** Text of a page's main content, tags dropped, whitespace collapsed. */
const mainText = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>')).replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

let recordCommit = '';

beforeAll(() => {
  cpSync(join(FIXTURE_ROOT, 'content'), join(work, 'content'), { recursive: true });
  for (const name of [NEAR_MISS, WITHDRAWN]) cpSync(join(PROVENANCE_DIR, name), join(work, 'content', 'incidents', name));
  writeFileSync(join(work, '.gitignore'), 'cache/\nout-*/\n');
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'fixture content');
  recordCommit = git('rev-parse', 'HEAD');
  build(first);
  // A later commit that does not touch the record files.
  writeFileSync(join(work, 'content', 'organizations', 'example-news.yaml'), `${read(work, 'content/organizations/example-news.yaml')}\n`);
  git('commit', '-qam', 'touch an organization file');
  build(second);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a fixture site with a near-miss and a withdrawn record', () => {
  it('keeps files = entries = pages = index = dataset rows, withdrawn records apart', () => {
    expectIntegrity(join(work, 'content', 'incidents'), first);
  });

  it('shows the near-miss badge, contested marks, claim history, corrections, external ids, copies and data destroyed on the record page', () => {
    const text = mainText(page(first, NEAR_MISS_ID));
    expect(text).toContain('near-miss The harm was averted');
    expect(page(first, NEAR_MISS_ID)).toMatch(/Destructive action by an AI agent<\/a> <a class="contested-mark" href="#claim-prompt-origin"[^>]*>contested/);
    expect(text).toMatch(/Involvement AI agent contested/);
    expect(text).toMatch(/How this claim moved .*12 June 2024 Status then: unverified .* now Status now: disputed/);
    expect(text).toMatch(/Corrections 20 June 2024 : The release number was corrected/);
    expect(page(first, NEAR_MISS_ID)).toContain('<a href="https://incidentdatabase.ai/cite/1234/" rel="external">AI Incident Database 1234</a>');
    expect(text).toContain('Verica Open Incident Database 4321');
    expect(text).toContain('Example News , read in a copy at copies.example.net');
    expect(text).toMatch(/Data destroyed none/);
  });

  it('builds a tombstone for the withdrawn record, linking to the duplicate, outside the search index and the counts', () => {
    const html = page(first, WITHDRAWN_ID);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(mainText(html)).toContain('This record was withdrawn on 21 June 2024 : it duplicates another record.');
    expect(html).toContain(`href="/incidents/${NEAR_MISS_ID}/"`);
    expect(read(first, 'sitemap.xml')).not.toContain(WITHDRAWN_ID);
    expect(read(first, 'incidents/index.html')).not.toContain(WITHDRAWN_ID);
    expect(read(first, 'compare/incidents.json')).not.toContain(WITHDRAWN_ID);
    expect(mainText(read(first, 'patterns/index.html'))).toContain('2 incidents');
  });

  it('keeps the withdrawn record in the dataset with its flag, and publishes the new fields', () => {
    const dataset = JSON.parse(read(first, 'data/incidents.json')) as { incidents: Record<string, any>[] };
    const withdrawn = dataset.incidents.find((r) => r.id === WITHDRAWN_ID)!;
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawn: { reason: 'duplicate', duplicate_of: NEAR_MISS_ID } });
    expect(JSON.parse(read(first, `data/incidents/${WITHDRAWN_ID}.json`)).incident.status).toBe('withdrawn');
    const nearMiss = dataset.incidents.find((r) => r.id === NEAR_MISS_ID)!;
    expect(nearMiss).toMatchObject({ type: 'near-miss', derived: { contested: ['cause:agent-destructive-action', 'automation.involvement'], history: { version: recordCommit } } });
    const crosswalk = parse(read(first, 'data/crosswalk.csv'), { columns: true, bom: true }) as Record<string, string>[];
    expect(crosswalk.map((r) => `${r.incident_id} ${r.db} ${r.external_id} ${r.url}`)).toEqual([
      `${NEAR_MISS_ID} aiid 1234 https://incidentdatabase.ai/cite/1234/`,
      `${NEAR_MISS_ID} cve CVE-2024-3094 https://www.cve.org/CVERecord?id=CVE-2024-3094`,
      `${NEAR_MISS_ID} void 4321 `,
    ]);
    const incidents = parse(read(first, 'data/incidents.csv'), { columns: true, bom: true }) as Record<string, string>[];
    expect(incidents.find((r) => r.id === WITHDRAWN_ID)).toMatchObject({ status: 'withdrawn', withdrawn_reason: 'duplicate' });
    expect(incidents.find((r) => r.id === NEAR_MISS_ID)).toMatchObject({ type: 'near-miss', data_destroyed: 'none', record_version: recordCommit });
    expect(mainText(read(first, 'data/index.html'))).toContain('crosswalk.csv');
  });

  it('publishes each record\'s corrections and claim changes in its own feed, and corrections in the site feed', () => {
    const feed = read(first, `incidents/${NEAR_MISS_ID}/feed.xml`);
    expect(feed).toContain('<title>Correction</title>');
    expect(feed).toContain('<title>Claim prompt-origin: unverified</title>');
    expect(feed).toContain('<title>Claim prompt-origin: disputed</title>');
    expect(read(first, `incidents/${WITHDRAWN_ID}/feed.xml`)).toContain('<title>Withdrawn: duplicate</title>');
    expect(read(first, 'feed.xml')).toContain(`<id>https://incident-atlas.github.io/incidents/${NEAR_MISS_ID}/#correction-1</id>`);
  });

  it('cites the record\'s last commit, and a rebuild at a later commit changes no citation', () => {
    const citation = (dist: string) => page(dist, NEAR_MISS_ID).match(/<div class="citation"[\s\S]*?<\/div>/)![0];
    expect(citation(first)).toContain(`version ${recordCommit.slice(0, 12)}`);
    expect(citation(first)).toContain(`data-record-version="${recordCommit}"`);
    expect(citation(first)).toContain(`/blob/${recordCommit}/content/incidents/${NEAR_MISS}`);
    // The second build was made from a newer commit, which its footer names; the citation stays.
    expect(page(second, NEAR_MISS_ID)).not.toContain(`Built from commit <code>${recordCommit.slice(0, 12)}`);
    expect(citation(second)).toBe(citation(first));
  });

  it('writes valid HTML for the near-miss page and the tombstone', async () => {
    for (const id of [NEAR_MISS_ID, WITHDRAWN_ID]) expect(await htmlProblems(page(first, id)), id).toEqual([]);
  });
});

describe('the near-miss page and the tombstone in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let url = '';
  beforeAll(async () => {
    browser = await launchChromium();
    ({ server, url } = await serveStatic(first));
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('have no accessibility violations and no console errors, light and dark', async () => {
    const errors: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const tab = await browser.newPage({ colorScheme });
      collectErrors(tab, errors);
      for (const id of [NEAR_MISS_ID, WITHDRAWN_ID]) {
        await tab.goto(`${url}/incidents/${id}/`);
        expect(await axeViolations(tab), `${id} ${colorScheme}`).toEqual([]);
      }
      await tab.close();
    }
    expect(errors).toEqual([]);
  });

  it('the search page filters near-misses and contested classifications', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${url}/search/?type=near-miss`);
    await expect.poll(() => tab.locator('#search-results a').allTextContents(), { timeout: 30_000 }).toEqual(['Fictional release whose hidden wiping prompt failed to run']);
    await tab.goto(`${url}/search/?contested=none-contested`);
    await expect.poll(() => tab.locator('#search-results a').allTextContents(), { timeout: 30_000 }).toEqual(['Fictional database deletion by a coding agent']);
    await tab.close();
  });
});

describe('the real site', () => {
  const KIRO = '2025-12-aws-cost-explorer-kiro';

  it('shows the Kiro cause attribution as contested, and /patterns/ counts it apart', () => {
    const html = read(DIST, `incidents/${KIRO}/index.html`);
    expect(html).toMatch(/Destructive action by an AI agent<\/a> <a class="contested-mark" href="#claim-cause-attribution"[^>]*>contested/);
    expect(mainText(html)).toMatch(/Involvement AI agent contested/);
    // Kiro is one of the records whose agent-destructive-action cause hangs on an unsettled claim.
    const contested = loadCorpus({ root: ROOT }).incidents
      .filter((incident) => incident.data.status === 'published' && isContested(incident.data, 'cause:agent-destructive-action'))
      .map((incident) => incident.id);
    expect(contested).toContain(KIRO);
    const patterns = read(DIST, 'patterns/index.html');
    // The cause chart's data table: incidents, and of them contested.
    expect(patterns).toMatch(new RegExp(`<th scope="row"><a href="/patterns/causes/agent-destructive-action/">Destructive action by an AI agent</a></th><td class="num">\\d+</td><td class="num">${contested.length}</td>`));
    expect(mainText(read(DIST, 'patterns/causes/agent-destructive-action/index.html'))).toMatch(new RegExp(`have this cause, ${contested.length} of them contested`));
  });
});
