import type { BodyRule } from './types.ts';

/** The page's title is its only level-1 heading; body sections start at `##`. */
export const headingLevels: BodyRule = (node, report) => {
  if (node.type === 'heading' && node.depth === 1) report('level-1 headings (#) are reserved for the title; start sections at ##');
};
