import { parsePartialDate } from '../../core/dates.ts';
import type { RecordHistory } from './history.ts';
import { escapeXml } from '../../core/xml.ts';

/** One incident as the feed announces it. */
export interface FeedRecord {
  id: string;
  title: string;
  summary: string;
  /** When the incident first became public, or began: the date to fall back on without git history. */
  reported: string | number;
  categories: readonly { id: string; name: string }[];
  history: RecordHistory;
  /** Corrections made after publication: each is announced as an entry of its own. */
  corrections?: readonly { date: string | number; summary: string }[];
}

/** How many entries the feed lists unless told otherwise. */
export const FEED_LIMIT = 50;

export interface FeedOptions {
  siteName: string;
  siteUrl: string;
  /** When the site was built: the feed's date when no record has one. */
  builtAt: string;
  license: string;
  /** Most entries to list, most recently updated first. Default {@link FEED_LIMIT}. */
  limit?: number;
}

interface Dated extends FeedRecord {
  published: string;
  updated: string;
  /** Set on the entry announcing one correction: its position in the record, from 1. */
  correction?: number;
}

/** The entries of one record: the record itself, then one per correction, dated by the correction. */
function entriesOf(record: FeedRecord): Dated[] {
  const dates = feedDates(record);
  const corrections = (record.corrections ?? []).map((c, i): Dated => {
    const at = new Date(parsePartialDate(c.date)?.earliest ?? 0).toISOString();
    return { ...record, title: `Correction: ${record.title}`, summary: c.summary, published: at, updated: at, correction: i + 1 };
  });
  return [{ ...record, ...dates }, ...corrections];
}

/**
 * When a record was added and last updated: its git history, else the day the incident became
 * public. The fallback is a stable date, so a build without git does not mark every entry as new.
 */
export function feedDates(record: FeedRecord): { published: string; updated: string } {
  const fallback = new Date(parsePartialDate(record.reported)?.earliest ?? 0).toISOString();
  const published = record.history.added ?? fallback;
  return { published, updated: record.history.updated ?? published };
}

/** An Atom feed (RFC 4287) of new, updated and corrected incidents, most recently updated first. */
export function atomFeed(records: readonly FeedRecord[], options: FeedOptions): string {
  const dated: Dated[] = records.flatMap(entriesOf);
  dated.sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id) || (a.correction ?? 0) - (b.correction ?? 0));
  const entries = dated.slice(0, options.limit ?? FEED_LIMIT);
  const url = (path: string) => escapeXml(new URL(path, options.siteUrl).href);
  const feedUpdated = entries[0]?.updated ?? options.builtAt;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${escapeXml(options.siteName)}: new and updated incidents</title>`,
    `  <id>${url('/')}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${url('/feed.xml')}"/>`,
    `  <link rel="alternate" type="text/html" href="${url('/incidents/')}"/>`,
    `  <updated>${feedUpdated}</updated>`,
    `  <author><name>${escapeXml(options.siteName)} contributors</name></author>`,
    `  <rights>${escapeXml(options.license)}</rights>`,
    ...entries.map((entry) => atomEntry(entry, url)),
    '</feed>',
    '',
  ].join('\n');
}

function atomEntry(entry: Dated, url: (path: string) => string): string {
  const link = url(`/incidents/${entry.id}/`);
  return [
    '  <entry>',
    `    <title>${escapeXml(entry.title)}</title>`,
    `    <id>${entry.correction ? `${link}#correction-${entry.correction}` : link}</id>`,
    `    <link rel="alternate" type="text/html" href="${link}"/>`,
    `    <published>${entry.published}</published>`,
    `    <updated>${entry.updated}</updated>`,
    `    <summary>${escapeXml(entry.summary)}</summary>`,
    ...entry.categories.map((c) => `    <category term="${escapeXml(c.id)}" label="${escapeXml(c.name)}"/>`),
    '  </entry>',
  ].join('\n');
}
