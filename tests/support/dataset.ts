import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DIST } from './site-setup.ts';

/** A record as the built site publishes it in /data/incidents.json. */
export interface PublishedIncident {
  id: string;
  title: string;
  occurred: { start: string | number };
  organizations: { id: string; role: string }[];
  impact: { severity: string; data_loss: string };
  automation?: { involvement: string };
  cause: { categories: string[] };
  safeguards: { kind: string; status: string }[];
  related?: string[];
  derived: { year: number };
}

/** The published dataset, read from the built site: the tests' source of truth, independent of the site's own aggregation code. */
export function publishedIncidents(): PublishedIncident[] {
  return (JSON.parse(readFileSync(join(DIST, 'data', 'incidents.json'), 'utf8')) as { incidents: PublishedIncident[] }).incidents;
}

const CONTENT = join(import.meta.dirname, '..', '..', 'content');

/** Term ids of a taxonomy file, read straight from content/. */
export function taxonomyIds(name: 'causes' | 'safeguards'): string[] {
  return (parse(readFileSync(join(CONTENT, 'taxonomy', `${name}.yaml`), 'utf8')) as { id: string }[]).map((term) => term.id);
}

/** Ids of the organization files in content/. */
export function organizationIds(): string[] {
  return readdirSync(join(CONTENT, 'organizations')).filter((name) => name.endsWith('.yaml')).map((name) => name.replace(/\.yaml$/, ''));
}
