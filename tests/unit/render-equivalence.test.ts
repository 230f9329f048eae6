// The static body renderer must say what a standard MDX compilation says. This compiles and
// runs trusted fixtures only (the model record and synthetic records), never contributed content.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { evaluate } from 'satteri';
import { describe, expect, it } from 'vitest';
import { citedIds } from '../../src/body/components.ts';
import { BODY_HEADING_PREFIX } from '../../src/body/heading-ids.ts';
import { renderBody } from '../../src/body/render.ts';
import { syntheticRecord, vocabularyOf } from '../../scripts/bench/synthetic.ts';
import { createIncidentSchema } from '../../src/schema/incident.ts';
import { checkIncidentText } from '../../src/validate/check-incident.ts';
import { loadCorpus } from '../../src/validate/corpus.ts';
import { splitFrontmatter } from '../../src/validate/split-frontmatter.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const MODEL = join(ROOT, 'content', 'incidents', '2025-12-aws-cost-explorer-kiro.mdx');

/** HTML built as strings: a marker tells markup from text, which the runtime escapes. */
interface Markup {
  html: string;
}
type Child = Markup | string | number | boolean | null | undefined | Child[];
type Props = Record<string, unknown> & { children?: Child };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const isMarkup = (value: unknown): value is Markup => typeof value === 'object' && value !== null && 'html' in value;
const VOID = new Set(['br', 'hr', 'img', 'input']);

function childrenHtml(children: Child): string {
  if (Array.isArray(children)) return children.map(childrenHtml).join('');
  if (isMarkup(children)) return children.html;
  if (children === null || children === undefined || typeof children === 'boolean') return '';
  return escape(String(children));
}

/** A minimal automatic JSX runtime that renders to an HTML string. */
function jsx(type: unknown, rawProps: unknown): Markup {
  const props = rawProps as Props;
  if (typeof type === 'function') return type(props) as Markup;
  if (type === FRAGMENT) return { html: childrenHtml(props.children) };
  const attributes = Object.entries(props)
    .filter(([name, value]) => name !== 'children' && value !== undefined && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escape(String(value))}"`))
    .join('');
  const tag = String(type);
  return { html: VOID.has(tag) ? `<${tag}${attributes}>` : `<${tag}${attributes}>${childrenHtml(props.children)}</${tag}>` };
}
const FRAGMENT = Symbol('Fragment');

/** Compiles and runs a body as standard MDX, with Cite and Aside mapped to the same HTML as the site's. */
function standardMdx(body: string, sourceNumbers: ReadonlyMap<string, number>): string {
  const slugger = new GithubSlugger();
  // Astro's MDX gives headings github-slugger ids (ours are prefixed, to keep the page's own); the record page nests the body under an h2, one level down.
  const heading = (depth: number) => (props: Props) => {
    const text = childrenHtml(props.children).replace(/<[^>]*>/g, '');
    const inner = { html: childrenHtml(props.children) };
    return jsx(`h${Math.min(depth + 1, 6)}`, { id: BODY_HEADING_PREFIX + slugger.slug(text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>')), children: inner });
  };
  let cites = 0;
  const components = {
    h2: heading(2), h3: heading(3), h4: heading(4), h5: heading(5), h6: heading(6),
    Cite: ({ ids }: Props) => {
      const links = citedIds(String(ids)).map((id) => {
        const number = sourceNumbers.get(id);
        return `<a href="#source-${escape(id)}" aria-label="Source ${number}">${number}</a>`;
      });
      return { html: `<sup class="cite" id="cite-b${cites++}" data-pagefind-ignore>[${links.join(', ')}]</sup>` };
    },
    Aside: ({ kind, title, children }: Props) => {
      const label = String(kind)[0]!.toUpperCase() + String(kind).slice(1);
      const name = escape(title ? `${label}: ${title}` : label);
      return { html: `<aside class="aside aside-${kind}" aria-label="${name}"><p class="aside-title">${name}</p>${childrenHtml(children)}</aside>` };
    },
  };
  const module = evaluate(body, { jsx, jsxs: jsx, Fragment: FRAGMENT, elementAttributeNameCase: 'html', features: { frontmatter: false } });
  if (module instanceof Promise) throw new Error('expected a synchronous compile');
  const Content = module.default as (props: { components: typeof components }) => Markup;
  return Content({ components }).html;
}

const BLOCK_TAG = /\s*(<\/?(?:p|h[1-6]|ul|ol|li|aside|blockquote|pre|table|thead|tbody|tr|th|td|div|section|hr|br)\b[^>]*>)\s*/g;

/**
 * Runs of whitespace are one space, and none matters around block tags; entity spelling varies
 * between serializers. `rel="external"` is the site's own addition to http(s) links.
 */
function normalize(html: string): string {
  return html
    .replace(/ rel="external"/g, '')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#34;|&#x22;/g, '&quot;')
    .replace(/\s+/g, ' ')
    .replace(BLOCK_TAG, '$1')
    .trim();
}

function bothRenderings(text: string) {
  const checked = checkIncidentText(text, createIncidentSchema(() => Date.UTC(2026, 11, 4)));
  expect(checked.problems).toEqual([]);
  const sourceNumbers = new Map(checked.data!.sources.map((source, index) => [source.id, index + 1]));
  const split = splitFrontmatter(text);
  if (!('yaml' in split)) throw new Error('no frontmatter');
  return { ours: normalize(renderBody(checked.tree!, sourceNumbers).html), standard: normalize(standardMdx(split.body, sourceNumbers)) };
}

describe('the body renderer matches a standard MDX compilation', () => {
  it('for the model record', () => {
    const { ours, standard } = bothRenderings(readFileSync(MODEL, 'utf8'));
    expect(ours).toContain('<aside class="aside aside-note" aria-label=');
    expect(ours).toContain('<h3 id="account-what-happened">');
    expect(ours).toBe(standard);
  });

  it('for a sample of synthetic records', () => {
    const vocabulary = vocabularyOf(loadCorpus({ root: ROOT }));
    for (const index of [0, 1, 7, 42, 311, 2048]) {
      const { id, text } = syntheticRecord(index, vocabulary);
      const { ours, standard } = bothRenderings(text);
      expect(ours, id).toMatch(/<ul><li>/);
      expect(ours, id).toBe(standard);
    }
  });
});
