import { parsePartialDate } from '../../core/dates.ts';
import { escapeXml } from '../../core/xml.ts';
import type { IncidentFields } from '../../schema/incident-fields.ts';
import type { RecordHistory } from './history.ts';

/** One change to a record that its feed announces. */
export interface RecordChange {
  /** Fragment that makes the entry's id unique within the record. */
  key: string;
  title: string;
  /** ISO 8601 instant. */
  updated: string;
  summary: string;
}

/** The earliest instant of a partial date, as ISO 8601. */
const instant = (date: string | number) => new Date(parsePartialDate(date)!.earliest).toISOString();

/**
 * What changed in a record, oldest first: its corrections, each earlier status of each claim, the
 * claim's current status (dated by the record's last change, the latest it can have been set),
 * and the withdrawal. Records without corrections, claim histories or withdrawal have none.
 */
export function recordChanges(record: Pick<IncidentFields, 'claims' | 'corrections' | 'withdrawn'>, history: RecordHistory): RecordChange[] {
  const changes: RecordChange[] = [];
  (record.corrections ?? []).forEach((c, i) => changes.push({ key: `correction-${i + 1}`, title: 'Correction', updated: instant(c.date), summary: c.summary }));
  for (const claim of record.claims) {
    if (!claim.history?.length) continue;
    claim.history.forEach((step, i) => {
      const from = i === 0 ? 'recorded as' : `moved from ${claim.history![i - 1]!.status} to`;
      changes.push({ key: `claim-${claim.id}-${i + 1}`, title: `Claim ${claim.id}: ${step.status}`, updated: instant(step.date), summary: `The claim "${claim.statement}" was ${from} ${step.status}.` });
    });
    const last = claim.history.at(-1)!;
    if (last.status !== claim.status) {
      const updated = history.updated ?? instant(last.date);
      changes.push({ key: `claim-${claim.id}-${claim.history.length + 1}`, title: `Claim ${claim.id}: ${claim.status}`, updated, summary: `The claim "${claim.statement}" moved from ${last.status} to ${claim.status}.` });
    }
  }
  if (record.withdrawn) changes.push({ key: 'withdrawn', title: `Withdrawn: ${record.withdrawn.reason}`, updated: instant(record.withdrawn.date), summary: record.withdrawn.note });
  return changes.sort((a, b) => a.updated.localeCompare(b.updated) || a.key.localeCompare(b.key));
}

export interface RecordFeedOptions {
  id: string;
  title: string;
  siteName: string;
  siteUrl: string;
  license: string;
  /** When the record was added, else when the incident was made public: the feed's date when nothing changed. */
  fallbackUpdated: string;
}

/** `/incidents/<id>/feed.xml`: an Atom feed of one record's corrections and claim changes, newest first. */
export function recordFeed(changes: readonly RecordChange[], options: RecordFeedOptions): string {
  const url = (path: string) => escapeXml(new URL(path, options.siteUrl).href);
  const page = url(`/incidents/${options.id}/`);
  const newest = [...changes].reverse();
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${escapeXml(options.siteName)}: changes to ${escapeXml(options.title)}</title>`,
    `  <id>${url(`/incidents/${options.id}/feed.xml`)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${url(`/incidents/${options.id}/feed.xml`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${page}"/>`,
    `  <updated>${newest[0]?.updated ?? options.fallbackUpdated}</updated>`,
    `  <author><name>${escapeXml(options.siteName)} contributors</name></author>`,
    `  <rights>${escapeXml(options.license)}</rights>`,
    ...newest.map((change) => [
      '  <entry>',
      `    <title>${escapeXml(change.title)}</title>`,
      `    <id>${page}#${escapeXml(change.key)}</id>`,
      `    <link rel="alternate" type="text/html" href="${page}"/>`,
      `    <updated>${change.updated}</updated>`,
      `    <summary>${escapeXml(change.summary)}</summary>`,
      '  </entry>',
    ].join('\n')),
    '</feed>',
    '',
  ].join('\n');
}
