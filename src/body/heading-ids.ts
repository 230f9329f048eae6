import GithubSlugger from 'github-slugger';
import { textOf, walk, type BodyNode } from './mdast.ts';

/**
 * Body headings get ids of their own kind, `account-<slug>`: the record page's own ids
 * (`sources`, `timeline`, `main`…) stay the page's, whatever a section of the account is called.
 */
export const BODY_HEADING_PREFIX = 'account-';

/** Gives each heading text its id, in document order, numbering repeats as GitHub does (`account-lessons-1`). */
export function headingIdMaker(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => BODY_HEADING_PREFIX + slugger.slug(text);
}

/** The ids the body's headings will have on the page. */
export function headingIdsOf(tree: BodyNode): string[] {
  const idOf = headingIdMaker();
  const ids: string[] = [];
  walk(tree, (node) => {
    if (node.type === 'heading') ids.push(idOf(textOf(node)));
  });
  return ids;
}
