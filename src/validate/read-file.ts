import { findBidiControls } from '../body/bidi.ts';
import type { Problem } from '../core/diagnostic.ts';

/** Content files are small prose; anything larger is a mistake or an attack on the build. */
export const MAX_FILE_BYTES = 256 * 1024;

/** Checks what must hold of any content file before it is parsed: size, encoding, no bidi controls. */
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
  return { text, problems: findBidiControls(text) };
}
