// The record files the source scripts read: those named on the command line, or every record.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { splitFrontmatter } from '../../src/validate/split-frontmatter.ts';

export interface RecordText {
  /** Path relative to the project root. */
  file: string;
  text: string;
  /** The frontmatter, and where it starts in `text`; undefined when the file has none. */
  yaml?: { text: string; offset: number };
}

export function recordFiles(root: string, named: readonly string[]): string[] {
  if (named.length) return named.map((file) => relative(root, resolve(file)).split('\\').join('/'));
  const dir = join(root, 'content', 'incidents');
  return readdirSync(dir).filter((name) => name.endsWith('.mdx')).sort().map((name) => `content/incidents/${name}`);
}

export function readRecord(root: string, file: string): RecordText {
  const text = readFileSync(join(root, file), 'utf8');
  const split = splitFrontmatter(text);
  if (!('yaml' in split)) return { file, text };
  return { file, text, yaml: { text: split.yaml, offset: text.indexOf('\n') + 1 } };
}

/** `--name value` options and the remaining arguments. */
export function parseArgs(argv: readonly string[], flags: readonly string[], valued: readonly string[]) {
  const options: Record<string, string | true> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.replace(/^--/, '');
    if (arg.startsWith('--') && flags.includes(name)) options[name] = true;
    else if (arg.startsWith('--') && valued.includes(name) && argv[i + 1] !== undefined) options[name] = argv[++i]!;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg} (known: ${[...flags, ...valued].map((f) => `--${f}`).join(', ')})`);
    else rest.push(arg);
  }
  return { options, rest };
}

/** A whole, non-negative number of milliseconds from an option, or the default. */
export function milliseconds(value: string | true | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number of milliseconds, not ${String(value)}`);
  return n;
}
