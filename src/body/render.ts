import { escapeHtml } from '../core/html.ts';
import { bodyCiteAnchor, bodyCitations, sourceCitations, type CitingRecord } from './citations.ts';
import { citedIds } from './components.ts';
import { headingIdMaker } from './heading-ids.ts';
import { textOf, tooDeepNode, walk, type BodyNode } from './mdast.ts';
import { footnoteKey } from './rules/footnotes.ts';

export { textOf };

export interface RenderedBody {
  html: string;
  headings: { depth: number; slug: string; text: string }[];
  /** The source ids of each `<Cite>`, in order: with the frontmatter, they number the sources. */
  citations: string[][];
}

interface RenderState {
  /** Source id → its number in the record's source list. */
  sourceNumbers: ReadonlyMap<string, number>;
  definitions: Map<string, BodyNode>;
  footnotes: Map<string, BodyNode>;
  /** Footnote keys in the order the text first marks them: their numbers, from 1. */
  footnoteOrder: string[];
  /** How many marks each footnote has had so far, so that every mark gets an id of its own. */
  footnoteMarks: Map<string, number>;
  headingId: (text: string) => string;
  headings: RenderedBody['headings'];
  /** How many `<Cite>` have been rendered: each gets its own anchor for the source list's back-links. */
  cites: number;
}

/** Renders a record's checked body, its sources numbered by first citation as the record page numbers them. */
export function renderRecordBody(tree: BodyNode, record: CitingRecord): RenderedBody {
  const citations = bodyCitations(tree);
  return { ...renderBody(tree, sourceCitations(record, citations).numbers), citations };
}

/**
 * Renders a checked body tree to static HTML in one pass. Only call it on a tree that
 * passed every body rule: it knows exactly the allowlisted nodes and components.
 */
export function renderBody(tree: BodyNode, sourceNumbers: ReadonlyMap<string, number>): Omit<RenderedBody, 'citations'> {
  // The check refuses deeper trees; this keeps the recursion below from ever meeting one.
  if (tooDeepNode(tree)) throw new Error('renderBody reached a tree deeper than the body check allows');
  const state: RenderState = { sourceNumbers, definitions: new Map(), footnotes: new Map(), footnoteOrder: [], footnoteMarks: new Map(), headingId: headingIdMaker(), headings: [], cites: 0 };
  walk(tree, (node) => {
    if (node.type === 'definition') state.definitions.set(normalizeLabel(node.identifier), node);
    if (node.type === 'footnoteDefinition') state.footnotes.set(footnoteKey(node.identifier), node);
  });
  const html = renderChildren(tree, state) + renderFootnotes(state);
  return { html, headings: state.headings };
}

function normalizeLabel(label: string | undefined): string {
  return footnoteKey(label);
}

function renderChildren(node: BodyNode, state: RenderState): string {
  return (node.children ?? []).map((child) => renderNode(child, state)).join('');
}

function renderNode(node: BodyNode, state: RenderState): string {
  const inner = () => renderChildren(node, state);
  switch (node.type) {
    case 'paragraph': return `<p>${inner()}</p>\n`;
    case 'heading': {
      // The body sits under the page's own "Account" heading (h2), so its ## sections render as h3.
      const depth = Math.min((node.depth ?? 2) + 1, 6);
      const text = textOf(node);
      const slug = state.headingId(text);
      state.headings.push({ depth, slug, text });
      return `<h${depth} id="${escapeHtml(slug)}">${inner()}</h${depth}>\n`;
    }
    case 'text': return escapeHtml(node.value ?? '');
    case 'emphasis': return `<em>${inner()}</em>`;
    case 'strong': return `<strong>${inner()}</strong>`;
    case 'delete': return `<del>${inner()}</del>`;
    case 'inlineCode': return `<code>${escapeHtml(node.value ?? '')}</code>`;
    case 'code': {
      const lang = node.lang ? ` class="language-${escapeHtml(node.lang)}"` : '';
      // Scrollable regions must be reachable by keyboard.
      return `<pre tabindex="0"><code${lang}>${escapeHtml(node.value ?? '')}\n</code></pre>\n`;
    }
    case 'break': return '<br>\n';
    case 'thematicBreak': return '<hr>\n';
    case 'blockquote': return `<blockquote>\n${inner()}</blockquote>\n`;
    case 'list': return renderList(node, state);
    case 'listItem': return renderListItem(node, state);
    case 'link': return renderLink(node.url ?? '', node.title ?? null, inner());
    case 'linkReference': {
      const definition = state.definitions.get(normalizeLabel(node.identifier));
      return definition ? renderLink(definition.url ?? '', definition.title ?? null, inner()) : escapeHtml(`[${textOf(node)}]`);
    }
    case 'definition': return '';
    case 'table': return renderTable(node, state);
    case 'footnoteReference': return renderFootnoteReference(node, state);
    case 'footnoteDefinition': return '';
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': return renderComponent(node, state);
    default: throw new Error(`renderBody reached an unchecked node type: ${node.type}`);
  }
}

