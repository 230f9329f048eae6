import { BODY_COMPONENTS, citedIds } from '../components.ts';
import type { BodyRule } from './types.ts';

const JSX = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);

/**
 * Only the project's own components, with only their own attributes, written as plain
 * strings. Lower-case tags are raw HTML, which a body may not contain.
 */
export const allowedComponents: BodyRule = (node, report, context) => {
  if (!JSX.has(node.type)) return;
  const name = node.name ?? '';
  if (!name) return report('fragments (<>…</>) are not allowed');
  const spec = BODY_COMPONENTS[name];
  if (!spec) {
    const isHtml = /^[a-z]/.test(name);
    const allowed = Object.keys(BODY_COMPONENTS).join(', ');
    return report(isHtml ? `raw HTML <${name}> is not allowed; use Markdown (allowed components: ${allowed})` : `component <${name}> is not allowed (allowed: ${allowed})`);
  }
  const seen = new Set<string>();
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
      report(`<${name}> does not accept spread attributes ({...})`);
      continue;
    }
    const attributeSpec = spec.attributes[attribute.name];
    if (!attributeSpec) {
      report(`<${name}> has no attribute "${attribute.name}" (allowed: ${Object.keys(spec.attributes).join(', ')})`);
      continue;
    }
    seen.add(attribute.name);
    if (typeof attribute.value !== 'string') {
      report(`<${name} ${attribute.name}> must be a quoted string, not an expression or a bare flag`);
      continue;
    }
    const problem = attributeSpec.check(attribute.value, context);
    if (problem) report(`<${name} ${attribute.name}> ${problem}`);
    if (name === 'Cite' && attribute.name === 'ids') citedIds(attribute.value).forEach((id) => context.cited.add(id));
  }
  for (const [attributeName, attributeSpec] of Object.entries(spec.attributes)) {
    if (attributeSpec.required && !seen.has(attributeName)) report(`<${name}> needs the attribute ${attributeName}`);
  }
  if (!spec.hasChildren && node.children?.length) report(`<${name}> takes no content; write it as <${name} … />`);
  if (spec.hasChildren && node.type === 'mdxJsxTextElement') report(`<${name}> must stand on its own lines, with a blank line before and after`);
};
