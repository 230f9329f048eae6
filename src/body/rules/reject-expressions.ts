import type { BodyRule } from './types.ts';

/** `{…}` is a JavaScript expression in MDX; bodies are prose, so braces are refused. */
export const rejectExpressions: BodyRule = (node, report) => {
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
    report('{…} expressions are not allowed; to write a brace, write \\{ and \\}, or put the text inside `code`');
  }
};
