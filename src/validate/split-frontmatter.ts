import type { Problem } from '../core/diagnostic.ts';

export interface SplitFile {
  /** The YAML between the fences. */
  yaml: string;
  /** Line number of the YAML's first line in the file. */
  yamlFirstLine: number;
  /** Line number of the `---` that closes the frontmatter. */
  closingLine: number;
  /** The body with the frontmatter lines blanked, so parser positions are file positions. */
  body: string;
}

const OPENING = /^---[ \t]*\r?\n/;

/**
 * Separates YAML frontmatter from the MDX body. Only a plain `---` fence opens it:
 * `---js` (executable frontmatter in some engines) and TOML `+++` are refused.
 */
export function splitFrontmatter(text: string): SplitFile | Problem {
  if (text.startsWith('+++')) return problemAtTop('TOML frontmatter (+++) is not supported; use YAML between --- lines');
  if (/^---[ \t]*\S/.test(text)) return problemAtTop('frontmatter must open with a bare --- line (language tags such as ---js are refused)');
  if (!OPENING.test(text)) return problemAtTop('file must start with YAML frontmatter between --- lines');
  const lines = text.split('\n');
  const close = lines.findIndex((line, i) => i > 0 && /^---[ \t]*\r?$/.test(line));
  if (close === -1) return problemAtTop('frontmatter is not closed: add a --- line after it');
  return {
    yaml: lines.slice(1, close).join('\n'),
    yamlFirstLine: 2,
    closingLine: close + 1,
    body: '\n'.repeat(close + 1) + lines.slice(close + 1).join('\n'),
  };
}

function problemAtTop(message: string): Problem {
  return { line: 1, column: 1, field: 'file', message };
}
