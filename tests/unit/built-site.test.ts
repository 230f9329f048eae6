import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBuiltSite } from '../../src/build/built-site.ts';

const dist = mkdtempSync(join(tmpdir(), 'atlas-built-site-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('reading the built site for the checks after the build', () => {
  it('gives pages by URL with their links, ids and robots flag, and every file', () => {
    mkdirSync(join(dist, 'x'));
    writeFileSync(join(dist, 'index.html'), '<a href="/x/#part">x</a>');
    writeFileSync(join(dist, 'x', 'index.html'), '<meta name="robots" content="noindex"><h2 id="part">P</h2>');
    writeFileSync(join(dist, 'a.css'), '');
    const { pages, files } = readBuiltSite(dist);
    expect([...pages.keys()].sort()).toEqual(['/', '/x/']);
    expect(pages.get('/')).toEqual({ file: 'index.html', links: ['/x/#part'], ids: new Set(), noindex: false });
    expect(pages.get('/x/')).toEqual({ file: 'x/index.html', links: [], ids: new Set(['part']), noindex: true });
    expect([...files].sort()).toEqual(['/a.css', '/index.html', '/x/index.html']);
  });

  it('lists files written since, and reads a page again once its file has changed', () => {
    writeFileSync(join(dist, 'sitemap.xml'), '<urlset/>');
    writeFileSync(join(dist, 'x', 'index.html'), '<h2 id="other">O</h2><a href="/">home</a>');
    const { pages, files } = readBuiltSite(dist);
    expect(files.has('/sitemap.xml')).toBe(true);
    expect(pages.get('/x/')).toEqual({ file: 'x/index.html', links: ['/'], ids: new Set(['other']), noindex: false });
  });
});
