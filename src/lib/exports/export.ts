import type { Involvement } from '../../schema/automation.ts';
import { CONTESTED_STATUSES } from '../../schema/claim.ts';
import type { IncidentFields } from '../../schema/incident-fields.ts';
import type { TaxonomyTerm } from '../../schema/taxonomy.ts';
import { parsePartialDate, withPrecision, type Precision } from '../../core/dates.ts';
import { durationHours } from '../../core/duration.ts';
import type { RecordHistory } from './history.ts';
import { contestedClassifications } from '../record/contested.ts';
import { durationMsOf, wordCount, yearOfIncident } from '../record/incident.ts';

/**
 * Version of the exported shape, semver-style: the major part changes when a field is renamed
 * or removed, the minor part when fields are added. Scripts can check it before reading.
 */
export const DATA_SCHEMA_VERSION = '1.1.0';

/** Licence of the data (records, taxonomy and every export), as an SPDX id and a link. */
export const DATA_LICENSE = { id: 'CC-BY-4.0', name: 'Creative Commons Attribution 4.0 International', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;

/** Licence of the code that builds the site. */
export const CODE_LICENSE = { id: 'MIT', name: 'MIT License', url: 'https://opensource.org/license/mit' } as const;

/** Values computed from a record's fields, so that researchers need not recompute them. */
export interface DerivedValues {
  /** Calendar year the incident began. */
  year: number;
  /** How precise `occurred.start` is: from its written form, or the coarser stated `occurred.precision`. */
  precision: Precision;
  /** Length of the disruption in hours (two decimals): `duration`, else exact start to end; null when unknown. */
  duration_hours: number | null;
  /** `automation.involvement`, or `none` when the record has no automation block. */
  automation_involvement: Involvement;
  /** The first of `cause.categories`, which records list main cause first. */
  primary_cause: string;
  /** Classifications named by a disputed, denied or unverified claim's `concerns` (`cause:<id>`, `automation.involvement`…). */
  contested: string[];
  counts: {
    timeline: number;
    claims: number;
    /** Claims whose status is disputed or denied. */
    claims_contested: number;
    safeguards: number;
    sources: number;
    /** Words in the body text. */
    body_words: number;
  };
  /** When the record file was first and last committed (ISO 8601) and its last commit (the version citations name); null when the build had no git history. */
  history: RecordHistory;
}

/** One record as researchers download it: every field, derived values, and the body as plain text. */
export interface ExportedIncident extends IncidentFields {
  id: string;
  url: string;
  derived: DerivedValues;
  body_text: string;
}

/** Where no git history was available: both dates unknown. */
export const NO_HISTORY: RecordHistory = { added: null, updated: null, version: null };

/** How precise a partial date is, honouring a coarser stated precision. */
export function precisionOf(value: string | number, stated?: Precision): Precision {
  const parsed = parsePartialDate(value);
  if (!parsed) throw new Error(`not a partial date: ${value}`);
  return (stated ? withPrecision(parsed, stated) : parsed).precision;
}

/** Adds the derived values to a record's fields. */
export function exportIncident(id: string, data: IncidentFields, bodyText: string, siteUrl: string, history: RecordHistory = NO_HISTORY): ExportedIncident {
  const duration = durationMsOf(data);
  return {
    id,
    url: new URL(`/incidents/${id}/`, siteUrl).href,
    ...data,
    derived: {
      year: yearOfIncident(data),
      precision: precisionOf(data.occurred.start, data.occurred.precision),
      duration_hours: duration === undefined ? null : durationHours(duration),
      automation_involvement: data.automation?.involvement ?? 'none',
      primary_cause: data.cause.categories[0]!,
      contested: [...contestedClassifications(data).keys()],
      counts: {
        timeline: data.timeline.length,
        claims: data.claims.length,
        claims_contested: data.claims.filter((claim) => CONTESTED_STATUSES.includes(claim.status)).length,
        safeguards: data.safeguards.length,
        sources: data.sources.length,
        body_words: wordCount(bodyText),
      },
      history,
    },
    body_text: bodyText,
  };
}

/** The build a set of exports was made from. */
export interface ExportHeader {
  schema_version: string;
  built_at: string;
  commit: string;
  license: string;
  license_url: string;
}

/** The header every JSON export starts with. */
export function exportHeader(build: { builtAt: string; commit: string }): ExportHeader {
  return { schema_version: DATA_SCHEMA_VERSION, built_at: build.builtAt, commit: build.commit, license: DATA_LICENSE.id, license_url: DATA_LICENSE.url };
}

/** `/data/incidents.json`: the header, the vocabularies records refer to, and every record. */
export interface ExportedDataset extends ExportHeader {
  count: number;
  organizations: { id: string; name: string; url?: string }[];
  taxonomy: { causes: TaxonomyTerm[]; safeguards: TaxonomyTerm[] };
  incidents: ExportedIncident[];
}

/** Assembles the whole dataset file. */
export function exportDataset(
  header: ExportHeader,
  incidents: ExportedIncident[],
  vocabularies: Pick<ExportedDataset, 'organizations' | 'taxonomy'>,
): ExportedDataset {
  return { ...header, count: incidents.length, ...vocabularies, incidents };
}

/** `/data/incidents/<id>.json`: one record, with the same header as the whole dataset. */
export interface ExportedRecordFile extends ExportHeader {
  incident: ExportedIncident;
}

/** One record's file, from the whole dataset. */
export function exportRecordFile(dataset: ExportedDataset, incident: ExportedIncident): ExportedRecordFile {
  const { schema_version, built_at, commit, license, license_url } = dataset;
  return { schema_version, built_at, commit, license, license_url, incident };
}

/** Small JSON files are written indented, one value per line, ending in a newline. */
export const jsonFileText = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

/**
 * `/data/incidents.json`: the header and vocabularies on the first line, then each record on a
 * line of its own, so the file can be read by line as well as parsed whole. Indenting it all
 * made it half as large again and took seconds at 10,000 records.
 */
export function datasetFileText({ incidents, ...header }: ExportedDataset): string {
  const head = JSON.stringify(header).slice(0, -1);
  return `${head},"incidents":[\n${incidents.map((incident) => JSON.stringify(incident)).join(',\n')}\n]}\n`;
}

/** Entities the body renderer and HTML in general produce, decoded in one pass so nothing is decoded twice. */
const ENTITY = /&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(_: string, name: string): string {
  if (name[0] !== '#') return NAMED[name.toLowerCase()]!;
  const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
  return String.fromCodePoint(code);
}

/**
 * Plain text of a rendered body: paragraphs and headings separated by blank lines, list items
 * on lines of their own starting "- ", table cells separated by tabs. Citation markers and
 * footnote back-links are dropped; entities are decoded.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<sup class="cite"[^>]*>.*?<\/sup>/gs, '')
    .replace(/<a [^>]*aria-label="Back to the text"[^>]*>.*?<\/a>/gs, '')
    .replace(/\s+/g, ' ')
    .replace(/<li\b[^>]*>/g, '\n- ')
    .replace(/<br\b[^>]*>/g, '\n')
    .replace(/<\/(?:p|h[1-6]|blockquote|pre|aside|ul|ol|table|section|div)>|<hr\b[^>]*>/g, '\n\n')
    .replace(/<\/tr>/g, '\n')
    .replace(/<\/t[dh]>/g, '\t')
    .replace(/<[^>]*>/g, '')
    .replace(ENTITY, decodeEntity)
    .split('\n')
    .map((line) => line.replace(/ +/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
