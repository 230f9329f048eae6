import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readCorpus, type Corpus } from '../validate/corpus.ts';
import { formatReport } from '../validate/report.ts';
import { handOverRecords, incidentEntry, type PreparedIncident } from './built-records.ts';
import { searchDocumentsDir, writeSearchDocuments } from './search-documents.ts';


type PreparedCorpus = Omit<Corpus, 'incidents'> & { incidents: PreparedIncident[] };

let cached: Promise<PreparedCorpus> | undefined;
/** Whether the dev server's first load has reported the content's problems (once, not once per collection). */
let reported = false;

/**
 * The content folder, read and checked once per build by the same code as `npm run validate`.
 * Any problem stops the build before a single page is written: no partial site. Bodies are
 * rendered from the tree the validator checked, in the same pass (on worker threads for a
 * large corpus).
 */
function corpus(root: string): Promise<PreparedCorpus> {
  return (cached ??= prepare(root));
}

/** The content failed a check; `report` lists every problem by file, line and field. */
class ContentProblems extends Error {
  readonly report: string;
  constructor(report: string) {
    super(`Content has problems; nothing was built.\n${report}`);
    this.report = report;
  }
}

async function prepare(root: string): Promise<PreparedCorpus> {
  const loaded = await readCorpus({ root, render: true });
  if (loaded.diagnostics.length) throw new ContentProblems(formatReport(loaded.diagnostics, loaded.files));
  const incidents = loaded.incidents
    // Withdrawn records keep their URL (a tombstone page) and their row in the dataset; drafts are not built.
    .filter((incident) => incident.data.status !== 'draft')
    .map(({ id, file, data, rendered }) => ({ id, file, data, rendered: rendered! }));
  return { ...loaded, incidents };
}

/** What each collection's loader does to fill it again after a content file changed (dev server only). */
const reloads = new Map<string, () => Promise<void>>();
let watching = false;

/**
 * On the dev server, re-reads the content when anything under `content/` changes and refills
 * every collection, so an edit shows on the next page load. A record with a problem is reported
 * with its file, line and field, and the last good content stays on the pages.
 */
function reloadOnChange(context: LoaderContext, fill: () => Promise<void>): void {
  const { watcher, logger, collection, config } = context;
  if (!watcher) return;
  reloads.set(collection, fill);
  if (watching) return;
  watching = true;
  const root = rootOf(config);
  const contentDir = join(root, 'content');
  watcher.add(contentDir);
  const onChange = (path: string) => {
    if (!path.startsWith(contentDir + sep)) return;
    cached = undefined;
    corpus(root).then(
      () => Promise.all([...reloads.values()].map((reload) => reload())),
      (error: Error) => logger.error(error instanceof ContentProblems ? `Content has problems; the pages keep the content as it was before this change.\n${error.report}` : error.message),
    ).catch((error: Error) => logger.error(error.message));
  };
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onChange);
}

/**
 * The folder holding `content/`: the project itself, or `ATLAS_CONTENT_ROOT` when a test or the
 * benchmark builds the site from a temporary copy of the content.
 */
function rootOf(config: { root: URL }): string {
  return process.env.ATLAS_CONTENT_ROOT ?? fileURLToPath(config.root);
}

/**
 * A loader that fills its collection from the checked corpus, and on the dev server fills it again
 * after a content change. The store is cleared only once the new content has passed every check.
 */
function corpusLoader(name: string, fill: (context: LoaderContext, checked: PreparedCorpus) => Promise<void> | void): Loader {
  return {
    name,
    async load(context) {
      const refill = async () => {
        const checked = await corpus(rootOf(context.config));
        context.store.clear();
        await fill(context, checked);
      };
      // Watching starts first, so that on the dev server fixing a record that stopped the first load recovers.
      reloadOnChange(context, refill);
      if (!context.watcher) return refill();
      // On the dev server a problem is reported and the server stays up, with the collection empty
      // until the content is fixed; a build stops on it.
      await refill().catch((error: Error) => {
        if (!(error instanceof ContentProblems)) throw error;
        if (!reported) context.logger.error(`Content has problems; the pages show no records until they are fixed.\n${error.report}`);
        reported = true;
      });
    },
  };
}

/**
 * Published and withdrawn incident records, bodies rendered to static HTML from the tree the
 * validator checked, handed to the pages in memory (src/build/built-records.ts).
 */
export const incidentLoader = corpusLoader('incident-atlas-incidents', async ({ store, config, generateDigest, watcher }, checked) => {
  const entries = checked.incidents.map(incidentEntry);
  handOverRecords(entries);
  if (watcher) {
    // On the dev server the store holds only each record's digest, so that a change to any record
    // changes the store and the pages load again, taking the records just handed over.
    // There is no search index in dev, so no search documents either: writing them cost every reload
    // time, and two reloads close together raced to empty and refill the same folder.
    for (const entry of entries) store.set({ id: entry.id, data: {}, digest: generateDigest(JSON.stringify(entry)) });
    return;
  }
  // The search index is built from the published ones while the pages are rendered (src/build/integrations/search-index.ts).
  await writeSearchDocuments(searchDocumentsDir(config.cacheDir), checked.incidents.filter(({ data }) => data.status === 'published').map(({ id, data, rendered }) => ({ id, data, html: rendered.html })), {
    organizations: new Map([...checked.organizations].map(([id, org]) => [id, org.name])),
    causes: new Map(checked.causes.map((term) => [term.id, term.name])),
    safeguards: new Map(checked.safeguards.map((term) => [term.id, term.name])),
  });
});

/** Organizations, from `content/organizations/<id>.yaml`. */
export const organizationLoader = corpusLoader('incident-atlas-organizations', ({ store }, checked) => {
  for (const [id, organization] of checked.organizations) store.set({ id, data: { ...organization } });
});

/** One taxonomy (`causes` or `safeguards`), from `content/taxonomy/<name>.yaml`. */
export function taxonomyLoader(name: 'causes' | 'safeguards'): Loader {
  return corpusLoader(`incident-atlas-${name}`, ({ store }, checked) => {
    for (const { id, ...term } of checked[name]) store.set({ id, data: term });
  });
}
