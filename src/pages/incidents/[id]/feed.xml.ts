import type { APIRoute, GetStaticPaths } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { recordHistory } from '../../../build/record-history.ts';
import { siteData } from '../../../build/site-data.ts';
import { DATA_LICENSE, NO_HISTORY } from '../../../lib/exports/export.ts';
import { feedDates } from '../../../lib/exports/feed.ts';
import { recordChanges, recordFeed } from '../../../lib/exports/record-feed.ts';
import { SITE } from '../../../site.ts';

export const getStaticPaths = (async () => {
  const { incidents, withdrawn } = await siteData();
  return [...incidents, ...withdrawn].map((incident) => ({ params: { id: incident.id }, props: { incident } }));
}) satisfies GetStaticPaths;

/** One record's corrections, claim status changes and withdrawal, as an Atom feed. */
export const GET: APIRoute<{ incident: CollectionEntry<'incidents'> }> = ({ props: { incident } }) => {
  const { data } = incident;
  const history = recordHistory().get(data.file) ?? NO_HISTORY;
  const { published } = feedDates({ id: incident.id, title: data.title, summary: data.summary, reported: data.reported ?? data.occurred.start, categories: [], history });
  const xml = recordFeed(recordChanges(data, history), { id: incident.id, title: data.title, siteName: SITE.name, siteUrl: SITE.url, license: `${DATA_LICENSE.name} (${DATA_LICENSE.id})`, fallbackUpdated: published });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
