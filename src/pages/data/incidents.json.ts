import type { APIRoute } from 'astro';
import { dataset } from '../../dataset.ts';
import { jsonFileText } from '../../lib/export.ts';

/** The whole published dataset in one JSON file. */
export const GET: APIRoute = async () => {
  const { json } = await dataset();
  // Bytes rather than a string: at 10,000 records (75 MB) encoding a string body costs seconds of the build.
  return new Response(Buffer.from(jsonFileText(json)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
