import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomFeed, feedDates, type FeedRecord } from '../../src/lib/exports/feed.ts';
import { GIT_LOG_ARGS, parseGitLog } from '../../src/lib/exports/history.ts';
import { datasetJsonLd, recordJsonLd, serializeJsonLd } from '../../src/lib/exports/json-ld.ts';
import { isNoindex, pagePathOf, sitemapXml, SITEMAP_LIMIT } from '../../src/lib/exports/sitemap.ts';
import { escapeXml } from '../../src/core/xml.ts';
import { validFields } from '../support/record.ts';

const SITE = { name: 'Incident Atlas', url: 'https://atlas.example.org', repository: 'https://github.com/example/atlas' };

describe('JSON-LD', () => {
  it('cannot close its script element, and still parses to the same value', () => {
    const value = { text: '</script><script>alert(1)</script> & <!-- \u2028 \u2029 >' };
    const json = serializeJsonLd(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('round-trips any value through JSON.parse', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const json = serializeJsonLd(value);
      expect(json.toLowerCase()).not.toContain('</script');
      expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)));
    }));
  });

  it('describes a record page as an Article about the incident, citing its sources', () => {
    const record = validFields();
    const ld = recordJsonLd({
      id: 'x', record, url: 'https://atlas.example.org/incidents/x/', site: SITE, history: { added: '2024-03-07T10:00:00.000Z', updated: '2024-04-01T00:00:00.000Z', version: null },
      commit: 'abc', license: 'https://creativecommons.org/licenses/by/4.0/', causeNames: new Map([['excess-privilege', 'Excess privilege']]), organizationNames: new Map([['example-cloud', 'Example Cloud']]),
    });
    expect(ld).toMatchObject({
      '@context': 'https://schema.org', '@type': 'Article', headline: record.title, description: record.summary, url: 'https://atlas.example.org/incidents/x/',
      datePublished: '2024-03-07T10:00:00.000Z', dateModified: '2024-04-01T00:00:00.000Z', license: 'https://creativecommons.org/licenses/by/4.0/',
      about: { '@type': 'Event', startDate: '2024-03-04T09:15Z', endDate: '2024-03-04T12:45Z', duration: 'PT3H30M' },
    });
    expect(ld.citation).toHaveLength(record.sources.length);
    expect(ld.keywords).toEqual(['agent-destructive-action', 'Excess privilege', 'ai-agent', 'database']);
    expect(ld.mentions).toEqual([{ '@type': 'Organization', name: 'Example Cloud' }, { '@type': 'Organization', name: 'example-news' }]);
  });

  it('leaves out dates it does not know rather than inventing them', () => {
    const ld = recordJsonLd({ id: 'x', record: validFields(), url: 'u', site: SITE, history: { added: null, updated: null, version: null }, commit: 'c', license: 'l', causeNames: new Map(), organizationNames: new Map() });
    expect(ld).not.toHaveProperty('datePublished');
    expect(ld).not.toHaveProperty('dateModified');
  });

  it('describes the data page as a Dataset with its downloads', () => {
    const ld = datasetJsonLd({ site: SITE, description: 'd', license: 'l', commit: 'c', builtAt: 'b', files: [{ name: 'incidents.csv', url: 'https://atlas.example.org/data/incidents.csv', encodingFormat: 'text/csv' }] });
    expect(ld).toMatchObject({ '@type': 'Dataset', url: 'https://atlas.example.org/data/', distribution: [{ '@type': 'DataDownload', contentUrl: 'https://atlas.example.org/data/incidents.csv' }] });
  });
});

describe('record history from git log', () => {
  const log = [
    '\x1ecccccccccccccccccccccccccccccccccccccccc 2026-03-02T10:00:00+01:00', '', 'content/incidents/b.mdx', 'content/incidents/a.mdx', '',
    '\x1ebbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb 2026-02-01T12:00:00Z', '', 'content/incidents/a.mdx', '',
    '\x1eaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa 2026-01-15T08:00:00-05:00', '', 'content/incidents/a.mdx', 'content/incidents/c.mdx', '',
  ].join('\n');

  it('takes the newest commit as the update and the version, and the oldest as the addition', () => {
    const history = parseGitLog(log);
    const [a, , c] = ['a', 'b', 'c'].map((x) => x.repeat(40));
    expect(history.get('content/incidents/a.mdx')).toEqual({ added: '2026-01-15T13:00:00.000Z', updated: '2026-03-02T09:00:00.000Z', version: c });
    expect(history.get('content/incidents/b.mdx')).toEqual({ added: '2026-03-02T09:00:00.000Z', updated: '2026-03-02T09:00:00.000Z', version: c });
    expect(history.get('content/incidents/c.mdx')).toEqual({ added: '2026-01-15T13:00:00.000Z', updated: '2026-01-15T13:00:00.000Z', version: a });
  });

  it('dates a record by its merge into main, not by the dates its pull request chose', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-history-'));
    try {
      const git = (date: string, ...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', '-c', 'init.defaultBranch=main', ...args], {
          cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
        });
      git('2026-01-01T00:00:00Z', 'init', '-q');
      mkdirSync(join(dir, 'content', 'incidents'), { recursive: true });
      writeFileSync(join(dir, 'content', 'incidents', 'a.mdx'), 'a');
      git('2026-01-01T00:00:00Z', 'add', '-A');
      git('2026-01-01T00:00:00Z', 'commit', '-qm', 'a');
      git('2026-01-02T00:00:00Z', 'checkout', '-qb', 'contribution');
      writeFileSync(join(dir, 'content', 'incidents', 'b.mdx'), 'b');
      writeFileSync(join(dir, 'content', 'incidents', 'a.mdx'), 'a, corrected');
      git('2031-06-01T00:00:00Z', 'add', '-A');
      git('2031-06-01T00:00:00Z', 'commit', '-qm', 'dated in the future by its author');
      git('2026-02-01T00:00:00Z', 'checkout', '-q', 'main');
      git('2026-02-01T00:00:00Z', 'merge', '-q', '--no-ff', '-m', 'merge', 'contribution');
      const history = parseGitLog(git('2026-02-01T00:00:00Z', ...GIT_LOG_ARGS, 'content/incidents'));
      // The version a citation names is main's merge, the commit a reader of main can check out.
      const merge = git('2026-02-01T00:00:00Z', 'rev-parse', 'HEAD').trim();
      expect(history.get('content/incidents/b.mdx')).toEqual({ added: '2026-02-01T00:00:00.000Z', updated: '2026-02-01T00:00:00.000Z', version: merge });
      expect(history.get('content/incidents/a.mdx')).toEqual({ added: '2026-01-01T00:00:00.000Z', updated: '2026-02-01T00:00:00.000Z', version: merge });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads nothing from empty or garbled output', () => {
    expect(parseGitLog('').size).toBe(0);
    expect(parseGitLog('\x1enot a date\n\nfile.mdx\n').size).toBe(0);
  });
});

