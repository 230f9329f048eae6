import GithubSlugger from 'github-slugger';
import { escapeHtml } from '../core/html.ts';
import { bodyCiteAnchor, bodyCitations, sourceCitations, type CitingRecord } from './citations.ts';
import { citedIds } from './components.ts';
import { walk, type BodyNode } from './mdast.ts';

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
  footnoteOrder: string[];
  slugger: GithubSlugger;
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
  const state: RenderState = { sourceNumbers, definitions: new Map(), footnotes: new Map(), footnoteOrder: [], slugger: new GithubSlugger(), headings: [], cites: 0 };
  walk(tree, (node) => {
    if (node.type === 'definition') state.definitions.set(normalizeLabel(node.identifier), node);
    if (node.type === 'footnoteDefinition') state.footnotes.set(normalizeLabel(node.identifier), node);
  });
  const html = renderChildren(tree, state) + renderFootnotes(state);
  return { html, headings: state.headings };
}

function normalizeLabel(label: string | undefined): string {
  return (label ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function renderChildren(node: BodyNode, state: RenderState): string {
  return (node.children ?? []).map((child) => renderNode(child, state)).join('');
}

/** Plain text of a subtree, for heading slugs and titles. */
export function textOf(node: BodyNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function renderNode(node: BodyNode, state: RenderState): string {
  const inner = () => renderChildren(node, state);
  switch (node.type) {
    case 'paragraph': return `<p>${inner()}</p>\n`;
    case 'heading': {
      // The body sits under the page's own "Account" heading (h2), so its ## sections render as h3.
      const depth = Math.min((node.depth ?? 2) + 1, 6);
      const text = textOf(node);
      const slug = state.slugger.slug(text);
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

function renderFootnoteReference(node: BodyNode, state: RenderState): string {
  const id = normalizeLabel(node.identifier);
  if (!state.footnotes.has(id)) return escapeHtml(`[^${node.label ?? id}]`);
  let number = state.footnoteOrder.indexOf(id) + 1;
  if (number === 0) number = state.footnoteOrder.push(id);
  const slug = encodeURIComponent(id);
  return `<sup><a href="#fn-${slug}" id="fnref-${slug}" class="footnote-ref">${number}</a></sup>`;
}

function renderFootnotes(state: RenderState): string {
  if (!state.footnoteOrder.length) return '';
  const items = state.footnoteOrder
    .map((id) => {
      const slug = encodeURIComponent(id);
      const content = renderChildren(state.footnotes.get(id)!, state);
      return `<li id="fn-${slug}">${content}<a href="#fnref-${slug}" aria-label="Back to the text">↩</a></li>\n`;
    })
    .join('');
  return `<section class="footnotes" aria-label="Footnotes"><ol>\n${items}</ol></section>\n`;
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
