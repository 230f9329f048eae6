import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RedirectsSchema, type Redirect } from '../schema/redirect.ts';
import type { Problem } from '../core/diagnostic.ts';
import { locate, parseStrictYaml, type PositionIndex } from './strict-yaml.ts';
import { isLink, isPlainFile } from './content-entries.ts';
import { zodProblems } from './zod-problems.ts';

export const REDIRECTS_FILE = 'content/redirects.yaml';

/** Reads `content/redirects.yaml` strictly; a missing file means no renames yet. */
export function readRedirects(root: string): { redirects: Redirect[]; problems: Problem[] } {
  const file = join(root, REDIRECTS_FILE);
  if (!existsSync(file) && !isLink(file)) return { redirects: [], problems: [] };
  // Reported with every other link under content/ (irregularContentEntries); never followed.
  if (!isPlainFile(file)) return { redirects: [], problems: [] };
  const yaml = parseStrictYaml(readFileSync(file, 'utf8'));
  if (yaml.problems.length) return { redirects: [], problems: yaml.problems };
  const parsed = RedirectsSchema.safeParse(yaml.data ?? []);
  if (!parsed.success) return { redirects: [], problems: zodProblems(parsed.error, yaml.positions) };
  return { redirects: parsed.data, problems: checkRedirects(parsed.data, new Set(), yaml.positions) };
}

/**
 * Renames must be unambiguous: an old id is not a live record (it would shadow it), points at a
 * record that exists, and is listed once. Chains are refused: point every old id at the current one.
 */
export function checkRedirects(redirects: Redirect[], records: ReadonlySet<string>, positions: PositionIndex = new Map()): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const olds = new Set(redirects.map((r) => r.from));
  redirects.forEach((redirect, index) => {
    const at = (field: 'from' | 'to', message: string) => problems.push({ ...locate(positions, [index, field]), field: `${index}.${field}`, message });
    if (seen.has(redirect.from)) at('from', `"${redirect.from}" is redirected twice`);
    seen.add(redirect.from);
    if (records.size && records.has(redirect.from)) at('from', `"${redirect.from}" is a live record; a redirect would hide it`);
    if (olds.has(redirect.to)) at('to', `"${redirect.to}" is itself redirected; point at the current id instead`);
    else if (records.size && !records.has(redirect.to)) at('to', `"${redirect.to}" is not a record`);
  });
  return problems;
}

/** Astro's `redirects` option for the renames: old record URL → new record URL. */
export function redirectRoutes(redirects: Redirect[]): Record<string, string> {
  return Object.fromEntries(redirects.map((r) => [`/incidents/${r.from}/`, `/incidents/${r.to}/`]));
}
