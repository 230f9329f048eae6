import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { renderBody } from './body/render.ts';
import { loadCorpus, type Corpus } from './validate/corpus.ts';
import { formatReport } from './validate/report.ts';

let cached: Corpus | undefined;

/**
 * The content folder, read and checked once per build by the same code as `npm run validate`.
 * Any problem stops the build before a single page is written: no partial site.
 */
function corpus(root: string): Corpus {
  if (cached) return cached;
  const loaded = loadCorpus({ root });
  if (loaded.diagnostics.length) {
    throw new Error(`Content has problems; nothing was built.\n${formatReport(loaded.diagnostics, loaded.files)}`);
  }
  return (cached = loaded);
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
    for (const incident of corpus(rootOf(config)).incidents) {
      if (incident.data.status !== 'published') continue;
      const sourceNumbers = new Map(incident.data.sources.map((source, index) => [source.id, index + 1]));
      const { html, headings } = renderBody(incident.tree, sourceNumbers);
      store.set({
        id: incident.id,
        data: { ...incident.data, file: incident.file },
        filePath: incident.file,
        digest: generateDigest(html + JSON.stringify(incident.data)),
        rendered: { html, metadata: { headings } },
      });
    }
  },
};

/** Organizations, from `content/organizations/<id>.yaml`. */
export const organizationLoader: Loader = {
  name: 'incident-atlas-organizations',
  async load({ store, config }) {
    store.clear();
    for (const [id, organization] of corpus(rootOf(config)).organizations) store.set({ id, data: { ...organization } });
  },
};

/** One taxonomy (`causes` or `safeguards`), from `content/taxonomy/<name>.yaml`. */
export function taxonomyLoader(name: 'causes' | 'safeguards'): Loader {
  return {
    name: `incident-atlas-${name}`,
    async load({ store, config }) {
      store.clear();
      for (const { id, ...term } of corpus(rootOf(config))[name]) store.set({ id, data: term });
    },
  };
}
