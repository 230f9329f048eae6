import type { APIRoute } from 'astro';
import { buildInfo } from '../../build-info.ts';
import { DATA_SCHEMA_VERSION, exportIncident, htmlToText } from '../../lib/export.ts';
import { SITE } from '../../site.ts';
import { siteData } from '../../site-data.ts';

/** The whole published dataset in one JSON file. */
export const GET: APIRoute = async () => {
  const { incidents } = await siteData();
  const build = buildInfo();
  const records = incidents.map(({ id, data, rendered }) => {
    const { file: _file, ...fields } = data;
    return exportIncident(id, fields, htmlToText(rendered?.html ?? ''), SITE.url);
  });
  const body = { schema_version: DATA_SCHEMA_VERSION, built_at: build.builtAt, commit: build.commit, count: records.length, incidents: records };
  // Bytes rather than a string: at 10,000 records (75 MB) encoding a string body costs seconds of the build.
  return new Response(Buffer.from(JSON.stringify(body, null, 2)), { headers: { 'content-type': 'application/json' } });
};
