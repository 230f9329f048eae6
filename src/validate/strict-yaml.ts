import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { constructFromEvents, CORE_SCHEMA, EVENT_ID, parseEvents, SCALAR_STYLE, type Event as YamlEvent } from 'js-yaml';
import type { Problem } from '../core/diagnostic.ts';

/** Where each field stands in the source: `"timeline.2.at"` → line and column of its key. */
export interface PositionIndex {
  get(path: string): { line: number; column: number } | undefined;
}

export interface StrictYamlResult {
  data: unknown;
  positions: PositionIndex;
  problems: Problem[];
}

const OPTIONS = { uniqueKeys: true, schema: 'core', strict: true, prettyErrors: false, merge: false } as const;

/**
 * Reads YAML the strict way: YAML 1.2 core schema (dates stay text), unique keys, and
 * no anchors, aliases or explicit tags — features a record never needs, and the ones that
 * enable alias bombs and type confusion. `firstLine` shifts lines when the YAML sits
 * inside a larger file.
 */
export function parseStrictYaml(source: string, firstLine = 1): StrictYamlResult {
  const fast = fastParse(source);
  if (fast.ok) return { data: fast.data, positions: lazyPositions(source, firstLine), problems: [] };
  // The strict reader recurses; deeper input than any record needs is refused before it reads it.
  const deep = tooDeep(source, firstLine);
  if (deep) return { data: undefined, positions: new Map<string, { line: number; column: number }>(), problems: [deep] };
  const lineCounter = new LineCounter();
  const at = locator(lineCounter, firstLine);
  try {
    return strictRead(source, lineCounter, at, firstLine);
  } catch (error) {
    // Nesting the event reader could not measure (it stops at the first error, a tab say) and the strict reader could not hold.
    if (!(error instanceof RangeError)) throw error;
    return { data: undefined, positions: new Map<string, { line: number; column: number }>(), problems: [{ line: firstLine, column: 1, field: '(frontmatter)', message: DEPTH_MESSAGE }] };
  }
}

function strictRead(source: string, lineCounter: LineCounter, at: (offset: number) => { line: number; column: number }, firstLine: number): StrictYamlResult {
  const doc = parseDocument(source, { lineCounter, ...OPTIONS });
  // Unresolved tags are reported below, with their field, like every other tag.
  const problems: Problem[] = [...doc.errors, ...doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED')].map((error) => ({
    ...at(error.pos[0]),
    field: error.code === 'DUPLICATE_KEY' ? keyAt(source, error.pos[0]) : '(frontmatter)',
    message: /Maximum call stack/.test(error.message) ? DEPTH_MESSAGE : `YAML: ${error.message.split('\n')[0]}`,
  }));
  visit(doc, (_key, node, ancestors) => {
    if (isPair(node) && !(isScalar(node.key) && typeof node.key.value === 'string' && node.key.value !== '')) {
      const offset = (node.key as Node | null)?.range?.[0] ?? (node.value as Node | null)?.range?.[0] ?? 0;
      const parent = ancestors.at(-1);
      problems.push({ ...at(offset), field: pathOf(ancestors.slice(0, -1), parent).join('.') || '(frontmatter)', message: 'YAML: every key must be a field name; this one is empty, null, a list or a mapping' });
    } else if (isScalar(node) && typeof node.value === 'number' && nonCanonicalNumber(String(node.source ?? ''))) {
      problems.push({ ...at(node.range?.[0] ?? 0), field: pathOf(ancestors, node).join('.'), message: `YAML reads ${node.source} as the number ${node.value}; write numbers in plain decimal (${Number.isFinite(node.value) ? node.value : 'as text, in quotes'})` });
    } else if (isAlias(node)) {
      problems.push({ ...at(node.range?.[0] ?? 0), field: pathOf(ancestors, node).join('.'), message: 'YAML aliases (*name) are not allowed; write the value out' });
    } else if ((isScalar(node) || isMap(node) || isSeq(node)) && (node.anchor || node.tag)) {
      const what = node.anchor ? `anchors (&${node.anchor})` : `explicit tags (${node.tag})`;
      problems.push({ ...at(propsStart(source, node.range?.[0] ?? 0)), field: pathOf(ancestors, node).join('.'), message: `YAML ${what} are not allowed` });
    }
  });
  if (problems.length) return { data: undefined, positions: positionsOf(doc, at), problems };
  return { data: doc.toJS({ maxAliasCount: 0 }), positions: lazyPositions(source, firstLine), problems };
}

/**
 * The common case, a sound document, read by js-yaml (about ten times quicker). It is trusted
 * only when its event stream shows nothing the strict rules care about: one document without
 * markers or directives, no anchors, aliases, tags or tabs, no null keys (where the two readers differ).
 * Anything else, and any error, goes to the strict reader, which decides and explains.
 * Both read the YAML 1.2 core schema, so dates stay text. Exported for the tests that hold
 * the two readers to the same result.
 */
