import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { z } from 'zod';
import { join, relative } from 'node:path';
import type { BodyNode } from '../body/mdast.ts';
import { renderRecordBody, type RenderedBody } from '../body/render.ts';
import { RESERVED_INCIDENT_FOLDERS } from '../lib/site/links.ts';
import { createIncidentSchema, type Incident } from '../schema/incident.ts';
import { OrganizationSchema, type Organization } from '../schema/organization.ts';
import { TaxonomySchema, type TaxonomyTerm } from '../schema/taxonomy.ts';
import { checkIncidentText, type BodyLinks } from './check-incident.ts';
import { checkCrossReferences } from './cross-references.ts';
import type { Diagnostic, Problem } from '../core/diagnostic.ts';
import { irregularContentEntries, isPlainFile } from './content-entries.ts';
import { checkRawFile } from './read-file.ts';
import { thinRecordWarnings } from './thin-records.ts';
import { splitFrontmatter } from './split-frontmatter.ts';
import { parseStrictYaml, type PositionIndex } from './strict-yaml.ts';
import { unsafeYamlStrings } from './decoded-text.ts';
import { zodProblems } from './zod-problems.ts';
import { checkRedirects, readRedirects, REDIRECTS_FILE } from './redirects.ts';

/** A record that passed every check, with its parsed body ready to render. */
export interface LoadedIncident {
  id: string;
  /** Path relative to the project root. */
  file: string;
  data: Incident;
  tree: BodyNode;
  /** The body as HTML, when the reader was asked to render it (see `readCorpus`). */
  rendered?: RenderedBody;
  /** The body's links within the site and its heading ids. */
  links?: BodyLinks;
  /** Thin-record warnings (src/validate/thin-records.ts), found in the same pass; they never fail a check. */
  warnings?: Diagnostic[];
}

export interface Corpus {
  /** Every valid record, published and draft, sorted by id. */
  incidents: LoadedIncident[];
  organizations: Map<string, Organization>;
  causes: TaxonomyTerm[];
  safeguards: TaxonomyTerm[];
  /** Every problem found, sorted by file and line. Empty means the corpus is sound. */
  diagnostics: Diagnostic[];
  /** Every content file read, valid or not, relative to the root. */
  files: string[];
}

export interface LoadOptions {
  /** Project root, the folder that holds `content/`. */
  root: string;
  /** Clock for "no future dates"; tests fix it. */
  now?: () => number;
  /**
   * Keep each record's parsed body for rendering (the default). `npm run validate` only needs
   * the verdict, and holding ten thousand trees it never reads makes it slower.
   */
  keepTrees?: boolean;
}

/** What a record's `tree` is when trees are not kept. */
const NO_TREE: BodyNode = { type: 'root', children: [] };

