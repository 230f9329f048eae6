import { describe, expect, it } from 'vitest';
import { FACETS, facetValues, sortKey } from '../../src/lib/search/search-facets.ts';
import { SEARCHED_SECTIONS, searchDocument } from '../../src/lib/search/search-document.ts';
import { fixtureCollection } from '../support/collection.ts';

const [record] = fixtureCollection();
const names = {
  organizations: new Map([['example-cloud', 'Example Cloud']]),
  causes: new Map([['excess-privilege', 'Excess privilege']]),
  safeguards: new Map([['human-approval', 'Human approval']]),
};
const body = '<h3 id="what-happened">What happened</h3><p>The body, as rendered <sup class="cite" data-pagefind-ignore>[<a href="#source-a">1</a>]</sup>.</p>';
const html = searchDocument(record!.data, body, names);

describe('a record’s search document', () => {
  it('is one indexed region with the title, the summary and every searched section under its page id', () => {
    expect(html.match(/data-pagefind-body/g)).toHaveLength(1);
    expect(html).toContain(`<h1>${record!.data.title}</h1>`);
    expect(html).toContain(record!.data.summary);
    const ids = [...html.matchAll(/<h2 id="([^"]+)">/g)].map((match) => match[1]);
    expect(ids).toEqual([...SEARCHED_SECTIONS]);
  });

  it('holds the body as the record page renders it, headings ids and all', () => {
    expect(html).toContain(`<h2 id="account">Account</h2>${body}`);
  });

  it('carries the text of the structured sections, with display names', () => {
    expect(html).toContain(record!.data.cause.trigger);
    expect(html).toContain('Excess privilege');
    for (const event of record!.data.timeline) expect(html).toContain(event.event);
    for (const claim of record!.data.claims) expect(html).toContain(claim.statement);
    for (const source of record!.data.sources) expect(html).toContain(source.title);
  });

  it('declares every facet value, the sort key and the card metadata, outside the indexed text', () => {
    const hidden = /<div hidden data-pagefind-ignore>(.*?)<\/div>/.exec(html)?.[1] ?? '';
    const values = facetValues(record!.data);
    for (const { param } of FACETS) for (const value of values[param]) expect(hidden).toContain(`<span data-pagefind-filter="${param}">${value}</span>`);
    expect(hidden).toContain(`<span data-pagefind-sort="date">${sortKey(record!.data)}</span>`);
    expect(hidden).toContain('<span data-pagefind-meta="organizations">Example Cloud, example-news</span>');
    expect(hidden).toContain(`<span data-pagefind-meta="severity">${record!.data.impact.severity}</span>`);
  });

  it('escapes the record’s text', () => {
    const hostile = { ...record!.data, title: 'A <b>bold</b> & "quoted" title', summary: '<script>alert(1)</script>' };
    const out = searchDocument(hostile, '', names);
    expect(out).toContain('<h1>A &#60;b&#62;bold&#60;/b&#62; &#38; &#34;quoted&#34; title</h1>');
    expect(out).not.toContain('<script>');
  });
});
