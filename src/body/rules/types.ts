import type { ComponentContext } from '../components.ts';
import type { BodyNode } from '../mdast.ts';

/** What body rules know about the record, and what they learn (the sources the body cites, its links within the site). */
export interface BodyContext extends ComponentContext {
  cited: Set<string>;
  /** Links to site paths and #anchors, resolved once the whole site's ids are known. */
  internalLinks: InternalLink[];
}

/** A link from the body to a page of the site or an anchor, with where it is written. */
export interface InternalLink {
  url: string;
  line: number;
  column: number;
}

/** Checks one node of the body, given its ancestors (root first); reports problems against that node. */
export type BodyRule = (node: BodyNode, report: (message: string) => void, context: BodyContext, ancestors: readonly BodyNode[]) => void;
