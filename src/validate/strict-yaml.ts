import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import type { Problem } from './diagnostic.ts';

/** Where each field stands in the source: `"timeline.2.at"` → line and column of its key. */
export type PositionIndex = Map<string, { line: number; column: number }>;

export interface StrictYamlResult {
  data: unknown;
  positions: PositionIndex;
  problems: Problem[];
}

/**
 * Reads YAML the strict way: YAML 1.2 core schema (dates stay text), unique keys, and
 * no anchors, aliases or explicit tags — features a record never needs, and the ones that
 * enable alias bombs and type confusion. `firstLine` shifts lines when the YAML sits
 * inside a larger file.
 */
export function parseStrictYaml(source: string, firstLine = 1): StrictYamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, schema: 'core', strict: true, prettyErrors: false, merge: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  // Unresolved tags are reported below, with their field, like every other tag.
  const problems: Problem[] = [...doc.errors, ...doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED')].map((error) => ({
    ...at(error.pos[0]),
    field: error.code === 'DUPLICATE_KEY' ? keyAt(source, error.pos[0]) : '(frontmatter)',
    message: `YAML: ${error.message.split('\n')[0]}`,
  }));
  const positions: PositionIndex = new Map();
  visit(doc, (_key, node, ancestors) => {
    if (isAlias(node)) {
      problems.push({ ...at(node.range?.[0] ?? 0), field: pathOf(ancestors, node).join('.'), message: 'YAML aliases (*name) are not allowed; write the value out' });
    } else if ((isScalar(node) || isMap(node) || isSeq(node)) && (node.anchor || node.tag)) {
      const what = node.anchor ? `anchors (&${node.anchor})` : `explicit tags (${node.tag})`;
      problems.push({ ...at(propsStart(source, node.range?.[0] ?? 0)), field: pathOf(ancestors, node).join('.'), message: `YAML ${what} are not allowed` });
    }
    if (isPair(node) && isScalar(node.key)) {
      positions.set(pathOf(ancestors, node).join('.'), at(node.key.range?.[0] ?? 0));
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const range = (item as Node | null)?.range;
        if (range) positions.set([...pathOf(ancestors, node), index].join('.'), at(range[0]));
      });
    }
  });
  if (problems.length) return { data: undefined, positions, problems };
  return { data: doc.toJS({ maxAliasCount: 0 }), positions, problems };
}

/** The key written at an offset, to name the field of a duplicate-key error. */
function keyAt(source: string, offset: number): string {
  return /^[^:\s]+/.exec(source.slice(offset))?.[0] ?? '(frontmatter)';
}

/**
 * Where a node's properties (`&anchor`, `!tag`) begin: the parser's range starts at the
 * value itself, but the offending text is the property written before it.
 */
function propsStart(source: string, valueStart: number): number {
  let start = valueStart;
  while (start > 0 && !':-[{,\n'.includes(source[start - 1]!)) start--;
  while (/\s/.test(source[start] ?? '')) start++;
  return start;
}

/** The field path of a node from its ancestors: map keys and sequence indexes. */
function pathOf(ancestors: readonly unknown[], node: unknown): (string | number)[] {
  const chain = [...ancestors, node];
  const path: (string | number)[] = [];
  chain.forEach((current, i) => {
    const child = chain[i + 1];
    if (isSeq(current) && child !== undefined) path.push(current.items.indexOf(child as never));
    if (isPair(current) && isScalar(current.key) && (child === undefined || child === current.value)) {
      path.push(String(current.key.value));
    }
  });
  return path;
}

/** The position of the deepest field on `path` that exists in the source (a missing key points at its parent). */
export function locate(positions: PositionIndex, path: readonly PropertyKey[], fallback = { line: 1, column: 1 }) {
  for (let end = path.length; end > 0; end--) {
    const found = positions.get(path.slice(0, end).map(String).join('.'));
    if (found) return found;
  }
  return fallback;
}
