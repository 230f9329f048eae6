/** A field of the JSON exports and what it holds, as the data page documents it. */
export interface FieldDoc {
  name: string;
  description: string;
}

/** Top-level fields of `/data/incidents.json` (the per-record files share the first five). */
export const HEADER_FIELDS: readonly FieldDoc[] = [
  { name: 'schema_version', description: 'Version of this shape: the major part changes when a field is renamed or removed, the minor part when one is added.' },
  { name: 'built_at', description: 'When the files were built (ISO 8601, UTC).' },
  { name: 'commit', description: 'Git commit of the repository the files were built from: the exact version of every record.' },
  { name: 'license', description: 'SPDX id of the data licence (CC-BY-4.0).' },
  { name: 'license_url', description: 'The licence text.' },
  { name: 'count', description: 'Number of records in incidents, withdrawn ones included (count published ones by their status).' },
  { name: 'organizations', description: 'Every organization records may name: id, name and home page.' },
  { name: 'taxonomy', description: 'The cause categories and safeguard kinds: id, name, definition, and for causes whether it is an amplifier.' },
  { name: 'incidents', description: 'The published records, newest first, then the withdrawn ones (status withdrawn). Each per-record file holds one of them as incident.' },
];

/** Fields of one exported record: the record's own fields as written, then what the export adds. */
export const RECORD_FIELDS: readonly FieldDoc[] = [
  { name: 'id', description: 'Stable record id: the file name and the URL segment.' },
  { name: 'url', description: 'Stable URL of the record page.' },
  { name: 'title', description: 'Headline: what failed and how.' },
  { name: 'short_title', description: 'Optional short label (at most 60 characters) for tables and lists; absent when the record gives none.' },
  { name: 'summary', description: 'One neutral paragraph of plain text.' },
  { name: 'status', description: 'published, or withdrawn: kept in the dataset but left out of counts, search and patterns (drafts are not exported).' },
  { name: 'withdrawn', description: 'For withdrawn records: date, reason (duplicate, not-an-incident, unverifiable or source-retracted), duplicate_of (the record it duplicates) and note.' },
  { name: 'type', description: 'incident, or near-miss: the destructive step failed or was caught before harm.' },
  { name: 'occurred', description: 'start, and optionally end and a coarser stated precision. Dates are written as precisely as the sources allow: YYYY (a number), YYYY-MM, YYYY-MM-DD or an ISO datetime with zone.' },
  { name: 'duration', description: 'ISO 8601 length of the disruption (PT13H), when stated.' },
  { name: 'reported', description: 'When the incident first became public.' },
  { name: 'organizations', description: 'List of { id, role }: operator, vendor, customer, reporter or regulator.' },
  { name: 'systems', description: 'Products or systems affected.' },
  { name: 'regions', description: 'Regions affected, when recorded.' },
  { name: 'impact', description: 'severity, summary, data_loss (data permanently lost) and optionally data_destroyed (deleted or destroyed, even if restored later) and people_affected (a number or a short text).' },
  { name: 'automation', description: 'What automation or AI did: involvement, and optionally tool, requested, performed, permissions. Absent when none was involved.' },
  { name: 'cause', description: 'trigger, categories (cause ids, main one first) and optionally contributing factors.' },
  { name: 'timeline', description: 'Events in order: at, optional precision, event, optional kind, sources.' },
  { name: 'claims', description: 'Contested or thinly sourced statements: id, statement, status, asserted_by and disputed_by (party, position, sources), and optionally concerns (the classifications the claim decides) and history (earlier statuses, oldest first: date, status, sources).' },
  { name: 'safeguards', description: 'kind (safeguard id), status, description, sources.' },
  { name: 'sources', description: 'id, title, publisher, url (the page read), kind, and optionally published, archived and copy_of (publisher, title, url of the original, when the page read republishes it).' },
  { name: 'related', description: 'Ids of related records.' },
  { name: 'tags', description: 'Free keywords.' },
  { name: 'external_ids', description: 'The same incident in other databases: db (aiid, oecd-aim, aiaaic, void, atlas, avid, cve, ghsa) and id. Also in crosswalk.csv.' },
  { name: 'corrections', description: 'Changes of substance after publication, oldest first: date, summary, optional sources.' },
  { name: 'derived', description: 'Values computed from the fields above (next table).' },
  { name: 'body_text', description: 'The written account as plain text: paragraphs separated by blank lines, list items starting "- ", citation markers removed.' },
];

/** Fields of `derived`. */
export const DERIVED_FIELDS: readonly FieldDoc[] = [
  { name: 'year', description: 'Calendar year the incident began.' },
  { name: 'precision', description: 'How precise occurred.start is: year, month, day, hour or minute.' },
  { name: 'duration_hours', description: 'Length in hours: the stated duration, else exact start to end; null when unknown.' },
  { name: 'automation_involvement', description: 'automation.involvement, or none when the record has no automation block.' },
  { name: 'primary_cause', description: 'The first cause category, which records list main cause first.' },
  { name: 'contested', description: 'Classifications that hang on a disputed, denied or unverified claim, as the claims name them: cause:<id>, safeguard:<kind>, automation.involvement, impact.severity, impact.data_loss, impact.data_destroyed or type.' },
  { name: 'counts', description: 'timeline, claims, claims_contested (disputed or denied), safeguards, sources and body_words.' },
  { name: 'history', description: 'added and updated: when the record file was first and last committed (ISO 8601); version: the hash of that last commit, which the record\'s citation names. Null when the build had no git history.' },
];
