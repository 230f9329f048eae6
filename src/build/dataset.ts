import { buildInfo } from './build-info.ts';
import { sourceCitations } from '../body/citations.ts';
import { datasetFileText, exportDataset, exportHeader, exportIncident, htmlToText, NO_HISTORY, type ExportedDataset } from '../lib/exports/export.ts';
import { dataTables, tableCsv, type DataTable } from '../lib/exports/export-tables.ts';
import { recordHistory } from './record-history.ts';
import type { TaxonomyTerm } from '../schema/taxonomy.ts';
import { SITE } from '../site.ts';
import { siteData } from './site-data.ts';

export interface Dataset {
  /** `/data/incidents.json`, whole. */
  json: ExportedDataset;
  /** The CSV files, in the order the data page lists them. */
  tables: DataTable[];
  /** The text of `/data/incidents.json`, made once: the route serves it and the data page gives its size. */
  jsonFile: Buffer<ArrayBuffer>;
  /** File name → the text of each CSV file, made once for the same reasons. */
  csvFiles: Map<string, string>;
}

let cached: Promise<Dataset> | undefined;

/** A taxonomy collection back as the list of terms it was read from. */
function terms(entries: readonly { id: string; data: Omit<TaxonomyTerm, 'id'> }[]): TaxonomyTerm[] {
  return entries.map(({ id, data }) => ({ id, ...data }));
}

/** The exported dataset, shaped once per build and shared by every file under `/data/` and the data page. */
export function dataset(): Promise<Dataset> {
  return (cached ??= load());
}

async function load(): Promise<Dataset> {
  const site = await siteData();
  const history = recordHistory();
  // Withdrawn records stay in the dataset, flagged by their status, after the published ones.
  const incidents = [...site.incidents, ...site.withdrawn].map(({ id, data, rendered }) => {
    const { file, ...fields } = data;
    return exportIncident(id, fields, htmlToText(rendered?.html ?? ''), SITE.url, history.get(file) ?? NO_HISTORY);
  });
  const json = exportDataset(exportHeader(buildInfo()), incidents, {
    organizations: site.organizations.map(({ id, data }) => ({ id, name: data.name, ...(data.url ? { url: data.url } : {}) })),
    taxonomy: { causes: terms(site.causes), safeguards: terms(site.safeguards) },
  });
  // Source numbers as the record pages show them: by first citation, the account's included.
  const sourceNumbers = new Map(site.incidents.map(({ id, data, rendered }) => [id, sourceCitations(data, (rendered?.metadata?.citations as string[][] | undefined) ?? []).numbers]));
  const tables = dataTables({ causes: terms(site.causes), safeguards: terms(site.safeguards), organizationNames: site.organizationNames, sourceNumbers });
  const jsonFile = Buffer.from(datasetFileText(json));
  const csvFiles = new Map(tables.map((table) => [table.file, tableCsv(table, json.incidents)]));
  return { json, tables, jsonFile, csvFiles };
}
