import type { z } from 'zod';
import { fieldPath, type Problem } from '../core/diagnostic.ts';
import { locate, type PositionIndex } from './strict-yaml.ts';

/**
 * Turns zod issues into problems located at the offending key (an unknown key at itself, a
 * missing one at its parent). Given the `input` that was parsed, any issue about a field the
 * input lacks says "is required", whatever the field's type (an enum says "Invalid option").
 */
export function zodProblems(error: z.ZodError, positions: PositionIndex, fallback = { line: 1, column: 1 }, input?: unknown): Problem[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        return { ...locate(positions, path, fallback), field: fieldPath(path), message: `unknown field "${key}"` };
      });
    }
    const missing = (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) || (input !== undefined && issue.code !== 'custom' && isMissing(input, issue.path));
    const message = missing ? 'is required' : issue.message;
    return [{ ...locate(positions, issue.path, fallback), field: fieldPath(issue.path), message }];
  });
}

/** True when the parent of `path` exists in the input and the field itself does not. */
function isMissing(input: unknown, path: readonly PropertyKey[]): boolean {
  if (!path.length) return false;
  let node: unknown = input;
  for (const key of path.slice(0, -1)) {
    if (!node || typeof node !== 'object') return false;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return Boolean(node) && typeof node === 'object' && !Object.hasOwn(node as object, path.at(-1)!);
}
