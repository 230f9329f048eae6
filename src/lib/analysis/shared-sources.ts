/**
 * Sources and publishers that several records cite, for the `/sources/` page: where the atlas's
 * evidence comes from, and which single reports many records lean on.
 */
import type { Source } from '../../schema/source.ts';

/** A record as these need it: its id, title and sources. */
export interface SourcedRecord {
  id: string;
  title: string;
  sources: readonly Source[];
}

/** One page cited by several records. */
export interface SharedSource {
  url: string;
  title: string;
  /** Who published it: the original's publisher when the page read is a copy. */
  publisher: string;
  /** Ids of the records citing it, in the order given. */
  records: string[];
}

/** One publisher and what the atlas cites of it. */
export interface PublisherTally {
  publisher: string;
  /** Sources of that publisher, across records. */
  sources: number;
  records: string[];
}

/** Who published a source: the original's publisher when the page read republishes it. */
export function publisherOf(source: Source): string {
  return source.copy_of?.publisher ?? source.publisher;
}

/** One form of a URL for comparing: lowercase scheme and host, no fragment, no trailing slash. */
export function comparableUrl(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href.replace(/\/$/, '');
}

/** Pages cited by more than one record, most cited first (ties by title). */
export function sharedSources(records: readonly SourcedRecord[]): SharedSource[] {
  const byUrl = new Map<string, SharedSource>();
  for (const record of records) {
    for (const source of record.sources) {
      const key = comparableUrl(source.url);
      const shared = byUrl.get(key) ?? { url: source.url, title: source.title, publisher: publisherOf(source), records: [] };
      if (!shared.records.includes(record.id)) shared.records.push(record.id);
      byUrl.set(key, shared);
    }
  }
  return [...byUrl.values()].filter((s) => s.records.length > 1).sort((a, b) => b.records.length - a.records.length || a.title.localeCompare(b.title, 'en'));
}

/** Publishers cited by more than one record, most records first (ties by name). */
export function sharedPublishers(records: readonly SourcedRecord[]): PublisherTally[] {
  const byName = new Map<string, PublisherTally>();
  for (const record of records) {
    for (const source of record.sources) {
      const name = publisherOf(source);
      const tally = byName.get(name) ?? { publisher: name, sources: 0, records: [] };
      tally.sources += 1;
      if (!tally.records.includes(record.id)) tally.records.push(record.id);
      byName.set(name, tally);
    }
  }
  return [...byName.values()].filter((p) => p.records.length > 1).sort((a, b) => b.records.length - a.records.length || a.publisher.localeCompare(b.publisher, 'en'));
}
