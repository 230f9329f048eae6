import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bibtexCitation, bibtexDatasetCitation, cslCitation, cslJson, plainCitation, plainDatasetCitation, type CitationInput } from '../../src/lib/exports/citation.ts';

const input: CitationInput = {
  id: '2025-12-aws-cost-explorer-kiro',
  title: 'AWS Cost Explorer interrupted for about 13 hours',
  url: 'https://atlas.example.org/incidents/2025-12-aws-cost-explorer-kiro/',
  permalink: 'https://github.com/example/atlas/blob/0123456789abcdef0123456789abcdef01234567/content/incidents/2025-12-aws-cost-explorer-kiro.mdx',
  version: '0123456789ab',
  versionDate: '2026-02-21',
  siteName: 'Incident Atlas',
};

/** The one entry of a BibTeX text, read back by the parser Zotero's Better BibTeX uses. */
function readBibtex(text: string) {
  const library = parseBibtex(text, { sentenceCase: false });
  expect(library.errors).toEqual([]);
  expect(library.entries).toHaveLength(1);
  return library.entries[0]!;
}

describe('record citations', () => {
  it('gives the stable URL and the pinned permalink in plain text', () => {
    const text = plainCitation(input);
    expect(text).toContain(input.url);
    expect(text).toContain(input.permalink);
    expect(text).toContain('version 0123456789ab');
  });

  it('writes BibTeX that a real parser reads back field for field', () => {
    const entry = readBibtex(bibtexCitation(input));
    expect(entry).toMatchObject({ type: 'misc', key: input.id });
    expect(entry.fields).toMatchObject({ title: input.title, url: input.url, year: '2026', month: '2' });
    expect(entry.fields.urldate).toBeUndefined();
    expect(entry.fields.author).toEqual([{ name: 'Incident Atlas contributors' }]);
    expect(entry.fields.note).toContain(`permalink ${input.permalink}`);
  });

  it('escapes any title so that it parses back unchanged', () => {
    const title = fc.stringMatching(/^[A-Za-z0-9 &%$#_{}~^\\"'.,:;()—é-]{1,60}$/).map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
    fc.assert(
      fc.property(title, (text) => {
        expect(readBibtex(bibtexCitation({ ...input, title: text })).fields.title).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('writes CSL-JSON with the stable URL, the version and the permalink', () => {
    const [item] = JSON.parse(cslJson(cslCitation(input))) as Record<string, unknown>[];
    expect(item).toMatchObject({
      id: input.id,
      type: 'webpage',
      title: input.title,
      URL: input.url,
      version: '0123456789ab',
      'container-title': 'Incident Atlas',
      author: [{ literal: 'Incident Atlas contributors' }],
      issued: { 'date-parts': [[2026, 2, 21]] },
    });
    // No "accessed" date: the page cannot know when it is read, and a build date would change on every rebuild.
    expect(item).not.toHaveProperty('accessed');
    expect(item!.note).toContain(input.permalink);
  });
});

describe('dataset citation', () => {
  const dataset = { url: 'https://atlas.example.org/data/', permalink: 'https://github.com/example/atlas/tree/0123456789abcdef', commit: '0123456789ab', builtOn: '2026-02-21', siteName: 'Incident Atlas' };

  it('names the version, the licence and where the source is', () => {
    const text = plainDatasetCitation(dataset);
    expect(text).toContain(dataset.url);
    expect(text).toContain(dataset.permalink);
    expect(text).toContain('CC BY 4.0');
  });

  it('writes BibTeX a parser reads back', () => {
    const entry = readBibtex(bibtexDatasetCitation(dataset));
    expect(entry.key).toBe('incident-atlas');
    expect(entry.fields).toMatchObject({ url: dataset.url, version: '0123456789ab' });
    expect(entry.fields.title).toMatch(/^Incident Atlas: a dataset/);
    expect(entry.fields.note).toContain(dataset.permalink);
  });
});
