import { readdirSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import { join, relative } from 'node:path';
import type { BodyNode } from '../body/mdast.ts';
import { createIncidentSchema, type Incident } from '../schema/incident.ts';
import { OrganizationSchema, type Organization } from '../schema/organization.ts';
import { TaxonomySchema, type TaxonomyTerm } from '../schema/taxonomy.ts';
import { checkIncidentText } from './check-incident.ts';
import { checkCrossReferences } from './cross-references.ts';
import type { Diagnostic, Problem } from './diagnostic.ts';
import { checkRawFile } from './read-file.ts';
import { parseStrictYaml, type PositionIndex } from './strict-yaml.ts';
import { zodProblems } from './zod-problems.ts';

/** A record that passed every check, with its parsed body ready to render. */
export interface LoadedIncident {
  id: string;
  /** Path relative to the project root. */
  file: string;
  data: Incident;
  tree: BodyNode;
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
/** Record ids the site uses for other pages under /incidents/ (the index's later pages live in /incidents/page/). */
const RESERVED_IDS = new Set(['page']);

/** Reads and checks the whole content folder in one pass: taxonomies, organizations, records, cross-references. */
export function loadCorpus({ root, now, keepTrees = true }: LoadOptions): Corpus {
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const report = (file: string, problems: Problem[]) => problems.forEach((p) => diagnostics.push({ file, ...p }));
  const path = (...parts: string[]) => join(root, 'content', ...parts);
  const rel = (absolute: string) => relative(root, absolute).split('\\').join('/');

  const readYaml = <T>(file: string, schema: z.ZodType<T>): T | undefined => {
    const raw = checkRawFile(readFileSync(file));
    if (raw.problems.length) return void report(rel(file), raw.problems);
    const yaml = parseStrictYaml(raw.text);
    if (yaml.problems.length) return void report(rel(file), yaml.problems);
    const parsed = schema.safeParse(yaml.data);
    if (!parsed.success) return void report(rel(file), zodProblems(parsed.error, yaml.positions));
    return parsed.data;
  };

  const causes = readTaxonomy(path('taxonomy', 'causes.yaml'));
  const safeguards = readTaxonomy(path('taxonomy', 'safeguards.yaml'));
  function readTaxonomy(file: string): TaxonomyTerm[] {
    files.push(rel(file));
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

  const schema = createIncidentSchema(now);
  const checked: (LoadedIncident & { positions: PositionIndex })[] = [];
  const recordNames = listFiles(path('incidents'));
  for (const name of recordNames) {
    const file = path('incidents', name);
    files.push(rel(file));
    const id = name.replace(/\.mdx$/, '');
    if (!name.endsWith('.mdx') || !KEBAB_FILE.test(id)) {
      report(rel(file), [{ line: 1, column: 1, field: 'file', message: 'record files are named <kebab-case-id>.mdx' }]);
      continue;
    }
    if (RESERVED_IDS.has(id)) {
      report(rel(file), [{ line: 1, column: 1, field: 'file', message: `"${id}" is reserved for the site's own pages (/incidents/${id}/…); choose another name` }]);
      continue;
    }
    const raw = checkRawFile(readFileSync(file));
    if (raw.problems.length) {
      report(rel(file), raw.problems);
      continue;
    }
    const result = checkIncidentText(raw.text, schema);
    report(rel(file), result.problems);
    if (result.data && result.tree && !result.problems.length) {
      checked.push({ id, file: rel(file), data: result.data, tree: keepTrees ? result.tree : NO_TREE, positions: result.positions });
    }
  }

  const known = {
    incidents: new Set(recordNames.map((name) => name.replace(/\.mdx$/, ''))),
    organizations: new Set(organizations.keys()),
    causes: new Set(causes.map((term) => term.id)),
    safeguards: new Set(safeguards.map((term) => term.id)),
  };
  const incidents: LoadedIncident[] = [];
  for (const { positions, ...incident } of checked) {
    const problems = checkCrossReferences(incident.id, incident.data, positions, known);
    report(incident.file, problems);
    if (!problems.length) incidents.push(incident);
  }

  diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { incidents, organizations, causes, safeguards, diagnostics, files };
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
