import type { z } from 'zod';
import { fieldPath, type Problem } from '../core/diagnostic.ts';
import { locate, type PositionIndex } from './strict-yaml.ts';

/** Turns zod issues into problems located at the offending key (an unknown key at itself, a missing one at its parent). */
export function zodProblems(error: z.ZodError, positions: PositionIndex, fallback = { line: 1, column: 1 }): Problem[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        return { ...locate(positions, path, fallback), field: fieldPath(path), message: `unknown field "${key}"` };
      });
    }
    const message = issue.code === 'invalid_type' && /received undefined$/.test(issue.message) ? 'is required' : issue.message;
    return [{ ...locate(positions, issue.path, fallback), field: fieldPath(issue.path), message }];
  });
}
