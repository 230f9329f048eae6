import type { APIRoute } from 'astro';
import { yearOfIncident } from '../../lib/record/incident.ts';
import { siteData } from '../../build/site-data.ts';

/**
 * The compare page's picker list, newest first: `[id, title, year, organizations]` per incident.
 * Fetched only when a reader starts picking.
 */
export const GET: APIRoute = async () => {
  const { incidents, organizationNames } = await siteData();
  const rows = incidents.map(({ id, data }) => [id, data.title, yearOfIncident(data), data.organizations.map((org) => organizationNames.get(org.id) ?? org.id).join(', ')]);
  return new Response(JSON.stringify(rows), { headers: { 'content-type': 'application/json' } });
};
