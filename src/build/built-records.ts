import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { CollectionEntry } from 'astro:content';
import type { RenderedBody } from '../body/render.ts';
import type { LoadedIncident } from '../validate/corpus.ts';

// A build hands the checked, rendered incident records from the content loader to the pages in one
// file rather than through Astro's content store. The store's round trip (each entry serialized
// into store chunks, the chunks bundled as modules, then evaluated again for the pages) was most
// of content sync and bundling: at 10,000 records 40 s of a 128 s build, and 650 MB of memory.
// The dev server keeps the store, which refills on every content change.

/** Names the file for the pages; set by the loader in the build's own process, so workers inherit it. */
const VARIABLE = 'INCIDENT_ATLAS_BUILT_RECORDS';

type IncidentEntry = CollectionEntry<'incidents'>;

/** A published or withdrawn record, its body already rendered, so the parsed trees need not be kept for the build. */
export interface PreparedIncident {
  id: string;
  file: string;
  data: LoadedIncident['data'];
  rendered: RenderedBody;
}

/** A record as the pages read it, whether from the content store or from the handed-over file. */
export function incidentEntry({ id, file, data, rendered }: PreparedIncident): IncidentEntry {
  return {
    id,
    collection: 'incidents',
    data: { ...data, file },
    filePath: file,
    // No images: record bodies are checked to hold none.
    rendered: { html: rendered.html, metadata: { headings: rendered.headings, citations: rendered.citations, imagePaths: [] } },
  };
}

/** Writes the build's records to Astro's cache folder and names the file for the pages of this process. */
export function handOverRecords(cacheDir: URL, entries: readonly IncidentEntry[]): void {
  const dir = fileURLToPath(cacheDir);
  const file = join(dir, 'built-records.v8');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, serialize(entries));
  process.env[VARIABLE] = file;
}

/** The records the content loader handed over in this build, or undefined on the dev server. */
export function handedOverRecords(): IncidentEntry[] | undefined {
  const file = process.env[VARIABLE];
  return file === undefined ? undefined : (deserialize(readFileSync(file)) as IncidentEntry[]);
}
