import { CONTESTED_STATUSES, type Claim } from '../../schema/claim.ts';
import { SEVERITIES } from '../../schema/impact.ts';
import type { IncidentFields } from '../../schema/incident-fields.ts';
import { SAFEGUARD_STATUSES, type Safeguard } from '../../schema/safeguard.ts';
import type { Source } from '../../schema/source.ts';
import type { ExternalId } from '../../schema/external-id.ts';
import type { TimelineEvent } from '../../schema/timeline.ts';
import { linkExternalIds } from '../record/external-ids.ts';
import { toCsv, type CsvValue } from './csv.ts';
import { precisionOf, type ExportedIncident } from './export.ts';

/** One column of a table: its header, what it holds (shown on the data page), and how to fill it. */
export interface Column<Row> {
  name: string;
  description: string;
  value: (row: Row) => CsvValue;
}

/** A CSV file of the dataset, documented column by column. */
export interface DataTable {
  /** File name under `/data/`. */
  file: string;
  /** What one row is. */
  description: string;
  columns: { name: string; description: string }[];
  /** One row of cells per row of the table, in column order. */
  rows: (incidents: readonly ExportedIncident[]) => CsvValue[][];
}

type OrganizationRef = IncidentFields['organizations'][number];

/** Names the vocabularies that incidents.csv spells out and the data page explains. */
export interface Vocabulary {
  causes: readonly Term[];
  safeguards: readonly Term[];
  organizationNames: ReadonlyMap<string, string>;
  /** Incident id → source id → its number on the record page (sources are numbered by first citation). */
  sourceNumbers?: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** A taxonomy term as the dataset lists it. */
interface Term {
  id: string;
  name: string;
  definition?: string | undefined;
  amplifier?: boolean | undefined;
}

/** Separator of lists of ids in one cell: ids never contain it. */
export const ID_SEPARATOR = '; ';
/** Separator of lists of free text in one cell: a line break, never found inside an item. */
export const TEXT_SEPARATOR = '\n';

/** Joins ids with {@link ID_SEPARATOR}, dropping repeats. */
export function joinIds(ids: readonly string[] | undefined): string {
  return [...new Set(ids ?? [])].join(ID_SEPARATOR);
}

/** Joins free text with line breaks; line breaks inside an item become spaces so the split is exact. */
export function joinText(items: readonly string[] | undefined): string {
  return (items ?? []).map((item) => item.replace(/\s*[\r\n]+\s*/g, ' ')).join(TEXT_SEPARATOR);
}

/** Column name of the 1/0 column for one cause id: `cause_` and the id with hyphens as underscores. */
export function causeColumn(id: string): string {
  return `cause_${id.replace(/-/g, '_')}`;
}

function table<Row>(file: string, description: string, rowsOf: (incident: ExportedIncident) => Row[], columns: Column<Row>[]): DataTable {
  return {
    file,
    description,
    columns: columns.map(({ name, description: text }) => ({ name, description: text })),
    rows: (incidents) => incidents.flatMap(rowsOf).map((row) => columns.map((column) => column.value(row))),
  };
}

/** A row of a long table: the incident and one item of one of its lists, with its 1-based position. */
interface Item<T> {
  incident: ExportedIncident;
  item: T;
  position: number;
}

function itemsOf<T>(list: (incident: ExportedIncident) => readonly T[]): (incident: ExportedIncident) => Item<T>[] {
  return (incident) => list(incident).map((item, index) => ({ incident, item, position: index + 1 }));
}

const incidentId: Column<Item<unknown>> = { name: 'incident_id', description: 'Id of the incident (the `id` column of incidents.csv).', value: ({ incident }) => incident.id };
const position: Column<Item<unknown>> = { name: 'position', description: 'Place of this row within the incident, from 1, in the order of the record.', value: ({ position: n }) => n };

/** The wide table: one row per incident, with one 1/0 column per cause category. */
export function incidentsTable(vocabulary: Vocabulary): DataTable {
  const safeguardsBy = (status: Safeguard['status']): Column<ExportedIncident> => ({
    name: `safeguards_${status}`,
    description: `Kinds of safeguard whose status is ${status} (ids from the safeguard taxonomy).`,
    value: (r) => joinIds(r.safeguards.filter((s) => s.status === status).map((s) => s.kind)),
  });
  const columns: Column<ExportedIncident>[] = [
    { name: 'id', description: 'Stable record id: the file name and the URL segment.', value: (r) => r.id },
    { name: 'url', description: 'Stable URL of the record page.', value: (r) => r.url },
    { name: 'title', description: 'Headline of the record.', value: (r) => r.title },
    { name: 'summary', description: 'One neutral paragraph.', value: (r) => r.summary },
    { name: 'status', description: 'published, or withdrawn (kept as a row, left out of every count on the site).', value: (r) => r.status },
    { name: 'withdrawn_reason', description: 'Why a withdrawn record was withdrawn: duplicate, not-an-incident, unverifiable or source-retracted; empty otherwise.', value: (r) => r.withdrawn?.reason },
    { name: 'duplicate_of', description: 'The record a withdrawn duplicate duplicates; empty otherwise.', value: (r) => r.withdrawn?.duplicate_of },
    { name: 'type', description: 'incident, or near-miss (the destructive step failed or was caught before harm).', value: (r) => r.type },
    { name: 'year', description: 'Calendar year the incident began.', value: (r) => r.derived.year },
    { name: 'occurred_start', description: 'When it began, as written: YYYY, YYYY-MM, YYYY-MM-DD or an ISO datetime with zone.', value: (r) => String(r.occurred.start) },
    { name: 'occurred_end', description: 'When it ended, in the same forms; empty when unknown.', value: (r) => optionalText(r.occurred.end) },
    { name: 'precision', description: 'How precise occurred_start is: year, month, day, hour or minute.', value: (r) => r.derived.precision },
    { name: 'duration', description: 'Length of the disruption as stated (ISO 8601, e.g. PT13H); empty when not stated.', value: (r) => r.duration },
    { name: 'duration_hours', description: 'Length in hours (stated duration, else exact start to end); empty when unknown.', value: (r) => r.derived.duration_hours },
    { name: 'reported', description: 'When the incident first became public; empty when not recorded.', value: (r) => optionalText(r.reported) },
    { name: 'operators', description: `Ids of the organizations whose systems failed (role operator), joined by "; ".`, value: (r) => joinIds(idsWithRole(r.organizations, 'operator')) },
    { name: 'operator_names', description: 'Names of those organizations, one per line.', value: (r) => joinText(idsWithRole(r.organizations, 'operator').map((id) => vocabulary.organizationNames.get(id) ?? id)) },
    { name: 'organizations', description: 'Every organization involved as id:role (roles: operator, vendor, customer, reporter, regulator), joined by "; ".', value: (r) => joinIds(r.organizations.map((o) => `${o.id}:${o.role}`)) },
    { name: 'systems', description: 'Products or systems affected, one per line.', value: (r) => joinText(r.systems) },
    { name: 'regions', description: 'Regions affected, one per line; empty when not recorded.', value: (r) => joinText(r.regions) },
    { name: 'severity', description: `Overall severity: ${SEVERITIES.join(', ')}.`, value: (r) => r.impact.severity },
    { name: 'severity_rank', description: `Severity as a number for sorting: ${SEVERITIES.map((s, i) => `${i + 1} ${s}`).join(', ')}.`, value: (r) => SEVERITIES.indexOf(r.impact.severity) + 1 },
    { name: 'data_loss', description: 'Data permanently lost: none, partial, total or unknown.', value: (r) => r.impact.data_loss },
    { name: 'data_destroyed', description: 'Data deleted or destroyed, even if restored later: none, partial, total or unknown; empty when the record does not say.', value: (r) => r.impact.data_destroyed },
    { name: 'people_affected', description: 'Who was affected, as the record states it: a number or a short text.', value: (r) => r.impact.people_affected },
    { name: 'people_affected_number', description: 'The same when it is a number; empty otherwise.', value: (r) => (typeof r.impact.people_affected === 'number' ? r.impact.people_affected : null) },
    { name: 'impact_summary', description: 'Who or what was affected, in a sentence or two.', value: (r) => r.impact.summary },
    { name: 'automation_involvement', description: 'How far automation acted on its own: none, tooling, assisted (AI suggested, people acted) or agent (AI acted). none when the record has no automation block.', value: (r) => r.derived.automation_involvement },
    { name: 'automation_tool', description: 'Name of the tool, system or agent.', value: (r) => r.automation?.tool },
    { name: 'automation_requested', description: 'What people asked it to do.', value: (r) => r.automation?.requested },
    { name: 'automation_performed', description: 'What it actually did.', value: (r) => r.automation?.performed },
    { name: 'automation_permissions', description: 'What authority it held.', value: (r) => r.automation?.permissions },
    { name: 'trigger', description: 'The immediate trigger, in a sentence.', value: (r) => r.cause.trigger },
    { name: 'primary_cause', description: 'The main cause category (the first the record lists): one id per incident, for counting by cause.', value: (r) => r.derived.primary_cause },
    { name: 'causes', description: 'Every cause category of the record, main one first, joined by "; ".', value: (r) => joinIds(r.cause.categories) },
    { name: 'contested', description: 'Classifications that hang on a disputed, denied or unverified claim (cause:<id>, automation.involvement, …), joined by "; ".', value: (r) => joinIds(r.derived.contested) },
    ...vocabulary.causes.map(({ id, name }): Column<ExportedIncident> => ({
      name: causeColumn(id),
      description: `1 when the record lists the cause ${name} (${id}), else 0.`,
      value: (r) => r.cause.categories.includes(id),
    })),
    { name: 'contributing_factors', description: 'Conditions that made it possible or worse, one per line.', value: (r) => joinText(r.cause.contributing) },
    ...SAFEGUARD_STATUSES.map(safeguardsBy),
    { name: 'timeline_events', description: 'Number of timeline events (rows in timeline.csv).', value: (r) => r.derived.counts.timeline },
    { name: 'claims', description: 'Number of claims (rows in claims.csv).', value: (r) => r.derived.counts.claims },
    { name: 'claims_contested', description: 'Number of claims that are disputed or denied.', value: (r) => r.derived.counts.claims_contested },
    { name: 'safeguards', description: 'Number of safeguard entries (rows in safeguards.csv).', value: (r) => r.derived.counts.safeguards },
    { name: 'sources', description: 'Number of sources (rows in sources.csv).', value: (r) => r.derived.counts.sources },
    { name: 'body_words', description: 'Words in the written account.', value: (r) => r.derived.counts.body_words },
    { name: 'related', description: 'Ids of related incidents, joined by "; ".', value: (r) => joinIds(r.related) },
    { name: 'tags', description: 'Free keywords, joined by "; ".', value: (r) => joinIds(r.tags) },
    { name: 'record_added', description: 'When the record was first committed (ISO 8601); empty when the build had no history.', value: (r) => r.derived.history.added },
    { name: 'record_updated', description: 'When the record was last changed (ISO 8601); empty when the build had no history.', value: (r) => r.derived.history.updated },
    { name: 'record_version', description: 'The last commit that changed the record (the version its citation names); empty when the build had no history.', value: (r) => r.derived.history.version },
    { name: 'external_ids', description: 'The same incident in other databases as db:id, joined by "; " (one row each in crosswalk.csv).', value: (r) => joinIds((r.external_ids ?? []).map((e) => `${e.db}:${e.id}`)) },
    { name: 'corrections', description: 'Number of corrections made after publication.', value: (r) => r.corrections?.length ?? 0 },
  ];
  return table('incidents.csv', 'One row per incident.', (incident) => [incident], columns);
}

function idsWithRole(organizations: readonly OrganizationRef[], role: OrganizationRef['role']): string[] {
  return organizations.filter((o) => o.role === role).map((o) => o.id);
}

function optionalText(value: string | number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

const sourcesColumn: Column<Item<{ sources: string[] }>> = { name: 'sources', description: 'Ids of the sources behind it (rows of sources.csv with the same incident_id), joined by "; ".', value: ({ item }) => joinIds(item.sources) };

/** One row per timeline event. */
export const timelineTable: DataTable = table('timeline.csv', 'One row per timeline event, in chronological order within each incident.', itemsOf<TimelineEvent>((r) => r.timeline), [
  incidentId,
  position,
  { name: 'at', description: 'When it happened, as written (same forms as occurred_start).', value: ({ item }) => String(item.at) },
  { name: 'precision', description: 'How precise `at` is: year, month, day, hour or minute.', value: ({ item }) => precisionOf(item.at, item.precision) },
  { name: 'kind', description: 'Role of the event: trigger, detection, response, recovery, disclosure or followup; empty when not given.', value: ({ item }) => item.kind },
  { name: 'event', description: 'What happened.', value: ({ item }) => item.event },
  sourcesColumn,
]);

/** One row per claim; the parties on each side are in claim-parties.csv. */
export const claimsTable: DataTable = table('claims.csv', 'One row per claim: a statement that is disputed, denied, unverified, confirmed or retracted.', itemsOf<Claim>((r) => r.claims), [
  incidentId,
  { name: 'claim_id', description: 'Id of the claim, unique within the incident (the record page anchors it as #claim-<id>).', value: ({ item }) => item.id },
  position,
  { name: 'status', description: 'disputed, denied, unverified, confirmed or retracted.', value: ({ item }) => item.status },
  { name: 'contested', description: '1 when the status is disputed or denied, else 0.', value: ({ item }) => CONTESTED_STATUSES.includes(item.status) },
  { name: 'concerns', description: 'The classifications this claim decides (cause:<id>, automation.involvement, …), joined by "; "; contested while the status is disputed, denied or unverified.', value: ({ item }) => joinIds(item.concerns) },
  { name: 'history', description: 'Earlier statuses, oldest first, one per line as "date status"; empty when it never changed.', value: ({ item }) => joinText(item.history?.map((step) => `${step.date} ${step.status}`)) },
  { name: 'statement', description: 'The statement, as neutrally as it can be put.', value: ({ item }) => item.statement },
  { name: 'asserted_by', description: 'Parties that assert it, one per line.', value: ({ item }) => joinText(item.asserted_by.map((a) => a.party)) },
  { name: 'disputed_by', description: 'Parties that dispute or deny it, one per line; empty when none.', value: ({ item }) => joinText(item.disputed_by?.map((d) => d.party)) },
  { name: 'sources', description: 'Ids of every source cited by either side, joined by "; ".', value: ({ item }) => joinIds([...item.asserted_by, ...(item.disputed_by ?? [])].flatMap((side) => side.sources)) },
]);

interface Party {
  claim: Claim;
  side: 'asserts' | 'disputes';
  party: string;
  position?: string | undefined;
  sources: string[];
}

/** One row per party to a claim, on either side. */
export const claimPartiesTable: DataTable = table(
  'claim-parties.csv',
  'One row per party to a claim: who asserts it and who disputes it, in their own terms.',
  itemsOf<Party>((r) =>
    r.claims.flatMap((claim) => [
      ...claim.asserted_by.map((a) => ({ claim, side: 'asserts' as const, ...a })),
      ...(claim.disputed_by ?? []).map((d) => ({ claim, side: 'disputes' as const, ...d })),
    ]),
  ),
  [
    incidentId,
    { name: 'claim_id', description: 'The claim (claim_id in claims.csv).', value: ({ item }) => item.claim.id },
    { name: 'side', description: 'asserts or disputes.', value: ({ item }) => item.side },
    { name: 'party', description: 'Who asserts or disputes the claim, as the record names them.', value: ({ item }) => item.party },
    { name: 'position', description: 'Their position in their own terms; empty when the statement says it all.', value: ({ item }) => item.position },
    sourcesColumn,
  ],
);

/** One row per safeguard entry. */
export function safeguardsTable(vocabulary: Pick<Vocabulary, 'safeguards'>): DataTable {
  const names = new Map(vocabulary.safeguards.map((term) => [term.id, term.name]));
  return table('incident-safeguards.csv', 'One row per safeguard entry of a record: a safeguard and how it fared, or that it was added or recommended afterwards.', itemsOf<Safeguard>((r) => r.safeguards), [
    incidentId,
    position,
    { name: 'kind', description: 'Id from the safeguard taxonomy (listed below).', value: ({ item }) => item.kind },
    { name: 'kind_name', description: 'Display name of that kind.', value: ({ item }) => names.get(item.kind) ?? item.kind },
    { name: 'status', description: `${SAFEGUARD_STATUSES.join(', ')}.`, value: ({ item }) => item.status },
    { name: 'description', description: 'What the safeguard was or is, concretely.', value: ({ item }) => item.description },
    sourcesColumn,
  ]);
}

/** One row per source, in the order the record lists them. */
export function sourcesTable(vocabulary: Pick<Vocabulary, 'sourceNumbers'>): DataTable {
  return table('sources.csv', 'One row per source a record cites.', itemsOf<Source>((r) => r.sources), [
  incidentId,
  { name: 'source_id', description: 'Id of the source, unique within the incident.', value: ({ item }) => item.id },
  {
    name: 'number',
    description: 'Its number on the record page, where citations read [1], [2]…: sources are numbered in the order the page first cites them.',
    value: ({ incident, item, position: n }) => vocabulary.sourceNumbers?.get(incident.id)?.get(item.id) ?? n,
  },
  { name: 'title', description: 'Title as published.', value: ({ item }) => item.title },
  { name: 'publisher', description: 'Who published it.', value: ({ item }) => item.publisher },
  { name: 'url', description: 'Where it can be read.', value: ({ item }) => item.url },
  { name: 'published', description: 'When it was published; empty when not recorded.', value: ({ item }) => optionalText(item.published) },
  { name: 'kind', description: 'postmortem, statement, regulator, first-hand, news or analysis.', value: ({ item }) => item.kind },
  { name: 'archived', description: 'An archived copy; empty when none is recorded.', value: ({ item }) => item.archived },
  { name: 'copy_of_publisher', description: 'When the page read republishes another outlet\'s article: who published the original; empty otherwise.', value: ({ item }) => item.copy_of?.publisher },
  { name: 'copy_of_url', description: 'Where the original is, when known.', value: ({ item }) => item.copy_of?.url },
  ]);
}

/** `crosswalk.csv`: one row per external id, the same incident in another database. */
export const crosswalkTable: DataTable = table('crosswalk.csv', 'One row per id of the same incident in another incident or vulnerability database.', itemsOf<ExternalId>((r) => r.external_ids ?? []), [
  incidentId,
  { name: 'db', description: 'The database: aiid, oecd-aim, aiaaic, void, atlas, avid, cve or ghsa.', value: ({ item }) => item.db },
  { name: 'external_id', description: 'The id there, as that database writes it.', value: ({ item }) => item.id },
  { name: 'url', description: 'Its entry in that database; empty where the database has no page per entry (void).', value: ({ item }) => linkExternalIds([item])[0]!.url },
]);

/** One row per organization named by a record. */
export function organizationsTable(vocabulary: Pick<Vocabulary, 'organizationNames'>): DataTable {
  return table('incident-organizations.csv', 'One row per organization a record names, with its role: for counting incidents by operator or vendor.', itemsOf<OrganizationRef>((r) => r.organizations), [
    incidentId,
    { name: 'organization_id', description: 'Id of the organization.', value: ({ item }) => item.id },
    { name: 'name', description: 'Its name.', value: ({ item }) => vocabulary.organizationNames.get(item.id) ?? item.id },
    { name: 'role', description: 'operator, vendor, customer, reporter or regulator.', value: ({ item }) => item.role },
  ]);
}

/** A taxonomy as a table of its own: one row per term, with its name and definition. */
export function taxonomyTable(file: string, description: string, terms: readonly Term[], amplifiers: boolean): DataTable {
  const columns: Column<Term>[] = [
    { name: 'id', description: 'Id of the term, as the records and the other tables use it.', value: (t) => t.id },
    { name: 'name', description: 'Display name.', value: (t) => t.name },
    { name: 'definition', description: 'What the term means, as contributors apply it.', value: (t) => t.definition },
    ...(amplifiers ? [{ name: 'amplifier', description: '1 when the cause made incidents worse or longer rather than starting them, else 0.', value: (t: Term) => t.amplifier === true }] : []),
  ];
  return {
    file,
    description,
    columns: columns.map(({ name, description: text }) => ({ name, description: text })),
    rows: () => terms.map((term) => columns.map((column) => column.value(term))),
  };
}

/** Every CSV file of the dataset, in the order the data page lists them. */
export function dataTables(vocabulary: Vocabulary): DataTable[] {
  return [
    incidentsTable(vocabulary), timelineTable, claimsTable, claimPartiesTable, safeguardsTable(vocabulary), sourcesTable(vocabulary), organizationsTable(vocabulary), crosswalkTable,
    taxonomyTable('causes.csv', 'One row per cause in the taxonomy: the ids used in incidents.csv and elsewhere, with names and definitions.', vocabulary.causes, true),
    taxonomyTable('safeguards.csv', 'One row per kind of safeguard in the taxonomy, with its name and definition.', vocabulary.safeguards, false),
  ];
}

/**
 * A table written as CSV: UTF-8 without a byte-order mark, a header row, CRLF. Without the
 * mark, Python's `csv.DictReader(open(path, newline='', encoding='utf-8'))`, pandas and R read
 * the first column name as it is; a mark would make it `\ufeffid` in Python. Excel opens it
 * through Data › From Text/CSV, choosing UTF-8 (the data page says so).
 */
export function tableCsv(dataTable: DataTable, incidents: readonly ExportedIncident[]): string {
  return toCsv(dataTable.columns.map((column) => column.name), dataTable.rows(incidents));
}
