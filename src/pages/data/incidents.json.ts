import type { APIRoute } from 'astro';
import { dataset } from '../../build/dataset.ts';

/** The whole published dataset in one JSON file. */
export const GET: APIRoute = async () => {
  // Bytes rather than a string: at 10,000 records (50 MB) encoding a string body costs seconds of the build.
  const { jsonFile } = await dataset();
  return new Response(jsonFile, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
