import { mdxToMdast } from 'satteri';
import type { Problem } from '../core/diagnostic.ts';

/** A node of the body's syntax tree, as the MDX parser produces it. */
export interface BodyNode {
  type: string;
  position?: { start: { line: number; column: number } };
  children?: BodyNode[];
  value?: string;
  url?: string;
  title?: string | null;
  name?: string | null;
  depth?: number;
  ordered?: boolean | null;
  start?: number | null;
  checked?: boolean | null;
  lang?: string | null;
  align?: (string | null)[] | null;
  identifier?: string;
  label?: string | null;
  referenceType?: string;
  attributes?: BodyAttribute[];
}

/** A JSX attribute: `name="value"`, `{...spread}` or `name={expression}`. */
export interface BodyAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | { type: string; value: string } | null;
}

/** How deeply a body may nest (blockquotes, lists, asides, emphasis, links): far more than prose needs, and safe for every walk. */
export const MAX_BODY_DEPTH = 32;

/**
 * Parses an MDX body into its syntax tree and nothing more: no compilation, no evaluation.
 * Syntax errors come back as a located problem, with how to write the text when MDX forbids
 * it. Without `positions` the tree is about half the size and quicker to build; nodes then
 * carry no line and column.
 */
export function parseBody(body: string, { positions = true }: { positions?: boolean } = {}): BodyNode | Problem {
  const deepLine = deeplyNestedLine(body);
  if (deepLine) return { ...deepLine, field: 'body', message: depthMessage() };
  try {
    return mdxToMdast(body, { features: { frontmatter: false }, position: positions }) as unknown as BodyNode;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const match = /^(\d+):(\d+): (.*)$/s.exec(text);
    const [line, column, message] = match ? [Number(match[1]), Number(match[2]), match[3]!] : [1, 1, text];
    return { line, column, field: 'body', message: explainSyntaxError(message.split('\n')[0]!) };
  }
}

/** The message for a body nested deeper than {@link MAX_BODY_DEPTH}. */
export function depthMessage(): string {
  return `nested more than ${MAX_BODY_DEPTH} levels deep (blockquotes, lists, asides, emphasis); write it flatter`;
}

// Block markers at the start of a line: `>`, list bullets and numbers, each opening one level.
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?)+/gm;

/**
 * The first line that opens more block levels than a body may hold, found by scanning the
 * text: the parser takes seconds over a line of 100,000 `>`, so such a line is refused before it.
 */
function deeplyNestedLine(body: string): { line: number; column: number } | undefined {
  for (const match of body.matchAll(CONTAINER_PREFIX)) {
    const markers = match[0].match(/>|[-+*](?=[ \t])|\d{1,9}[.)]/g)?.length ?? 0;
    if (markers <= MAX_BODY_DEPTH) continue;
    let line = 1;
    for (let i = body.indexOf('\n'); i !== -1 && i < match.index; i = body.indexOf('\n', i + 1)) line++;
    return { line, column: 1 };
  }
  return undefined;
}

/** MDX's own messages, and what to write instead where MDX forbids ordinary text. */
function explainSyntaxError(message: string): string {
  const reason = message.replace(/\s*\((?:mdx|micromark)[^)]*\)$/, '');
  if (/^Unexpected character .* after `<`|expected a valid JSX tag/.test(reason)) {
    return 'MDX reads `<` as the start of a component. For a less-than sign write `\\<` or `&lt;` (`latency \\<5 ms`); for a link write [text](https://…) or the bare URL, not <https://…>; write an email address without angle brackets';
  }
  if (/expression/i.test(reason)) {
    return 'MDX reads `{` as the start of a JavaScript expression, which record bodies may not hold. For a brace write `\\{` and `\\}`, or put the text in `code`';
  }
  return `MDX syntax: ${reason}`;
}

/**
 * Visits every node depth first, parents before children, with the node's ancestors (root
 * first). Iterative, so no depth of tree can overflow the stack.
 */
export function walk(tree: BodyNode, visit: (node: BodyNode, ancestors: readonly BodyNode[]) => void): void {
  const stack: { node: BodyNode; depth: number }[] = [{ node: tree, depth: 0 }];
  const ancestors: BodyNode[] = [];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    ancestors.length = depth;
    visit(node, ancestors);
    ancestors.push(node);
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: depth + 1 });
  }
}

/** The first node (in document order) nested deeper than {@link MAX_BODY_DEPTH}, if any. */
export function tooDeepNode(tree: BodyNode): BodyNode | undefined {
  let found: BodyNode | undefined;
  walk(tree, (node, ancestors) => {
    if (!found && ancestors.length > MAX_BODY_DEPTH) found = node;
  });
  return found;
}

/** Line and column of a node, or of the body's start when the parser gave none. */
export function where(node: BodyNode): { line: number; column: number } {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : { line: 1, column: 1 };
}

/** Plain text of a subtree, for heading ids, titles and word counts. */
export function textOf(node: BodyNode): string {
  let text = '';
  walk(node, (current) => {
    if (current.type === 'text' || current.type === 'inlineCode') text += current.value ?? '';
  });
  return text;
}
