import type { APIRoute, GetStaticPaths } from 'astro';
import { dataset } from '../../build/dataset.ts';
import { tableCsv, type DataTable } from '../../lib/exports/export-tables.ts';

export const getStaticPaths = (async () => {
  const { tables } = await dataset();
  return tables.map((table) => ({ params: { table: table.file.replace(/\.csv$/, '') }, props: { table } }));
}) satisfies GetStaticPaths;

/** One CSV file of the dataset: incidents.csv and the long tables keyed by incident id. */
export const GET: APIRoute<{ table: DataTable }> = async ({ props }) => {
  const { json } = await dataset();
  return new Response(tableCsv(props.table, json.incidents), { headers: { 'content-type': 'text/csv; charset=utf-8; header=present' } });
};
