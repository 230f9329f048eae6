import type { APIRoute, GetStaticPaths } from 'astro';
import { compareColumn } from '../../../lib/compare.ts';
import { siteData } from '../../../site-data.ts';

/** One incident's column of the compare table: the compare page fetches only the ones it shows. */
export const getStaticPaths = (async () => {
  const { incidents, organizationNames, causeNames, safeguardNames } = await siteData();
  const names = { organizations: organizationNames, causes: causeNames, safeguards: safeguardNames };
  return incidents.map((incident) => ({ params: { id: incident.id }, props: { column: compareColumn(incident, names) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.column), { headers: { 'content-type': 'application/json' } });
