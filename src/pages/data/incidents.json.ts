import type { APIRoute } from 'astro';
import { dataset } from '../../dataset.ts';

/** The whole published dataset in one JSON file. */
export const GET: APIRoute = async () => {
  const { json } = await dataset();
  return new Response(JSON.stringify(json, null, 2) + '\n', { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
