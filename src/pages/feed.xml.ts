import type { APIRoute } from 'astro';
import { buildInfo } from '../build/build-info.ts';
import { DATA_LICENSE, NO_HISTORY } from '../lib/exports/export.ts';
import { atomFeed } from '../lib/exports/feed.ts';
import { recordHistory } from '../build/record-history.ts';
import { SITE } from '../site.ts';
import { siteData } from '../build/site-data.ts';

/** Atom feed of new and updated incidents, dated by the git history of each record file. */
export const GET: APIRoute = async () => {
  const { incidents, causeNames } = await siteData();
  const history = recordHistory();
  const records = incidents.map(({ id, data }) => ({
    id,
    title: data.title,
    summary: data.summary,
    reported: data.reported ?? data.occurred.start,
    categories: data.cause.categories.map((category) => ({ id: category, name: causeNames.get(category) ?? category })),
    history: history.get(data.file) ?? NO_HISTORY,
    ...(data.corrections ? { corrections: data.corrections } : {}),
  }));
  const xml = atomFeed(records, { siteName: SITE.name, siteUrl: SITE.url, builtAt: buildInfo().builtAt, license: `${DATA_LICENSE.name} (${DATA_LICENSE.id})` });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
