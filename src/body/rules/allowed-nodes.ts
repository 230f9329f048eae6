import type { BodyRule } from './types.ts';

/** The Markdown the renderer knows. Anything else (raw HTML, a second frontmatter) is refused. */
export const ALLOWED_NODE_TYPES = new Set([
  'root', 'paragraph', 'heading', 'text', 'emphasis', 'strong', 'delete', 'inlineCode', 'code', 'break',
  'thematicBreak', 'blockquote', 'list', 'listItem', 'link', 'linkReference', 'definition',
  'table', 'tableRow', 'tableCell', 'footnoteReference', 'footnoteDefinition',
  'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'image', 'imageReference',
]);

/** Refuses node types outside the allowlist; the MDX-specific types have their own, clearer rules. */
export const allowedNodes: BodyRule = (node, report) => {
  if (node.type === 'html') return report('raw HTML is not allowed; use Markdown');
  if (!ALLOWED_NODE_TYPES.has(node.type)) report(`${node.type} is not allowed in a record body`);
};
