/** One problem found in a content file, located as precisely as the parser allows. */
export interface Diagnostic {
  /** Path of the file, relative to the project root. */
  file: string;
  /** 1-based line and column of the offending key or node. */
  line: number;
  column: number;
  /** Dotted path of the field (`timeline.2.at`), or `body` for the MDX body, or `file`. */
  field: string;
  message: string;
}

/** A located problem before the file name is known. */
export type Problem = Omit<Diagnostic, 'file'>;

/** Joins a field path the way messages print it: `claims.0.disputed_by.1.sources`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : '(frontmatter)';
}
