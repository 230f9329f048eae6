/**
 * Characters no content may hold, whether written as bytes or decoded from an escape (`&#x202E;`,
 * `"\u202E"`, `"\0"`): C0 and C1 controls other than tab and line feed, DEL, and the bidirectional
 * embeddings, overrides and isolates that can make text read differently from what it is
 * (Trojan Source, CVE-2021-42574). The marks U+200E, U+200F and U+061C only set the direction of
 * neutral characters next to them and are part of ordinary right-to-left text: they are allowed.
 */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const ANY_UNSAFE = new RegExp(UNSAFE.source);

const NAMES: Record<number, string> = {
  0x00: 'null', 0x09: 'tab', 0x0a: 'line feed', 0x0d: 'carriage return', 0x20: 'space', 0x1b: 'escape', 0x7f: 'delete',
  0x202a: 'left-to-right embedding', 0x202b: 'right-to-left embedding', 0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override', 0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate', 0x2067: 'right-to-left isolate', 0x2068: 'first strong isolate', 0x2069: 'pop directional isolate',
};

/** `U+202E (right-to-left override)`: how messages name a character. */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[code] ?? (code >= 0x202a ? 'bidirectional control' : code > 0x9f ? 'space character' : 'control character');
  return `${hex} (${name})`;
}

/** True when the text holds any character content may not contain. */
export function hasUnsafeCharacter(text: string): boolean {
  return ANY_UNSAFE.test(text);
}

/** Each unsafe character with its offset in the text. */
export function unsafeCharacters(text: string): { index: number; char: string }[] {
  if (!ANY_UNSAFE.test(text)) return [];
  return [...text.matchAll(UNSAFE)].map((match) => ({ index: match.index, char: match[0] }));
}

/** The message for a value that holds an unsafe character: names the first one. */
export function unsafeCharacterMessage(text: string): string | undefined {
  const [first] = unsafeCharacters(text);
  if (!first) return undefined;
  return `contains ${describeCharacter(first.char)}, which is not allowed; delete it (for right-to-left text, U+200E and U+200F marks are allowed)`;
}

// What a diagnostic must never print as it is: every control, the bidi controls, line and paragraph separators.
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text made safe to print on one line of a terminal or a CI log: controls, bidi controls and
 * line breaks are written as escapes (`\n`, `\u{1B}`), so no value can start a new line, forge
 * a workflow command or move the cursor.
 */
export function printable(text: string): string {
  return text.replace(INVISIBLE, (char) => SHORT_ESCAPES[char] ?? `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

/** A user's value inside a message: quoted, printable, and cut at `max` characters. */
export function quote(value: string, max = 80): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return `"${printable(cut)}"`;
}
