import type { APIRoute } from 'astro';
import { dataset } from '../../build/dataset.ts';
import { datasetFileText } from '../../lib/exports/export.ts';

/** The whole published dataset in one JSON file. */
export const GET: APIRoute = async () => {
  const { json } = await dataset();
  // Bytes rather than a string: at 10,000 records (50 MB) encoding a string body costs seconds of the build.
  return new Response(Buffer.from(datasetFileText(json)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
