import type { BodyRule } from './types.ts';

const LINKS = new Set(['link', 'linkReference']);

/** `<Cite>` and footnote marks render as links; inside a link's text they would make a link inside a link. */
export const noNestedLinks: BodyRule = (node, report, _context, ancestors) => {
  const isCite = node.type === 'mdxJsxTextElement' && node.name === 'Cite';
  if (!isCite && node.type !== 'footnoteReference') return;
  if (!ancestors.some((ancestor) => LINKS.has(ancestor.type))) return;
  const what = isCite ? '<Cite>' : 'a footnote mark [^…]';
  report(`${what} inside a link's text would be a link inside a link; put it after the link: [text](https://…) ${isCite ? '<Cite ids="…" />' : '[^note]'}`);
};
