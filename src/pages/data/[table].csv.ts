import type { APIRoute, GetStaticPaths } from 'astro';
import { dataset } from '../../build/dataset.ts';
import type { DataTable } from '../../lib/exports/export-tables.ts';

export const getStaticPaths = (async () => {
  const { tables } = await dataset();
  return tables.map((table) => ({ params: { table: table.file.replace(/\.csv$/, '') }, props: { table } }));
}) satisfies GetStaticPaths;

/** One CSV file of the dataset: incidents.csv, the long tables keyed by incident id, and the taxonomies. */
export const GET: APIRoute<{ table: DataTable }> = async ({ props }) => {
  const { csvFiles } = await dataset();
  return new Response(csvFiles.get(props.table.file)!, { headers: { 'content-type': 'text/csv; charset=utf-8; header=present' } });
};
