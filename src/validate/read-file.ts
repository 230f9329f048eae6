import { describeCharacter, unsafeCharacters } from '../core/characters.ts';
import type { Problem } from '../core/diagnostic.ts';

/** Content files are small prose; anything larger is a mistake or an attack on the build. */
export const MAX_FILE_BYTES = 256 * 1024;

/** Checks what must hold of any content file before it is parsed: size, encoding, no control or bidi characters. */
export function checkRawFile(bytes: Buffer): { text: string; problems: Problem[] } {
  if (bytes.length > MAX_FILE_BYTES) {
    return { text: '', problems: [{ line: 1, column: 1, field: 'file', message: `file is ${bytes.length} bytes; the limit is ${MAX_FILE_BYTES}` }] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { text: '', problems: [{ line: 1, column: 1, field: 'file', message: 'file is not valid UTF-8' }] };
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  return { text, problems: findUnsafeBytes(text) };
}

const MAX_REPORTED = 20;

/** Control and bidi characters written directly in the file, each at its line and column. Line ends may be CRLF. */
export function findUnsafeBytes(text: string): Problem[] {
  const all = unsafeCharacters(text).filter(({ index, char }) => !(char === '\r' && text[index + 1] === '\n'));
  if (!all.length) return [];
  // A file full of them needs only the first few to be found: the rest are alike.
  const found = all.slice(0, MAX_REPORTED);
  // `found` is in text order, so one sweep over the line starts locates them all.
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
  let line = 1;
  return found.map(({ index, char }, i) => {
    while (line < lineStarts.length && lineStarts[line]! <= index) line++;
    const more = i === found.length - 1 && all.length > found.length ? ` (and ${all.length - found.length} more in this file)` : '';
    return { line, column: index - lineStarts[line - 1]! + 1, field: 'file', message: `${describeCharacter(char)} is not allowed in a content file; delete it${more}` };
  });
}
