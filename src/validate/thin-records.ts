import type { Diagnostic } from '../core/diagnostic.ts';
import { parseBody, walk, type BodyNode } from '../body/mdast.ts';
import type { IncidentFields } from '../schema/incident-fields.ts';
import { splitFrontmatter } from './split-frontmatter.ts';

/** Kinds of source that come from the people involved or an authority: a record should have one. */
export const PRIMARY_SOURCE_KINDS: readonly string[] = ['postmortem', 'statement', 'regulator', 'first-hand'];

/** Below this many words of its own beyond the summary, an account only repeats it. */
export const MIN_ACCOUNT_WORDS = 120;

const WORD = /[\p{L}\p{N}]+/gu;
const words = (text: string) => text.toLowerCase().match(WORD) ?? [];

/** Words of the account that the summary does not hold, counted only up to `limit`: only a shortfall is reported. */
function ownWords(body: string, summaryWords: ReadonlySet<string>, limit: number): number {
  let own = 0;
  for (const [word] of body.toLowerCase().matchAll(WORD)) if (!summaryWords.has(word) && ++own >= limit) break;
  return own;
}

/** The body's tree, when the caller has none at hand. */
function bodyTree(text: string): BodyNode | undefined {
  const split = splitFrontmatter(text);
  const tree = 'body' in split ? parseBody(split.body, { positions: false }) : undefined;
  return tree && 'type' in tree ? (tree as BodyNode) : undefined;
}

/**
 * Warnings, not errors, for a published record that is thin: an account that repeats the
 * summary, a single source, or no primary source. The record is valid; a reviewer will ask.
 * The reader passes the tree it checked, so the body is not parsed twice.
 */
export function thinRecordWarnings(file: string, text: string, data: Pick<IncidentFields, 'status' | 'summary' | 'sources'>, tree = bodyTree(text)): Diagnostic[] {
  if (data.status !== 'published') return [];
  const lineOf = (key: string) => {
    const index = text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
    return { line: index + 1 || 1, column: 1 };
  };
  const warnings: Diagnostic[] = [];
  const texts: string[] = [];
  if (tree) walk(tree, (node) => { if (node.type === 'text' || node.type === 'inlineCode') texts.push(node.value ?? ''); });
  const body = texts.join(' ');
  const summaryWords = new Set(words(data.summary));
  const own = ownWords(body, summaryWords, MIN_ACCOUNT_WORDS);
  if (own < MIN_ACCOUNT_WORDS) {
    warnings.push({ file, ...lineOf('summary'), field: 'body', message: `warning: the account adds only ${own} words to the summary (aim for at least ${MIN_ACCOUNT_WORDS}): say what happened, why, and what changed` });
  }
  if (data.sources.length === 1) warnings.push({ file, ...lineOf('sources'), field: 'sources', message: 'warning: a single source; add another, independent one' });
  if (!data.sources.some((source) => PRIMARY_SOURCE_KINDS.includes(source.kind))) {
    warnings.push({ file, ...lineOf('sources'), field: 'sources', message: `warning: no primary source (${PRIMARY_SOURCE_KINDS.join(', ')}); add one if it exists, or say in the account that none was published` });
  }
  return warnings;
}
