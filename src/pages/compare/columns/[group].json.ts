import type { APIRoute, GetStaticPaths } from 'astro';
import { compareColumn, type CompareColumn } from '../../../lib/analysis/compare.ts';
import { compareGroupOf } from '../../../lib/analysis/compare-diff.ts';
import { siteData } from '../../../build/site-data.ts';

/** The compare columns of a group of incidents, by id: the compare page fetches only the groups it shows. */
export const getStaticPaths = (async () => {
  const { incidents, organizationNames, causeNames, safeguardNames } = await siteData();
  const names = { organizations: organizationNames, causes: causeNames, safeguards: safeguardNames };
  const groups = new Map<string, Record<string, CompareColumn>>();
  for (const incident of incidents) {
    const group = compareGroupOf(incident.id);
    const columns = groups.get(group) ?? {};
    columns[incident.id] = compareColumn(incident, names);
    groups.set(group, columns);
  }
  return [...groups].map(([group, columns]) => ({ params: { group }, props: { columns } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ columns: Record<string, CompareColumn> }> = ({ props }) =>
  new Response(JSON.stringify(props.columns), { headers: { 'content-type': 'application/json' } });
