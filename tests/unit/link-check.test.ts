import { describe, expect, it } from 'vitest';
import { checkLinks, extractLinks, findBrokenLinks, internalTarget } from '../../src/lib/site/link-check.ts';

describe('link checking', () => {
  it('extracts links and ids from generated HTML', () => {
    const page = extractLinks('<a href="/incidents/a/#sources">x</a><link rel="stylesheet" href="/_astro/a.css"><h2 id="sources">S</h2><a href="https://example.org/?a=1&amp;b=2">e</a>');
    expect(page.links).toEqual(['/incidents/a/#sources', '/_astro/a.css', 'https://example.org/?a=1&b=2']);
    expect([...page.ids]).toEqual(['sources']);
  });

  it('resolves internal targets relative to the page and ignores other schemes', () => {
    expect(internalTarget('#timeline', '/incidents/a/')).toEqual({ path: '/incidents/a/', fragment: 'timeline' });
    expect(internalTarget('../b/', '/incidents/a/')).toEqual({ path: '/incidents/b/', fragment: '' });
    expect(internalTarget('https://example.org/', '/')).toBeUndefined();
    expect(internalTarget('//cdn.example.org/x.js', '/')).toBeUndefined();
    expect(internalTarget('mailto:a@b.c', '/')).toBeUndefined();
  });

  it('reports missing pages, missing files and missing anchors, and accepts good links', () => {
    const pages = new Map([
      ['/', { links: ['/incidents/', '/incidents/a/#cause', '/missing/', '/_astro/a.css', '/_astro/gone.js', '#top'], ids: new Set(['top']) }],
      ['/incidents/', { links: ['/incidents/a/', '/incidents/a/#nowhere'], ids: new Set<string>() }],
      ['/incidents/a/', { links: [], ids: new Set(['cause']) }],
    ]);
    const broken = findBrokenLinks(pages, new Set(['/_astro/a.css']));
    expect(broken).toEqual([
      { from: '/', link: '/missing/', reason: 'no such page or file' },
      { from: '/', link: '/_astro/gone.js', reason: 'no such page or file' },
      { from: '/incidents/', link: '/incidents/a/#nowhere', reason: 'no element with id "nowhere"' },
    ]);
  });

  it('reports a link whose percent escapes do not decode instead of stopping', () => {
    const pages = new Map([['/', { links: ['#%E0%A4', '/a/%E0%A4/'], ids: new Set<string>() }]]);
    expect(findBrokenLinks(pages, new Set())).toEqual([
      { from: '/', link: '#%E0%A4', reason: 'malformed percent-encoding' },
      { from: '/', link: '/a/%E0%A4/', reason: 'malformed percent-encoding' },
    ]);
  });

  it('counts the internal links it checked, resolving a repeated path the same from every page', () => {
    const pages = new Map([
      ['/', { links: ['/incidents/a/#cause', '#top', 'incidents/a/', 'https://example.org/', '/incidents/a/#cause'], ids: new Set(['top']) }],
      ['/incidents/', { links: ['/incidents/a/#cause', '../#top', 'a/#gone', '#t%C3%B6p', 'mailto:a@b.c'], ids: new Set(['töp']) }],
      ['/incidents/a/', { links: ['/incidents/a/#cause', '#cause', '/incidents/a/#nowhere'], ids: new Set(['cause']) }],
    ]);
    const { broken, internal } = checkLinks(pages, new Set());
    const expected = [...pages].reduce((sum, [from, page]) => sum + page.links.filter((link) => internalTarget(link, from)).length, 0);
    expect(internal).toBe(expected);
    expect(internal).toBe(11);
    expect(broken).toEqual([
      { from: '/incidents/', link: 'a/#gone', reason: 'no element with id "gone"' },
      { from: '/incidents/a/', link: '/incidents/a/#nowhere', reason: 'no element with id "nowhere"' },
    ]);
  });
});
