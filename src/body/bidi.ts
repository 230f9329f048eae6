import type { Problem } from '../core/diagnostic.ts';

// Embedding, override and isolate controls (Trojan Source, CVE-2021-42574), plus the Arabic letter mark.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u061C]/g;
const ANY_BIDI_CONTROL = new RegExp(BIDI_CONTROLS.source);

/** Finds bidirectional control characters anywhere in a file, which can make text read differently from what it is. */
export function findBidiControls(text: string): Problem[] {
  // One scan of the whole text settles the usual case, a file without any.
  if (!ANY_BIDI_CONTROL.test(text)) return [];
  const problems: Problem[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    for (const match of line.matchAll(BIDI_CONTROLS)) {
      const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      problems.push({ line: index + 1, column: match.index + 1, field: 'file', message: `bidirectional control character U+${code} is not allowed` });
    }
  });
  return problems;
}
