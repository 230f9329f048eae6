import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { editorFiles } from './editor-schemas.ts';

/** Writes the editor schemas and the record → schema manifest under `root`; returns the paths written. */
export function writeEditorFiles(root: string): string[] {
  let records: string[] = [];
  try {
    records = readdirSync(join(root, 'content', 'incidents')).filter((name) => name.endsWith('.mdx')).map((name) => `content/incidents/${name}`);
  } catch {
    // No records yet: the schemas are still useful for organization and taxonomy files.
  }
  const files = editorFiles(pathToFileURL(root).href, records);
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.content);
  }
  return files.map((file) => file.path);
}
