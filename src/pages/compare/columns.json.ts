import type { APIRoute } from 'astro';
import { compareGroupOf } from '../../lib/analysis/compare-diff.ts';
import { siteData } from '../../build/site-data.ts';

/** The groups that have a columns file: the compare page asks for no file that does not exist (an unknown id is reported, not fetched). */
export const GET: APIRoute = async () => {
  const { incidents } = await siteData();
  const groups = [...new Set(incidents.map((incident) => compareGroupOf(incident.id)))].sort();
  return new Response(JSON.stringify(groups), { headers: { 'content-type': 'application/json' } });
};
