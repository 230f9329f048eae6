import type { BodyRule } from './types.ts';

/**
 * `import`/`export` would run code when the file is compiled; bodies are prose. MDX reads any
 * paragraph whose first word is `import` or `export` as code, so the message says how to keep
 * such a sentence.
 */
export const rejectEsm: BodyRule = (node, report) => {
  if (node.type !== 'mdxjsEsm') return;
  const word = /^\s*(import|export)/.exec(node.value ?? '')?.[1] ?? 'import';
  report(`import/export statements are not allowed in a record body; if this is a sentence, MDX reads a paragraph that starts with "${word}" as code: start it with another word, or write its first letter as &#${word.charCodeAt(0)}; ("&#${word.charCodeAt(0)};${word.slice(1)} …")`);
};
