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

/**
 * Parses an MDX body into its syntax tree and nothing more: no compilation, no evaluation.
 * Syntax errors come back as a located problem. Without `positions` the tree is about half
 * the size and quicker to build; nodes then carry no line and column.
 */
export function parseBody(body: string, { positions = true }: { positions?: boolean } = {}): BodyNode | Problem {
  try {
    return mdxToMdast(body, { features: { frontmatter: false }, position: positions }) as unknown as BodyNode;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const match = /^(\d+):(\d+): (.*)$/s.exec(text);
    const [line, column, message] = match ? [Number(match[1]), Number(match[2]), match[3]!] : [1, 1, text];
    return { line, column, field: 'body', message: `MDX syntax: ${message.split('\n')[0]}` };
  }
}

/** Visits every node, depth first, parents before children. */
export function walk(node: BodyNode, visit: (node: BodyNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** Line and column of a node, or of the body's start when the parser gave none. */
export function where(node: BodyNode): { line: number; column: number } {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : { line: 1, column: 1 };
}
