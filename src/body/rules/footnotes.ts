import { walk, where, type BodyNode } from '../mdast.ts';
import type { Problem } from '../../core/diagnostic.ts';

/** Footnote labels compare as the renderer matches them: case and runs of spaces do not matter. */
export function footnoteKey(label: string | undefined): string {
  return (label ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Footnotes over the whole body: each mark has a note, each note is defined once, and each
 * note is reached from the text, directly or through another note. A note nobody reaches is
 * not rendered, so what it says (and any <Cite> in it) would vanish from the page.
 */
export function checkFootnotes(tree: BodyNode): Problem[] {
  const problems: Problem[] = [];
  const definitions = new Map<string, BodyNode>();
  const referencesIn = new Map<string, Set<string>>();
  const fromText = new Set<string>();
  walk(tree, (node, ancestors) => {
    const key = footnoteKey(node.identifier);
    if (node.type === 'footnoteDefinition') {
      if (definitions.has(key)) problems.push({ ...where(node), field: 'body', message: `the footnote [^${node.label ?? key}] is defined twice; keep one` });
      else definitions.set(key, node);
    }
    if (node.type !== 'footnoteReference') return;
    const owner = ancestors.find((ancestor) => ancestor.type === 'footnoteDefinition');
    if (owner) {
      const from = footnoteKey(owner.identifier);
      referencesIn.set(from, (referencesIn.get(from) ?? new Set()).add(key));
    } else {
      fromText.add(key);
    }
  });
  walk(tree, (node) => {
    if (node.type === 'footnoteReference' && !definitions.has(footnoteKey(node.identifier))) {
      problems.push({ ...where(node), field: 'body', message: `the footnote mark [^${node.label ?? node.identifier}] has no note; add a line "[^${node.label ?? node.identifier}]: …"` });
    }
  });
  const reached = new Set<string>();
  const queue = [...fromText];
  while (queue.length) {
    const key = queue.pop()!;
    if (reached.has(key) || !definitions.has(key)) continue;
    reached.add(key);
    queue.push(...(referencesIn.get(key) ?? []));
  }
  for (const [key, node] of definitions) {
    if (!reached.has(key)) problems.push({ ...where(node), field: 'body', message: `the footnote [^${node.label ?? key}] is never referenced from the text, so it would not be shown; mark it with [^${node.label ?? key}] or remove it` });
  }
  return problems;
}
