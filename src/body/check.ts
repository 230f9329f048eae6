import { headingIdsOf } from './heading-ids.ts';
import { depthMessage, parseBody, tooDeepNode, walk, where, type BodyNode } from './mdast.ts';
import { allowedComponents } from './rules/allowed-components.ts';
import { allowedNodes } from './rules/allowed-nodes.ts';
import { checkFootnotes } from './rules/footnotes.ts';
import { headingLevels } from './rules/heading-levels.ts';
import { noNestedLinks } from './rules/no-nested-links.ts';
import { rejectEsm } from './rules/reject-esm.ts';
import { rejectExpressions } from './rules/reject-expressions.ts';
import { safeCharacters } from './rules/safe-characters.ts';
import { safeUrls } from './rules/safe-urls.ts';
import type { BodyContext, BodyRule, InternalLink } from './rules/types.ts';
import type { Problem } from '../core/diagnostic.ts';

export const BODY_RULES: BodyRule[] = [allowedNodes, rejectEsm, rejectExpressions, allowedComponents, safeUrls, headingLevels, safeCharacters, noNestedLinks];

export interface CheckedBody {
  /** The parsed tree, present when the body parsed; render it only when there are no problems. */
  tree?: BodyNode;
  problems: Problem[];
  /** Source ids the body cites with <Cite>. */
  cited: Set<string>;
  /** Links to site paths and anchors, located, for the checks that know the whole site. */
  internalLinks: InternalLink[];
  /** The ids the body's headings get on the page. */
  headingIds: string[];
  /** Whether the rules read the whole body; when not (it did not parse, or nests too deeply), `cited` is unknown. */
  complete: boolean;
}

/**
 * Parses a body and runs every body rule over its tree. Never compiles or runs it. A sound body
 * is parsed once, without positions; a body with problems, or with links within the site (which
 * later checks may need to locate), is parsed again with them.
 */
export function checkBody(body: string, sourceIds: ReadonlySet<string>): CheckedBody {
  const parsed = parseBody(body, { positions: false });
  if (!('type' in parsed)) return { problems: [parsed], cited: new Set(), internalLinks: [], headingIds: [], complete: false };
  const first = checkTree(parsed, sourceIds);
  if (!first.problems.length && !first.internalLinks.length) return { tree: parsed, ...first };
  const located = parseBody(body) as BodyNode;
  return { tree: located, ...checkTree(located, sourceIds) };
}

function checkTree(tree: BodyNode, sourceIds: ReadonlySet<string>): Omit<CheckedBody, 'tree'> {
  // The renderer recurses; a tree deeper than any prose needs is refused before anything else reads it.
  const deep = tooDeepNode(tree);
  if (deep) return { problems: [{ ...where(deep), field: 'body', message: depthMessage() }], cited: new Set(), internalLinks: [], headingIds: [], complete: false };
  const context: BodyContext = { sourceIds, cited: new Set(), internalLinks: [] };
  const problems: Problem[] = [];
  walk(tree, (node, ancestors) => {
    for (const rule of BODY_RULES) {
      rule(node, (message) => problems.push({ ...where(node), field: 'body', message }), context, ancestors);
    }
  });
  problems.push(...checkFootnotes(tree));
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { problems, cited: context.cited, internalLinks: context.internalLinks, headingIds: headingIdsOf(tree), complete: true };
}