const KEBAB_FILE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Record ids the site uses for other pages under /incidents/ (the index's later pages, the table). */
const RESERVED_IDS = RESERVED_INCIDENT_FOLDERS;

/** Reads and checks the whole content folder in one pass: taxonomies, organizations, records, cross-references. */
export function loadCorpus({ root, now, keepTrees = true }: LoadOptions): Corpus {
  const reference = readReferenceData(root);
  const schema = createIncidentSchema(now);
  const outcomes = reference.recordNames.map((name) => checkRecordFile(root, name, schema, keepTrees));
  return finishCorpus(root, reference, outcomes);
}

/** Below this many records, starting worker threads costs more than it saves (measured: slower at 1,000, quicker at 10,000). */
export const PARALLEL_FROM = 4000;

/**
 * Reads the content folder the quickest way for its size: in this thread, or from
 * `PARALLEL_FROM` records on worker threads. Trees are not kept; with `render`, each record
 * comes with its body rendered instead, which is what the build needs.
 */
export async function readCorpus({ root, now = Date.now, render = false }: Omit<LoadOptions, 'keepTrees'> & { render?: boolean }): Promise<Corpus> {
  const threads = Math.min(availableParallelism(), 4);
  if (countFiles(join(root, 'content', 'incidents')) >= PARALLEL_FROM && threads > 1) return loadCorpusInParallel({ root, now, threads, render });
  const corpus = loadCorpus({ root, now, keepTrees: render });
  if (!render) return corpus;
  const incidents = corpus.incidents.map(({ tree, ...incident }) => ({ ...incident, tree: NO_TREE, rendered: renderRecordBody(tree, incident.data) }));
  return { ...corpus, incidents };
}

function countFiles(dir: string): number {
  try {
    return readdirSync(dir).length;
  } catch {
    return 0;
  }
}

/**
 * The same as `loadCorpus` without the trees, with the records checked (and, with `render`,
 * rendered) on `threads` worker threads: what `readCorpus` uses for a large corpus. Records are independent until the
 * cross-references, which are checked here once all have come back.
 */
export async function loadCorpusInParallel({ root, now = Date.now, threads, render = false }: Omit<LoadOptions, 'keepTrees'> & { threads: number; render?: boolean }): Promise<Corpus> {
  const reference = readReferenceData(root);
  const nowMs = now();
  const slices = Array.from({ length: threads }, (_, t) => reference.recordNames.filter((_, i) => i % threads === t));
  const results = await Promise.all(
    slices.map(
      (names) =>
        new Promise<WorkerOutcome[]>((resolve, reject) => {
          const worker = new Worker(new URL('./corpus-worker.ts', import.meta.url), {
            workerData: { root, names, nowMs, render } satisfies CorpusWorkerInput,
            // Checking makes many short-lived objects; a worker's default young generation is small
            // enough that collecting it took a third of the time.
            resourceLimits: { maxYoungGenerationSizeMb: 32 },
          });
          worker.once('message', (outcomes: WorkerOutcome[]) => resolve(outcomes));
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`a validation worker stopped with code ${code}`)));
        }),
    ),
  );
  // Back in file order, with positions read again from the file should a cross-reference need one.
  const byName = new Map(results.flat().map((outcome) => [outcome.name, outcome]));
  const outcomes = reference.recordNames.map((name): RecordOutcome => {
    const { checked, ...outcome } = byName.get(name)!;
    return checked ? { ...outcome, checked: { ...checked, tree: NO_TREE, positions: filePositions(join(root, 'content', 'incidents', name)) } } : outcome;
  });
  return finishCorpus(root, reference, outcomes);
}

/** What a worker is asked to check. */
export interface CorpusWorkerInput {
  root: string;
  names: string[];
  /** "Now" for the future-date rule, fixed for the whole run. */
  nowMs: number;
  /** Render each checked body to HTML. */
  render: boolean;
}

/** One record file's verdict: its problems and, when it has none, the record. */
export interface RecordOutcome {
  name: string;
  file: string;
  problems: Problem[];
  checked?: LoadedIncident & { positions: PositionIndex };
}

/** A verdict as a worker posts it: without the tree, and without positions, which cannot be posted. */
export type WorkerOutcome = Omit<RecordOutcome, 'checked'> & { checked?: Omit<NonNullable<RecordOutcome['checked']>, 'tree' | 'positions'> };

interface ReferenceData {
  causes: TaxonomyTerm[];
  safeguards: TaxonomyTerm[];
  organizations: Map<string, Organization>;
  diagnostics: Diagnostic[];
  files: string[];
  recordNames: string[];
}

/** Taxonomies and organizations: what records refer to. */
function readReferenceData(root: string): ReferenceData {
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const report = (file: string, problems: Problem[]) => problems.forEach((p) => diagnostics.push({ file, ...p }));
  const path = (...parts: string[]) => join(root, 'content', ...parts);
  const rel = (absolute: string) => relative(root, absolute).split('\\').join('/');

  const irregular = irregularContentEntries(root);
  diagnostics.push(...irregular);
  files.push(...irregular.map((d) => d.file));
  const readYaml = <T>(file: string, schema: z.ZodType<T>): T | undefined => {
    // A link, a folder or a missing file is reported above (or by the schema as empty); never followed.
    if (!isPlainFile(file)) return undefined;
    const raw = checkRawFile(readFileSync(file));
    if (raw.problems.length) return void report(rel(file), raw.problems);
    const yaml = parseStrictYaml(raw.text);
    if (yaml.problems.length) return void report(rel(file), yaml.problems);
    const unsafe = unsafeYamlStrings(yaml.data, yaml.positions);
    if (unsafe.length) return void report(rel(file), unsafe);
    const parsed = schema.safeParse(yaml.data);
    if (!parsed.success) return void report(rel(file), zodProblems(parsed.error, yaml.positions));
    return parsed.data;
  };

  const causes = readTaxonomy(path('taxonomy', 'causes.yaml'));
  const safeguards = readTaxonomy(path('taxonomy', 'safeguards.yaml'));
  function readTaxonomy(file: string): TaxonomyTerm[] {
    if (!files.includes(rel(file))) files.push(rel(file));
    const terms = readYaml(file, TaxonomySchema) ?? [];
    const seen = new Set<string>();
    terms.forEach((term, index) => {
      if (seen.has(term.id)) report(rel(file), [{ line: 1, column: 1, field: `${index}.id`, message: `repeats the id "${term.id}"` }]);
      seen.add(term.id);
    });
    return terms;
  }

  const organizations = new Map<string, Organization>();
  for (const name of listFiles(path('organizations'))) {
    const file = path('organizations', name);
    files.push(rel(file));
    const id = name.replace(/\.yaml$/, '');
    if (!name.endsWith('.yaml') || !KEBAB_FILE.test(id)) {
      report(rel(file), [{ line: 1, column: 1, field: 'file', message: 'organization files are named <kebab-case-id>.yaml' }]);
      continue;
    }
    const organization = readYaml(file, OrganizationSchema);
    if (organization) organizations.set(id, organization);
  }
  return { causes, safeguards, organizations, diagnostics, files, recordNames: listFiles(path('incidents')) };
}

