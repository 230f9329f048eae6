import type { z } from 'zod';
import { fieldPath, type Problem } from '../core/diagnostic.ts';
import { closest } from '../core/suggest.ts';
import { locate, type PositionIndex } from './strict-yaml.ts';

/**
 * Turns zod issues into problems located at the offending key: an unknown key at itself, a missing
 * one at its parent, and a missing one whose name is close to an unknown key beside it (a misspelt
 * required field) once, at the misspelt key: "missing field `impact.severity` (did you mean it for
 * `severty`?)". Given the `input` that was parsed, any issue about a field the input lacks says
 * "is required", whatever the field's type (an enum alone would say "Invalid option").
 */
export function zodProblems(error: z.ZodError, positions: PositionIndex, fallback = { line: 1, column: 1 }, input?: unknown): Problem[] {
  const key = (path: readonly PropertyKey[]) => path.map(String).join('.');
  const unknownKeys = new Map<string, string[]>();
  for (const issue of error.issues) if (issue.code === 'unrecognized_keys') unknownKeys.set(key(issue.path), issue.keys);
  const misspelt = new Set<string>();
  const problems = error.issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys') return [];
    // A rule of the record's own (code "custom") may point at a field it wants but that is optional.
    const missing = issue.code !== 'custom' && issue.path.length > 0 &&
      (input === undefined ? positions.get(key(issue.path)) === undefined : isMissing(input, issue.path));
    if (!missing) return [{ ...locate(positions, issue.path, fallback), field: fieldPath(issue.path), message: issue.message }];
    const parent = issue.path.slice(0, -1);
    const typo = closest(String(issue.path.at(-1)), (unknownKeys.get(key(parent)) ?? []).filter((k) => !misspelt.has(key([...parent, k]))));
    if (!typo) return [{ ...locate(positions, issue.path, fallback), field: fieldPath(issue.path), message: 'is required' }];
    misspelt.add(key([...parent, typo]));
    return [{ ...locate(positions, [...parent, typo], fallback), field: fieldPath(issue.path), message: `missing field \`${fieldPath(issue.path)}\` (did you mean it for \`${typo}\`?)` }];
  });
  const unknown = [...unknownKeys].flatMap(([parentKey, keys]) =>
    keys
      .filter((k) => !misspelt.has(parentKey ? `${parentKey}.${k}` : k))
      .map((k) => {
        const path = [...(parentKey ? parentKey.split('.') : []), k];
        return { ...locate(positions, path, fallback), field: fieldPath(path), message: `unknown field "${k}"` };
      }),
  );
  return [...problems, ...unknown].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** True when the parent of `path` exists in the input and the field itself does not. */
function isMissing(input: unknown, path: readonly PropertyKey[]): boolean {
  let node: unknown = input;
  for (const part of path.slice(0, -1)) {
    if (!node || typeof node !== 'object') return false;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return Boolean(node) && typeof node === 'object' && !Object.hasOwn(node as object, path.at(-1)!);
}
