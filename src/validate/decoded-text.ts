import { unsafeCharacterMessage } from '../core/characters.ts';
import type { Problem } from '../core/diagnostic.ts';
import { locate, type PositionIndex } from './strict-yaml.ts';

/**
 * Control and bidi characters in the YAML's values and keys after decoding: escapes such as
 * `"\u202E"`, `"\0"` or `"\e"` pass the check of the file's bytes but would reach titles, feeds
 * and exports. Each is reported at its field. The data is as deep as the YAML reader allows.
 */
export function unsafeYamlStrings(data: unknown, positions: PositionIndex): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      const message = unsafeCharacterMessage(value);
      if (message) problems.push({ ...locate(positions, path), field: path.join('.') || '(frontmatter)', message });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const message = unsafeCharacterMessage(key);
        if (message) problems.push({ ...locate(positions, [...path, key]), field: [...path, key].join('.'), message: `the key ${message}` });
        visit(item, [...path, key]);
      }
    }
  };
  visit(data, []);
  return problems;
}
