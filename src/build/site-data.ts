import { getCollection, type CollectionEntry } from 'astro:content';
import { handedOverRecords } from './built-records.ts';
import { newestFirst } from '../lib/record/incident.ts';
import { buildPatterns, type Patterns } from '../lib/analysis/patterns.ts';
import { relatedFinder, type RelatedIncident } from '../lib/analysis/similarity.ts';

export interface SiteData {
  /** Published incidents, newest first: everything counted, searched and compared. */
  incidents: CollectionEntry<'incidents'>[];
  /** Withdrawn records, newest first: tombstone pages and dataset rows, counted nowhere. */
  withdrawn: CollectionEntry<'incidents'>[];
  byId: Map<string, CollectionEntry<'incidents'>>;
  organizations: CollectionEntry<'organizations'>[];
  organizationNames: Map<string, string>;
  causes: CollectionEntry<'causes'>[];
  safeguards: CollectionEntry<'safeguards'>[];
  causeNames: Map<string, string>;
  safeguardNames: Map<string, string>;
}

let cached: Promise<SiteData> | undefined;

/** Everything pages share, read from the collections once per build rather than once per page. */
export function siteData(): Promise<SiteData> {
  return (cached ??= load());
}

async function load(): Promise<SiteData> {
  const [incidents, organizations, causes, safeguards] = await Promise.all([
    handedOverRecords() ?? getCollection('incidents'),
    getCollection('organizations'),
    getCollection('causes'),
    getCollection('safeguards'),
  ]);
  const sorted = newestFirst(incidents.filter((incident) => incident.data.status === 'published'));
  return {
    incidents: sorted,
    withdrawn: newestFirst(incidents.filter((incident) => incident.data.status === 'withdrawn')),
    byId: new Map(sorted.map((incident) => [incident.id, incident])),
    organizations,
    organizationNames: new Map(organizations.map((org) => [org.id, org.data.name])),
    causes,
    safeguards,
    causeNames: new Map(causes.map((term) => [term.id, term.data.name])),
    safeguardNames: new Map(safeguards.map((term) => [term.id, term.data.name])),
  };
}

let cachedPatterns: Promise<Patterns> | undefined;

/**
 * Aggregates over the whole collection (pattern pages, timeline, organizations). Computed on
 * first use and shared by every page of the build.
 */
export function sitePatterns(): Promise<Patterns> {
  return (cachedPatterns ??= siteData().then(({ incidents, causes, safeguards }) =>
    buildPatterns(incidents, { causes: causes.map((term) => term.id), safeguards: safeguards.map((term) => term.id) })));
}

let cachedRelated: Promise<(id: string) => RelatedIncident[]> | undefined;

/** Related incidents of a record (listed ones first), from one index of the collection shared by every record page. */
export function siteRelated(): Promise<(id: string) => RelatedIncident[]> {
  return (cachedRelated ??= siteData().then(({ incidents }) => relatedFinder(incidents)));
}
