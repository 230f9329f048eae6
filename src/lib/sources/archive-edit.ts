/**
 * Writes `archived:` into a record's frontmatter in place: one new line (or, in a flow map, one
 * new entry) per source, every other byte of the file as it was. Editing the text rather than
 * re-serialising the YAML keeps contributors' formatting, comments and line numbers.
 */
import { isMap, isScalar, isSeq, parseDocument, type Pair, type YAMLMap } from 'yaml';

/** A source of the record without an archived copy, and where its copy's address would go. */
export interface Unarchived {
  /** Position in `sources`. */
  index: number;
  id: string;
  url: string;
  /** Offset in the YAML text at which the new text goes. */
  at: number;
  /** Column of the source's keys (block maps), for the new line. */
  indent: number;
  /** The source is written as a flow map (`{ id: …, url: … }`). */
  flow: boolean;
  /** The file's line ending at that place, kept for the new line. */
  eol: '\n' | '\r\n';
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

/** The sources of a record's YAML that have a `url` and no `archived`, in order. */
export function unarchivedSources(yaml: string): Unarchived[] {
  const doc = parseDocument(yaml, { keepSourceTokens: false });
  const sources = doc.get('sources', true);
  if (!isSeq(sources)) return [];
  const found: Unarchived[] = [];
  sources.items.forEach((item, index) => {
    if (!isMap(item) || item.has('archived')) return;
    const pair = (item as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === 'url') as Pair | undefined;
    if (!pair || !isScalar(pair.key) || !isScalar(pair.value) || typeof pair.value.value !== 'string' || !pair.value.range) return;
    const keyStart = pair.key.range![0];
    const valueEnd = pair.value.range[1];
    const newline = yaml.indexOf('\n', valueEnd);
    const crlf = newline > 0 && yaml[newline - 1] === '\r';
    const lineEnd = newline === -1 ? yaml.length : crlf ? newline - 1 : newline;
    found.push({
      index,
      id: String(item.get('id') ?? index),
      url: pair.value.value,
      at: item.flow ? valueEnd : lineEnd,
      indent: keyStart - lineStart(yaml, keyStart),
      flow: Boolean(item.flow),
      eol: crlf ? '\r\n' : '\n',
    });
  });
  return found;
}

/** A YAML scalar for an address: plain where YAML reads it back unchanged, else double-quoted. */
function scalar(value: string, flow: boolean): string {
  const plain = /^[A-Za-z][\w.+-]*:\/\/[^\s]*$/.test(value) && !value.includes(' #') && !(flow && /[,[\]{}]/.test(value));
  return plain ? value : JSON.stringify(value);
}

/** The YAML with an `archived:` entry for each source in `fills` (source index → archived address). */
export function withArchived(yaml: string, places: readonly Unarchived[], fills: ReadonlyMap<number, string>): string {
  const edits = places
    .filter((place) => fills.has(place.index))
    .map((place) => {
      const value = scalar(fills.get(place.index)!, place.flow);
      return { at: place.at, text: place.flow ? `, archived: ${value}` : `${place.eol}${' '.repeat(place.indent)}archived: ${value}` };
    })
    .sort((a, b) => b.at - a.at);
  let out = yaml;
  for (const edit of edits) out = out.slice(0, edit.at) + edit.text + out.slice(edit.at);
  return out;
}
