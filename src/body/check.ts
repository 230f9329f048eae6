import { parseBody, walk, where, type BodyNode } from './mdast.ts';
import { allowedComponents } from './rules/allowed-components.ts';
import { allowedNodes } from './rules/allowed-nodes.ts';
import { headingLevels } from './rules/heading-levels.ts';
import { rejectEsm } from './rules/reject-esm.ts';
import { rejectExpressions } from './rules/reject-expressions.ts';
import { safeUrls } from './rules/safe-urls.ts';
import type { BodyRule } from './rules/types.ts';
import type { Problem } from '../core/diagnostic.ts';

export const BODY_RULES: BodyRule[] = [allowedNodes, rejectEsm, rejectExpressions, allowedComponents, safeUrls, headingLevels];

export interface CheckedBody {
  /** The parsed tree, present when the body parsed; render it only when there are no problems. */
  tree?: BodyNode;
  problems: Problem[];
  /** Source ids the body cites with <Cite>. */
  cited: Set<string>;
}

/**
 * Parses a body and runs every body rule over its tree. Never compiles or runs it. A sound body
 * is parsed once, without positions; only a body with problems is parsed again to locate them.
 */
export function checkBody(body: string, sourceIds: ReadonlySet<string>): CheckedBody {
  const parsed = parseBody(body, { positions: false });
  if (!('type' in parsed)) return { problems: [parsed], cited: new Set() };
  const first = runRules(parsed, sourceIds);
  if (!first.problems.length) return { tree: parsed, ...first };
  const located = parseBody(body) as BodyNode;
  return { tree: located, ...runRules(located, sourceIds) };
}

function runRules(tree: BodyNode, sourceIds: ReadonlySet<string>): { problems: Problem[]; cited: Set<string> } {
  const cited = new Set<string>();
  const problems: Problem[] = [];
  const context = { sourceIds, cited };
  walk(tree, (node) => {
    for (const rule of BODY_RULES) {
      rule(node, (message) => problems.push({ ...where(node), field: 'body', message }), context);
    }
  });
  return { problems, cited };
}
