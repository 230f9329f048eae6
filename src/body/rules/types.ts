import type { ComponentContext } from '../components.ts';
import type { BodyNode } from '../mdast.ts';

/** What body rules know about the record, and what they learn (the sources the body cites). */
export interface BodyContext extends ComponentContext {
  cited: Set<string>;
}

/** Checks one node of the body; reports problems against that node (or a more precise one). */
export type BodyRule = (node: BodyNode, report: (message: string) => void, context: BodyContext) => void;
