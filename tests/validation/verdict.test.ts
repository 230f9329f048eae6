import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depthMessage, MAX_BODY_DEPTH } from '../../src/body/mdast.ts';
import { renderRecordBody } from '../../src/body/render.ts';
import { createIncidentSchema } from '../../src/schema/incident.ts';
import { checkIncidentText } from '../../src/validate/check-incident.ts';
import { recordAnchors } from '../../src/lib/site/body-links.ts';
import { extractLinks, findBrokenLinks } from '../../src/lib/site/link-check.ts';
import { TEST_NOW, fixtureRecordText } from '../support/corpus.ts';
import { validateRecordText } from '../support/validate-text.ts';

// Nested and long bodies, generated: `validate` and the build must reach one verdict. Either the
// validator rejects the record with every problem located in the file, or the build's own steps
// (the renderer, then the link check over the page) succeed on it. How deep each body nests is
// known from how it was made, so the depth limit is checked against that, not the validator.

type Block = 'quote' | 'list' | 'ordered' | 'aside';
type Inline = 'emphasis' | 'strong' | 'delete';

/** Levels of the tree each wrapper adds: a list is a list and an item. */
const BLOCK_LEVELS: Record<Block, number> = { quote: 1, list: 2, ordered: 2, aside: 1 };

function wrapBlock(kind: Block, inner: string): string {
  const indent = (text: string, first: string, rest: string) => text.split('\n').map((line, i) => (i === 0 ? first : line ? rest : '') + line).join('\n');
  if (kind === 'quote') return inner.split('\n').map((line) => `> ${line}`).join('\n');
  if (kind === 'list') return indent(inner, '- ', '  ');
  if (kind === 'ordered') return indent(inner, '1. ', '   ');
  return `<Aside kind="note">\n\n${inner}\n\n</Aside>`;
}

function wrapInline(kind: Inline, inner: string): string {
  const mark = { emphasis: '*', strong: '**', delete: '~~' }[kind];
  return `${mark}w ${inner} w${mark}`;
}

const BLOCK = fc.constantFrom<Block>('quote', 'list', 'ordered', 'aside');
const INLINE = fc.constantFrom<Inline>('emphasis', 'strong', 'delete');

const leaf = fc.record({
  words: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1000, max: 15000 })),
  cite: fc.boolean(),
  link: fc.boolean(),
  footnote: fc.boolean(),
});

const shape = fc.record({
  // Mostly shallow, often near the limit, sometimes far past it.
  blocks: fc.oneof(fc.array(BLOCK, { maxLength: 8 }), fc.array(BLOCK, { minLength: 8, maxLength: 20 }), fc.array(BLOCK, { maxLength: 60 })),
  inlines: fc.oneof(fc.array(INLINE, { maxLength: 6 }), fc.array(INLINE, { minLength: 6, maxLength: 20 }), fc.array(INLINE, { maxLength: 60 })),
  leaf,
  copies: fc.integer({ min: 1, max: 3 }),
});

type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

function bodyOf({ blocks, inlines, leaf: { words, cite, link, footnote }, copies }: Shape): { text: string; depth: number } {
  let inline = 'word '.repeat(words).trim();
  if (link) inline = `[${inline}](https://example.com/page)`;
  if (cite) inline += ' <Cite ids="analysis" />';
  if (footnote) inline += '[^n]';
  inline = inlines.reduceRight((inner, kind) => wrapInline(kind, inner), inline);
  const paragraph = blocks.reduceRight((inner, kind) => wrapBlock(kind, inner), inline);
  // Deepest node: every block, the paragraph, every inline wrapper, the link, then the text.
  const depth = blocks.reduce((sum, kind) => sum + BLOCK_LEVELS[kind], 0) + 1 + inlines.length + (link ? 1 : 0) + 1;
  const notes = footnote ? '\n\n[^n]: A note.' : '';
  return { text: Array.from({ length: copies }, () => paragraph).join('\n\n') + notes, depth };
}

const base = fixtureRecordText();
const schema = createIncidentSchema(() => TEST_NOW);
let accepted = 0;
let rejected = 0;

/** The build's steps after validation, on one record: render the body, then check its links against the page. */
function buildRecordPage(text: string): void {
  const checked = checkIncidentText(text, schema);
  const { html } = renderRecordBody(checked.tree!, checked.data!);
  const page = extractLinks(html);
  const ids = new Set([...page.ids, ...recordAnchors(checked.data!, checked.links?.headingIds ?? [])]);
  const path = '/incidents/2024-03-new-record/';
  const pages = new Map([[path, { links: page.links, ids }], ['/incidents/', { links: [], ids: new Set<string>() }]]);
  expect(findBrokenLinks(pages, new Set())).toEqual([]);
  // No link inside a link: count open <a> elements as the HTML goes.
  let open = 0;
  for (const tag of html.matchAll(/<(\/?)a\b/g)) {
    open += tag[1] ? -1 : 1;
    expect(open).toBeLessThanOrEqual(1);
  }
  expect(open).toBe(0);
}

describe('nested and long bodies: one verdict for validate and the build', () => {
  it('either validate rejects with a location, or the build renders the page and its links resolve', () => {
    fc.assert(
      fc.property(shape, (generated) => {
        const { text: body, depth } = bodyOf(generated);
        const text = `${base}\n${body}\n`;
        const lines = text.split('\n').length;
        const verdict = validateRecordText(text);
        if (!verdict.accepted) {
          rejected++;
          expect(verdict.problems.length).toBeGreaterThan(0);
          for (const p of verdict.problems) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.line).toBeLessThanOrEqual(lines);
            expect(p.column).toBeGreaterThanOrEqual(1);
          }
          if (depth > MAX_BODY_DEPTH) expect(verdict.problems.map((p) => p.message)).toContain(depthMessage());
          else expect(verdict.problems.map((p) => p.message)).not.toContain(depthMessage());
          return;
        }
        accepted++;
        expect(depth).toBeLessThanOrEqual(MAX_BODY_DEPTH);
        buildRecordPage(text);
      }),
      { numRuns: 300 },
    );
    // Both verdicts must have been reached for the property to mean anything.
    expect(accepted).toBeGreaterThan(20);
    expect(rejected).toBeGreaterThan(20);
  }, 300_000);

  it('accepts and renders a body at exactly the limit, and refuses one level more', () => {
    const at = bodyOf({ blocks: Array(10).fill('quote'), inlines: Array(20).fill('emphasis'), leaf: { words: 3, cite: false, link: false, footnote: false }, copies: 1 });
    expect(at.depth).toBe(MAX_BODY_DEPTH);
    expect(validateRecordText(`${base}\n${at.text}\n`).problems).toEqual([]);
    buildRecordPage(`${base}\n${at.text}\n`);
    const over = bodyOf({ blocks: Array(11).fill('quote'), inlines: Array(20).fill('emphasis'), leaf: { words: 3, cite: false, link: false, footnote: false }, copies: 1 });
    expect(validateRecordText(`${base}\n${over.text}\n`).problems.map((p) => p.message)).toEqual([depthMessage()]);
  });
});
