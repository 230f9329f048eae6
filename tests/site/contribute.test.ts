import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BODY_COMPONENTS } from '../../src/body/components.ts';
import { REVIEW_CHECKLIST } from '../../src/lib/contributing/contributing-docs.ts';
import { incidentJsonSchema, organizationJsonSchema, taxonomyJsonSchema } from '../../src/schema/json-schema.ts';
import { SEVERITIES } from '../../src/schema/impact.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { DIST } from '../support/site-setup.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the contributing guide at /contribute/', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${inject('siteUrl')}/contribute/`);
  });
  afterAll(async () => browser?.close());

  it('is CONTRIBUTING.md, in the site frame', async () => {
    expect(await page.locator('h1').allTextContents()).toEqual(['Contributing to Incident Atlas']);
    expect(await page.locator('nav[aria-label="Main"] a[aria-current="page"]').textContent()).toBe('Contribute');
    const headings = await page.locator('article h2').allTextContents();
    // Headings of the guide itself, not those inside its code examples (the worked record has its own).
    const prose = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
    const source = [...prose.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual(source);
  });

  it('lists every allowed component, the severity rubric and the review checklist', async () => {
    const text = (await page.locator('article').textContent()) ?? '';
    const strong = await page.locator('article li strong > code').allTextContents();
    expect(strong).toEqual(expect.arrayContaining(Object.keys(BODY_COMPONENTS)));
    expect(strong.filter((name) => (SEVERITIES as readonly string[]).includes(name))).toEqual([...SEVERITIES]);
    for (const item of REVIEW_CHECKLIST) expect(text.replace(/\s+/g, ' ')).toContain(item.replace(/`/g, ''));
  });

  it('has no axe violations, light and dark, and fits a phone', async () => {
    expect(await axeViolations(page)).toEqual([]);
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    await phone.goto(`${inject('siteUrl')}/contribute/`);
    expect(await axeViolations(phone)).toEqual([]);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });

  it('is valid HTML and ships no script', async () => {
    const html = readFileSync(join(DIST, 'contribute', 'index.html'), 'utf8');
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off', 'long-title': 'off' } }).validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
    expect(html).not.toMatch(/<script\b/i);
    // Code blocks scroll sideways on a phone, so each must be reachable by keyboard.
    const blocks = html.match(/<pre\b[^>]*>/g) ?? [];
    expect(blocks.length).toBeGreaterThan(0);
    for (const tag of blocks) expect(tag).toBe('<pre tabindex="0">');
  });
});

describe('the published JSON Schemas', () => {
  it.each([
    ['incident', incidentJsonSchema],
    ['organization', organizationJsonSchema],
    ['taxonomy', taxonomyJsonSchema],
  ] as const)('/schema/%s.schema.json is the schema generated from zod', async (name, generate) => {
    const response = await fetch(`${inject('siteUrl')}/schema/${name}.schema.json`);
    expect(response.status).toBe(200);
    const published = (await response.json()) as Record<string, unknown>;
    expect(published).toEqual(generate());
    expect(published.$id).toBe(`https://incident-atlas.github.io/schema/${name}.schema.json`);
  });
});

describe('when a record last changed', () => {
  it('is on its page, from the last change on main\'s first-parent line', async () => {
    const file = 'content/incidents/2025-12-aws-cost-explorer-kiro.mdx';
    const committed = execFileSync('git', ['log', '-1', '--first-parent', '--format=%cI', '--', file], { cwd: ROOT, encoding: 'utf8' }).trim();
    const html = await (await fetch(`${inject('siteUrl')}/incidents/2025-12-aws-cost-explorer-kiro/`)).text();
    const updated = /Last updated <time datetime="([^"]+)">([^<]+)<\/time>/.exec(html);
    const shallow = execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: ROOT, encoding: 'utf8' }).trim() === 'true';
    if (!committed || shallow) return expect(updated, 'without full history a record has no date').toBeNull();
    expect(Date.parse(updated![1]!)).toBe(Date.parse(committed));
    const day = new Date(committed);
    expect(updated?.[2]).toBe(`${day.getUTCDate()} ${day.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${day.getUTCFullYear()}`);
  });
});
