import type { CollectionEntry } from 'astro:content';
import type { RenderedBody } from '../body/render.ts';
import type { LoadedIncident } from '../validate/corpus.ts';

// The content loader hands the checked, rendered incident records to the pages in memory rather
// than through Astro's content store. The store's round trip (each entry serialized into store
// chunks, the chunks bundled as modules, then evaluated again for the pages) was most of content
// sync and bundling: at 10,000 records 40 s of a 128 s build, and 650 MB of memory. On the dev
// server it made the first page wait 24 s while an 84 MB store loaded as modules. The pages run in
// the loader's process but load their modules apart from it, so the records wait under a global key.
type IncidentEntry = CollectionEntry<'incidents'>;

const HANDED_OVER = Symbol.for('incident-atlas.handed-over-records');
type Holder = { [HANDED_OVER]?: readonly IncidentEntry[] };

/** A published or withdrawn record, its body already rendered, so the parsed trees need not be kept for the build. */
export interface PreparedIncident {
  id: string;
  file: string;
  data: LoadedIncident['data'];
  rendered: RenderedBody;
}

/** A record as the pages read it. */
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

/** Leaves the checked records for the pages; on the dev server, again after every content change. */
export function handOverRecords(entries: readonly IncidentEntry[]): void {
  (globalThis as Holder)[HANDED_OVER] = entries;
}

/** The records the content loader last handed over, or undefined before it has. */
export function handedOverRecords(): IncidentEntry[] | undefined {
  const entries = (globalThis as Holder)[HANDED_OVER];
  return entries && [...entries];
}
