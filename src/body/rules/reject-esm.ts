import type { BodyRule } from './types.ts';

/** `import`/`export` would run code when the file is compiled; bodies are prose. */
export const rejectEsm: BodyRule = (node, report) => {
  if (node.type === 'mdxjsEsm') report('import/export statements are not allowed in a record body');
};
