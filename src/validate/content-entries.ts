import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.ts';

/**
 * Everything under `content/` that is not a plain file or folder of the repository: symbolic
 * links (which would read files from elsewhere on the machine, or be skipped silently), hidden
 * files, and folders where files belong. Each is reported; none is read.
 */
export function irregularContentEntries(root: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (file: string, message: string) => diagnostics.push({ file, line: 1, column: 1, field: 'file', message });
  const visit = (relative: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = `${relative}/${entry.name}`;
      if (entry.isSymbolicLink()) report(path, 'is a symbolic link; content must be plain files in the repository, not links to files elsewhere');
      else if (entry.name.startsWith('.')) report(path, 'is hidden; files under content/ must not start with a dot');
      else if (entry.isDirectory() && depth > 0) report(path, `is a folder; ${relative}/ holds files only`);
      else if (entry.isDirectory()) visit(path, depth + 1);
      else if (!entry.isFile()) report(path, 'is not a plain file');
    }
  };
  if (isLink(join(root, 'content'))) report('content', 'is a symbolic link; content/ must be a folder of the repository');
  else visit('content', 0);
  return diagnostics;
}

/** True when the path exists and is a symbolic link (not followed). */
export function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** True when the path is a plain file, not a link to one. */
export function isPlainFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}