describe('Atom feed', () => {
  const record = (id: string, history: FeedRecord['history'], reported: string | number = '2025-12'): FeedRecord => ({
    id, title: `Title of ${id} <&>`, summary: 'A "summary" & more', reported, categories: [{ id: 'excess-privilege', name: 'Excess privilege' }], history,
  });
  const options = { siteName: 'Incident Atlas', siteUrl: 'https://atlas.example.org', builtAt: '2026-12-01T00:00:00.000Z', license: 'CC BY 4.0' };

  it('lists the most recently updated first, with escaped text', () => {
    const xml = atomFeed([
      record('old', { added: '2026-01-01T00:00:00.000Z', updated: '2026-01-02T00:00:00.000Z', version: null }),
      record('new', { added: '2026-03-01T00:00:00.000Z', updated: '2026-03-01T00:00:00.000Z', version: null }),
    ], options);
    expect([...xml.matchAll(/<id>https:\/\/atlas\.example\.org\/incidents\/([a-z]+)\/<\/id>/g)].map((m) => m[1])).toEqual(['new', 'old']);
    expect(xml).toContain('<updated>2026-03-01T00:00:00.000Z</updated>\n  <author>');
    expect(xml).toContain('<title>Title of old &lt;&amp;&gt;</title>');
    expect(xml).toContain('<summary>A &quot;summary&quot; &amp; more</summary>');
    expect(xml).toContain('<category term="excess-privilege" label="Excess privilege"/>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://atlas.example.org/feed.xml"/>');
  });

  it('falls back to the stable date the incident became public when there is no history', () => {
    expect(feedDates(record('x', { added: null, updated: null, version: null }, '2026-02-20'))).toEqual({ published: '2026-02-20T00:00:00.000Z', updated: '2026-02-20T00:00:00.000Z' });
    expect(feedDates(record('x', { added: null, updated: null, version: null }, 2019)).published).toBe('2019-01-01T00:00:00.000Z');
  });

  it('caps the number of entries and dates an empty feed by the build', () => {
    const many = Array.from({ length: 5 }, (_, i) => record(`r${i}`, { added: null, updated: null, version: null }));
    expect(atomFeed(many, { ...options, limit: 3 }).match(/<entry>/g)).toHaveLength(3);
    expect(atomFeed([], options)).toContain('<updated>2026-12-01T00:00:00.000Z</updated>');
  });
});

describe('sitemap', () => {
  it('maps built files to page paths, skipping error pages and non-HTML files', () => {
    expect(pagePathOf('index.html')).toBe('/');
    expect(pagePathOf('incidents/a/index.html')).toBe('/incidents/a/');
    expect(pagePathOf('404.html')).toBeUndefined();
    expect(pagePathOf('data/incidents.json')).toBeUndefined();
    expect(pagePathOf('pagefind/pagefind.js')).toBeUndefined();
  });

  it('writes each URL with its last change when known', () => {
    const xml = sitemapXml([{ loc: 'https://a.example/?q=1&r=2' }, { loc: 'https://a.example/incidents/x/', lastmod: '2026-01-01T00:00:00.000Z' }]);
    expect(xml).toContain('<url><loc>https://a.example/?q=1&amp;r=2</loc></url>');
    expect(xml).toContain('<url><loc>https://a.example/incidents/x/</loc><lastmod>2026-01-01T00:00:00.000Z</lastmod></url>');
  });

  it('refuses more URLs than one sitemap may hold', () => {
    expect(() => sitemapXml(Array.from({ length: SITEMAP_LIMIT + 1 }, (_, i) => ({ loc: `https://a.example/${i}/` })))).toThrow(/at most 50000/);
  });

  it('recognises pages that ask not to be indexed', () => {
    expect(isNoindex('<meta name="robots" content="noindex, follow">')).toBe(true);
    expect(isNoindex('<meta name="description" content="noindex">')).toBe(false);
  });
});

describe('XML escaping', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000\u0008\u000B\uFFFE ok\t\n`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt; ok\t\n');
  });
});
