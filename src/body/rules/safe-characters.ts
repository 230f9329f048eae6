import { describeCharacter, unsafeCharacterMessage } from '../../core/characters.ts';
import type { BodyRule } from './types.ts';

/**
 * Control and bidi characters in what the parser decoded: `&#x202E;` or `&#27;` in text, link
 * destinations, titles and attributes pass the check of the file's bytes but would reach the
 * page, the feed and the exports.
 */
export const safeCharacters: BodyRule = (node, report) => {
  const space = /\s/.exec(node.url ?? '');
  if (space) return report(`the link's address contains ${describeCharacter(space[0])}; an address has no spaces or line breaks (write them as %20, or leave them out)`);
  const values = [node.value, node.url, node.title, node.lang, node.label];
  for (const attribute of node.attributes ?? []) if (typeof attribute.value === 'string') values.push(attribute.value);
  for (const value of values) {
    const message = typeof value === 'string' ? unsafeCharacterMessage(value) : undefined;
    if (message) return report(message);
  }
};