function renderLink(url: string, title: string | null, content: string): string {
  const external = /^https?:/i.test(url) ? ' rel="external"' : '';
  const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
  return `<a href="${escapeHtml(url)}"${titleAttribute}${external}>${content}</a>`;
}

function renderList(node: BodyNode, state: RenderState): string {
  const tag = node.ordered ? 'ol' : 'ul';
  const start = node.ordered && node.start !== null && node.start !== undefined && node.start !== 1 ? ` start="${node.start}"` : '';
  return `<${tag}${start}>\n${renderChildren(node, state)}</${tag}>\n`;
}

function renderListItem(node: BodyNode, state: RenderState): string {
  // Tight list items hold a single paragraph: render its content without <p>, as CommonMark does.
  const children = node.children ?? [];
  const tight = children.length === 1 && children[0]?.type === 'paragraph';
  const content = tight ? renderChildren(children[0]!, state) : renderChildren(node, state);
  const box = typeof node.checked === 'boolean' ? `<input type="checkbox" disabled${node.checked ? ' checked' : ''} aria-label="${node.checked ? 'done' : 'not done'}"> ` : '';
  return `<li>${box}${content}</li>\n`;
}

function renderTable(node: BodyNode, state: RenderState): string {
  const [head, ...rows] = node.children ?? [];
  const cells = (row: BodyNode, tag: 'th' | 'td') =>
    (row.children ?? [])
      .map((cell, i) => {
        const align = node.align?.[i];
        return `<${tag}${align ? ` class="align-${align}"` : ''}>${renderChildren(cell, state)}</${tag}>`;
      })
      .join('');
  const body = rows.map((row) => `<tr>${cells(row, 'td')}</tr>\n`).join('');
  return `<div class="table-scroll"><table>\n<thead><tr>${head ? cells(head, 'th') : ''}</tr></thead>\n<tbody>${body}</tbody>\n</table></div>\n`;
}

/**
 * Footnotes are numbered in the order the text first marks them; ids are those numbers, so any
 * label (`[^café]`) makes ids and links that match. Every mark has an id of its own
 * (`fnref-2`, then `fnref-2-2`); the note links back to the first.
 */
function renderFootnoteReference(node: BodyNode, state: RenderState): string {
  const key = footnoteKey(node.identifier);
  if (!state.footnotes.has(key)) return escapeHtml(`[^${node.label ?? key}]`);
  let number = state.footnoteOrder.indexOf(key) + 1;
  if (number === 0) number = state.footnoteOrder.push(key);
  const marks = (state.footnoteMarks.get(key) ?? 0) + 1;
  state.footnoteMarks.set(key, marks);
  const id = marks === 1 ? `fnref-${number}` : `fnref-${number}-${marks}`;
  return `<sup><a href="#fn-${number}" id="${id}" class="footnote-ref">${number}</a></sup>`;
}

function renderFootnotes(state: RenderState): string {
  if (!state.footnoteOrder.length) return '';
  // A note may mark another note, which then joins the end of the list: render until none is left.
  const items: string[] = [];
  for (let index = 0; index < state.footnoteOrder.length; index++) {
    const number = index + 1;
    const content = renderChildren(state.footnotes.get(state.footnoteOrder[index]!)!, state);
    items.push(`<li id="fn-${number}">${content}<a href="#fnref-${number}" aria-label="Back to the text">↩</a></li>\n`);
  }
  const html = items.join('');
  return `<section class="footnotes" aria-label="Footnotes"><ol>\n${html}</ol></section>\n`;
}

function attribute(node: BodyNode, name: string): string | undefined {
  const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

function renderComponent(node: BodyNode, state: RenderState): string {
  if (node.name === 'Cite') {
    const links = citedIds(attribute(node, 'ids') ?? '').map((id) => {
      const number = state.sourceNumbers.get(id);
      return `<a href="#source-${escapeHtml(id)}" aria-label="Source ${number}">${number}</a>`;
    });
    return `<sup class="cite" id="${bodyCiteAnchor(state.cites++)}" data-pagefind-ignore>[${links.join(', ')}]</sup>`;
  }
  if (node.name === 'Aside') {
    const kind = attribute(node, 'kind') ?? 'note';
    const label = kind[0]!.toUpperCase() + kind.slice(1);
    const title = attribute(node, 'title');
    const name = escapeHtml(title ? `${label}: ${title}` : label);
    const content = renderChildren(node, state);
    return `<aside class="aside aside-${escapeHtml(kind)}" aria-label="${name}"><p class="aside-title">${name}</p>${content}</aside>\n`;
  }
  throw new Error(`renderBody reached an unchecked component: ${node.name}`);
}