/** Checks one record file on its own: name, raw bytes, frontmatter, rules and body. */
export function checkRecordFile(root: string, name: string, schema: ReturnType<typeof createIncidentSchema>, keepTrees: boolean): RecordOutcome {
  const file = `content/incidents/${name}`;
  const id = name.replace(/\.mdx$/, '');
  const fail = (message: string): RecordOutcome => ({ name, file, problems: [{ line: 1, column: 1, field: 'file', message }] });
  if (!name.endsWith('.mdx') || !KEBAB_FILE.test(id)) return fail('record files are named <kebab-case-id>.mdx');
  if (RESERVED_IDS.has(id)) return fail(`"${id}" is reserved for the site's own pages (/incidents/${id}/…); choose another name`);
  const raw = checkRawFile(readFileSync(join(root, 'content', 'incidents', name)));
  if (raw.problems.length) return { name, file, problems: raw.problems };
  const result = checkIncidentText(raw.text, schema);
  if (!result.data || !result.tree || result.problems.length) return { name, file, problems: result.problems };
  const warnings = thinRecordWarnings(file, raw.text, result.data, result.tree);
  return { name, file, problems: [], checked: { id, file, data: result.data, tree: keepTrees ? result.tree : NO_TREE, positions: result.positions, ...(result.links ? { links: result.links } : {}), ...(warnings.length ? { warnings } : {}) } };
}

/** Cross-references between records, then every problem in file order. */
function finishCorpus(root: string, reference: ReferenceData, outcomes: RecordOutcome[]): Corpus {
  const { causes, safeguards, organizations, recordNames } = reference;
  const diagnostics = [...reference.diagnostics];
  const files = [...reference.files];
  const report = (file: string, problems: Problem[]) => problems.forEach((p) => diagnostics.push({ file, ...p }));
  for (const outcome of outcomes) {
    files.push(outcome.file);
    report(outcome.file, outcome.problems);
  }
  const known = {
    incidents: new Set(recordNames.map((name) => name.replace(/\.mdx$/, ''))),
    organizations: new Set(organizations.keys()),
    causes: new Set(causes.map((term) => term.id)),
    safeguards: new Set(safeguards.map((term) => term.id)),
    publishedRecords: new Set(outcomes.flatMap((outcome) => (outcome.checked?.data.status === 'published' ? [outcome.checked.id] : []))),
  };
  const incidents: LoadedIncident[] = [];
  for (const outcome of outcomes) {
    if (!outcome.checked) continue;
    const { positions, ...incident } = outcome.checked;
    const problems = checkCrossReferences(incident.id, incident.data, positions, known, incident.links);
    report(incident.file, problems);
    if (!problems.length) incidents.push(incident);
  }

  const redirects = readRedirects(root);
  if (existsSync(join(root, REDIRECTS_FILE)) && !files.includes(REDIRECTS_FILE)) files.push(REDIRECTS_FILE);
  report(REDIRECTS_FILE, redirects.problems);
  if (!redirects.problems.length) report(REDIRECTS_FILE, checkRedirects(redirects.redirects, known.incidents));

  diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { incidents, organizations, causes, safeguards, diagnostics, files };
}

/** Field positions of a record file's frontmatter, read from the file only when first asked for. */
function filePositions(path: string): PositionIndex {
  let positions: PositionIndex | undefined;
  return {
    get(field) {
      if (!positions) {
        const split = splitFrontmatter(checkRawFile(readFileSync(path)).text);
        positions = 'yaml' in split ? parseStrictYaml(split.yaml, split.yamlFirstLine).positions : new Map<string, { line: number; column: number }>();
      }
      return positions.get(field);
    },
  };
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}
