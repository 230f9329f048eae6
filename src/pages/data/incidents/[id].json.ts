import type { APIRoute, GetStaticPaths } from 'astro';
import { dataset } from '../../../dataset.ts';
import type { ExportedIncident } from '../../../lib/export.ts';

export const getStaticPaths = (async () => {
  const { json } = await dataset();
  return json.incidents.map((incident) => ({ params: { id: incident.id }, props: { incident } }));
}) satisfies GetStaticPaths;

/** One record, with the same header as the whole dataset. */
export const GET: APIRoute<{ incident: ExportedIncident }> = async ({ props }) => {
  const { json } = await dataset();
  const { schema_version, built_at, commit, license, license_url } = json;
  const body = { schema_version, built_at, commit, license, license_url, incident: props.incident };
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