export function fastParse(source: string): { ok: true; data: unknown } | { ok: false } {
  // Tabs, and document markers at the start of a line, are where YAML readers differ most: they go to the strict one.
  if (source.includes('\t') || DOCUMENT_MARKER.test(source)) return { ok: false };
  try {
    const events = parseEvents(source, { maxDepth: MAX_YAML_DEPTH });
    // Frontmatter is a mapping; any other document is left to the strict reader to judge.
    if (events[1]?.type !== EVENT_ID.MAPPING || !plainEvents(events, source)) return { ok: false };
    const documents = constructFromEvents(events, { source, schema: CORE_SCHEMA, maxAliases: 0 });
    return documents.length === 1 ? { ok: true, data: documents[0] } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/** How deeply lists and mappings may nest: a record needs six levels (`claims.0.disputed_by.0.sources.0`). */
export const MAX_YAML_DEPTH = 12;

const DEPTH_MESSAGE = `YAML: lists and mappings nest more than ${MAX_YAML_DEPTH} levels deep; no field of a record needs more than six`;

/** A located problem when the YAML nests deeper than {@link MAX_YAML_DEPTH}, found without recursion. */
function tooDeep(source: string, firstLine: number): Problem | undefined {
  try {
    parseEvents(source, { maxDepth: MAX_YAML_DEPTH });
  } catch (error) {
    const { reason, mark } = error as { reason?: string; mark?: { line: number; column: number } };
    if (!reason?.startsWith('nesting exceeded') || !mark) return undefined;
    return { line: mark.line + firstLine, column: mark.column + 1, field: '(frontmatter)', message: DEPTH_MESSAGE };
  }
  return undefined;
}

// The YAML 1.2 core schema's numbers: decimal, octal and hex integers, floats, infinities and NaN.
const CORE_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * A plain scalar YAML reads as a number, written other than as that number is printed: `0x7E9`
 * and `2025.0` are read as 2025, `1e3` as 1000, `007` as 7. Such a value is refused, so that
 * what a record says is what it reads as.
 */
export function nonCanonicalNumber(text: string): boolean {
  return CORE_NUMBER.test(text) && String(Number(text)) !== text;
}

const NULL_KEY = /^(?:~|null|Null|NULL)?$/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:\s|$)/m;

function plainEvents(events: YamlEvent[], source: string): boolean {
  // For each open collection: whether it is a mapping, and how many children it has had (keys are the even ones).
  const open: { mapping: boolean; children: number; keyEnd: number }[] = [];
  let documents = 0;
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      if (++documents > 1 || event.directives.length || event.explicitStart || event.explicitEnd) return false;
      open.push({ mapping: false, children: 0, keyEnd: -1 });
      continue;
    }
    if (event.type === EVENT_ID.POP) {
      open.pop();
      continue;
    }
    if (event.type === EVENT_ID.ALIAS || event.anchorStart !== -1 || event.tagStart !== -1) return false;
    const parent = open.at(-1);
    const isKey = parent !== undefined && parent.mapping && parent.children % 2 === 0;
    if (parent) parent.children++;
    if (event.type === EVENT_ID.SCALAR) {
      if (isKey && NULL_KEY.test(source.slice(event.valueStart, event.valueEnd))) return false;
      if (event.style === SCALAR_STYLE.PLAIN && nonCanonicalNumber(source.slice(event.valueStart, event.valueEnd))) return false;
      if (!endsCleanly(event, source)) return false;
      if (isKey) parent.keyEnd = event.valueEnd;
      // A plain or quoted value goes on its key's line; one on a later line is left to the strict reader.
      else if (parent?.mapping && event.style <= SCALAR_STYLE.DOUBLE_QUOTED && event.valueStart >= 0 && source.slice(parent.keyEnd, event.valueStart).includes('\n')) return false;
    } else {
      if (isKey) return false;
      open.push({ mapping: event.type === EVENT_ID.MAPPING, children: 0, keyEnd: -1 });
    }
  }
  return documents === 1;
}

const AFTER_SCALAR = new Set([undefined, ' ', '\n', '\r', ':', ',', ']', '}']);

/** A plain or quoted scalar must be followed by a space, a line end or an indicator; js-yaml is lenient here, the strict reader is not. */
function endsCleanly(event: Extract<YamlEvent, { type: typeof EVENT_ID.SCALAR }>, source: string): boolean {
  if (event.valueEnd < 0) return true;
  if (event.style === SCALAR_STYLE.PLAIN) return AFTER_SCALAR.has(source[event.valueEnd]);
  if (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED) return AFTER_SCALAR.has(source[event.valueEnd + 1]);
  return true;
}

function locator(lineCounter: LineCounter, firstLine: number) {
  return (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
}

/**
 * Positions are only read to report a problem, which sound records never have: they are
 * worked out from the source on first use, so a sound record costs neither the walk nor the memory.
 */
function lazyPositions(source: string, firstLine: number): PositionIndex {
  let index: Map<string, { line: number; column: number }> | undefined;
  return {
    get(path) {
      if (!index) {
        const lineCounter = new LineCounter();
        index = positionsOf(parseDocument(source, { lineCounter, ...OPTIONS }), locator(lineCounter, firstLine));
      }
      return index.get(path);
    },
  };
}

/** Line and column of every key and sequence item, by field path. */
function positionsOf(doc: Document, at: (offset: number) => { line: number; column: number }): Map<string, { line: number; column: number }> {
  const positions = new Map<string, { line: number; column: number }>();
  visit(doc, (_key, node, ancestors) => {
    if (isPair(node) && isScalar(node.key)) {
      positions.set(pathOf(ancestors, node).join('.'), at(node.key.range?.[0] ?? 0));
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const range = (item as Node | null)?.range;
        if (range) positions.set([...pathOf(ancestors, node), index].join('.'), at(range[0]));
      });
    }
  });
  return positions;
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
