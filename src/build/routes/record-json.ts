import type { APIRoute, GetStaticPaths } from 'astro';
import { dataset } from '../dataset.ts';
import { exportRecordFile, jsonFileText, type ExportedIncident } from '../../lib/exports/export.ts';

// `/data/incidents/<id>.json` on the dev server. A build writes these files by splitting the
// whole dataset instead (src/build/integrations/record-files.ts), with the same function.

export const getStaticPaths = (async () => {
  const { json } = await dataset();
  return json.incidents.map((incident) => ({ params: { id: incident.id }, props: { incident } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ incident: ExportedIncident }> = async ({ props }) => {
  const { json } = await dataset();
  return new Response(jsonFileText(exportRecordFile(json, props.incident)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
