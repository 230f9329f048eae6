import { rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { searchDocument, type SearchDocumentNames } from '../lib/search/search-document.ts';
import type { IncidentFields } from '../schema/incident-fields.ts';

/**
 * Where the content loader leaves one search document per record, laid out as the site is
 * (`incidents/<id>/index.html`), for the search index integration to hand to Pagefind.
 */
export function searchDocumentsDir(cacheDir: URL): string {
  return join(fileURLToPath(cacheDir), 'search-documents');
}

/** Replaces the folder's documents with those of these records, writing many at a time. */
export async function writeSearchDocuments(
  dir: string,
  records: readonly { id: string; data: IncidentFields; html: string }[],
  names: SearchDocumentNames,
): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  const write = async ({ id, data, html }: (typeof records)[number]) => {
    await mkdir(join(dir, 'incidents', id), { recursive: true });
    await writeFile(join(dir, 'incidents', id, 'index.html'), searchDocument(data, html, names));
  };
  for (let start = 0; start < records.length; start += WRITES_AT_ONCE) await Promise.all(records.slice(start, start + WRITES_AT_ONCE).map(write));
}

/** Enough to keep the file system's thread pool busy without holding every document in memory at once. */
const WRITES_AT_ONCE = 64;
