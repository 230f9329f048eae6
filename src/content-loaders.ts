import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { RenderedBody } from './body/render.ts';
import { readCorpus, type Corpus, type LoadedIncident } from './validate/corpus.ts';
import { formatReport } from './validate/report.ts';
import { searchDocumentsDir, writeSearchDocuments } from './search-documents.ts';

/** A published record, its body already rendered, so the parsed trees need not be kept for the build. */
interface PreparedIncident {
  id: string;
  file: string;
  data: LoadedIncident['data'];
  rendered: RenderedBody;
}

type PreparedCorpus = Omit<Corpus, 'incidents'> & { incidents: PreparedIncident[] };

let cached: Promise<PreparedCorpus> | undefined;

/**
 * The content folder, read and checked once per build by the same code as `npm run validate`.
 * Any problem stops the build before a single page is written: no partial site. Bodies are
 * rendered from the tree the validator checked, in the same pass (on worker threads for a
 * large corpus).
 */
function corpus(root: string): Promise<PreparedCorpus> {
  return (cached ??= prepare(root));
}

async function prepare(root: string): Promise<PreparedCorpus> {
  const loaded = await readCorpus({ root, render: true });
  if (loaded.diagnostics.length) {
    throw new Error(`Content has problems; nothing was built.\n${formatReport(loaded.diagnostics, loaded.files)}`);
  }
  const incidents = loaded.incidents
    .filter((incident) => incident.data.status === 'published')
    .map(({ id, file, data, rendered }) => ({ id, file, data, rendered: rendered! }));
  return { ...loaded, incidents };
}

/** Forget the checked corpus, so a dev-server reload reads the files again. */
export function resetCorpus(): void {
  cached = undefined;
}

/**
 * The folder holding `content/`: the project itself, or `ATLAS_CONTENT_ROOT` when a test or the
 * benchmark builds the site from a temporary copy of the content.
 */
function rootOf(config: { root: URL }): string {
  return process.env.ATLAS_CONTENT_ROOT ?? fileURLToPath(config.root);
}

/** Published incident records, bodies rendered to static HTML from the tree the validator checked. */
export const incidentLoader: Loader = {
  name: 'incident-atlas-incidents',
  async load({ store, config, generateDigest }) {
    store.clear();
    const checked = await corpus(rootOf(config));
    // The search index is built from these while the pages are rendered (src/integrations/search-index.ts).
    await writeSearchDocuments(searchDocumentsDir(config.cacheDir), checked.incidents.map(({ id, data, rendered }) => ({ id, data, html: rendered.html })), {
      organizations: new Map([...checked.organizations].map(([id, org]) => [id, org.name])),
      causes: new Map(checked.causes.map((term) => [term.id, term.name])),
      safeguards: new Map(checked.safeguards.map((term) => [term.id, term.name])),
    });
    for (const { id, file, data, rendered } of checked.incidents) {
      store.set({
        id,
        data: { ...data, file },
        filePath: file,
        digest: generateDigest(rendered.html + JSON.stringify(data)),
        rendered: { html: rendered.html, metadata: { headings: rendered.headings } },
      });
    }
  },
};

/** Organizations, from `content/organizations/<id>.yaml`. */
export const organizationLoader: Loader = {
  name: 'incident-atlas-organizations',
  async load({ store, config }) {
    store.clear();
    for (const [id, organization] of (await corpus(rootOf(config))).organizations) store.set({ id, data: { ...organization } });
  },
};

/** One taxonomy (`causes` or `safeguards`), from `content/taxonomy/<name>.yaml`. */
export function taxonomyLoader(name: 'causes' | 'safeguards'): Loader {
  return {
    name: `incident-atlas-${name}`,
    async load({ store, config }) {
      store.clear();
      for (const { id, ...term } of (await corpus(rootOf(config)))[name]) store.set({ id, data: term });
    },
  };
}
