/**
 * The compare page's data: one column per incident, cell by cell, built at build time, and the
 * rows they fill. Cells carry display text, so the browser only lays them out; where columns differ
 * is decided in the browser by compare-diff.ts.
 */
import type { CompareItem, DiffMode } from './compare-diff.ts';
import { contestedClassifications } from '../record/contested.ts';
import { INVOLVEMENT_LABELS } from '../record/labels.ts';
import { formatDuration } from '../../core/duration.ts';
import { formatPartialDate } from '../record/format-date.ts';
import { durationMsOf } from '../record/incident.ts';
import { involvementOf, type IncidentRecord } from './patterns.ts';
import { SAFEGUARD_STATUSES, type SafeguardStatus } from '../../schema/safeguard.ts';
import { CLAIM_STATUSES } from '../../schema/claim.ts';
import { SOURCE_KINDS } from '../../schema/source.ts';

export interface CompareRow {
  key: string;
  label: string;
  /** Heading of the group of rows. */
  group: string;
  /** Section of the record page the cell links to. */
  anchor: string;
  diff: DiffMode;
}

const SAFEGUARD_ROWS: CompareRow[] = SAFEGUARD_STATUSES.map((status) => ({
  key: `safeguards-${status}`,
  label: status === 'added' ? 'Added afterwards' : status[0]!.toUpperCase() + status.slice(1),
  group: 'Safeguards',
  anchor: 'safeguards',
  diff: 'set',
}));

/** The rows of the comparison, in order, grouped. */
export const COMPARE_ROWS: readonly CompareRow[] = [
  { key: 'began', label: 'Began', group: 'When', anchor: 'timeline', diff: 'none' },
  { key: 'ended', label: 'Ended', group: 'When', anchor: 'timeline', diff: 'none' },
  { key: 'duration', label: 'Duration', group: 'When', anchor: 'timeline', diff: 'none' },
  { key: 'reported', label: 'Made public', group: 'When', anchor: 'timeline', diff: 'none' },
  { key: 'organizations', label: 'Organizations', group: 'Who and what', anchor: 'facts-heading', diff: 'set' },
  { key: 'systems', label: 'Systems', group: 'Who and what', anchor: 'facts-heading', diff: 'set' },
  { key: 'severity', label: 'Severity', group: 'Impact', anchor: 'facts-heading', diff: 'value' },
  { key: 'data-loss', label: 'Data loss', group: 'Impact', anchor: 'facts-heading', diff: 'value' },
  { key: 'affected', label: 'Affected', group: 'Impact', anchor: 'facts-heading', diff: 'none' },
  { key: 'involvement', label: 'Involvement', group: 'Automation', anchor: 'cause', diff: 'value' },
  { key: 'tool', label: 'Tool', group: 'Automation', anchor: 'cause', diff: 'none' },
  { key: 'requested', label: 'Asked to', group: 'Automation', anchor: 'cause', diff: 'none' },
  { key: 'performed', label: 'Actually did', group: 'Automation', anchor: 'cause', diff: 'none' },
  { key: 'permissions', label: 'Permissions', group: 'Automation', anchor: 'cause', diff: 'none' },
  { key: 'trigger', label: 'Trigger', group: 'Cause', anchor: 'cause', diff: 'none' },
  { key: 'causes', label: 'Categories', group: 'Cause', anchor: 'cause', diff: 'set' },
  ...SAFEGUARD_ROWS,
  { key: 'claim-statuses', label: 'Claims by status', group: 'Claims', anchor: 'claims', diff: 'set' },
  { key: 'claims', label: 'Statements', group: 'Claims', anchor: 'claims', diff: 'none' },
  { key: 'source-count', label: 'Sources', group: 'Sources', anchor: 'sources', diff: 'none' },
  { key: 'source-kinds', label: 'Kinds of source', group: 'Sources', anchor: 'sources', diff: 'set' },
];

/** One incident's column: its header and its cells by row key (absent or empty: not recorded). */
export interface CompareColumn {
  id: string;
  title: string;
  /** When it began, for the column header. */
  date: string;
  cells: Record<string, CompareItem[]>;
}

/** Display names the cells use. */
export interface CompareNames {
  organizations: ReadonlyMap<string, string>;
  causes: ReadonlyMap<string, string>;
  safeguards: ReadonlyMap<string, string>;
}

const text = (t: string | number | undefined): CompareItem[] => (t === undefined ? [] : [{ t: String(t) }]);

/** Counts items by key in a fixed order, as "2 disputed", "1 news"… */
function countedItems(values: readonly string[], order: readonly string[]): CompareItem[] {
  return order.flatMap((key) => {
    const count = values.filter((value) => value === key).length;
    return count ? [{ t: `${count} ${key}`, k: key }] : [];
  });
}

/** Builds the compare column of one record. */
export function compareColumn(record: IncidentRecord, names: CompareNames): CompareColumn {
  const { data } = record;
  const duration = durationMsOf(data);
  const automation = data.automation;
  const involvement = involvementOf(record);
  // A classification that hangs on an unsettled claim says so in its cell; its key still compares.
  const contested = contestedClassifications(data);
  const mark = (concern: string) => (contested.has(concern as never) ? ' (contested)' : '');
  const cells: Record<string, CompareItem[]> = {
    began: text(formatPartialDate(data.occurred.start, data.occurred.precision)),
    ended: text(data.occurred.end === undefined ? undefined : formatPartialDate(data.occurred.end)),
    duration: text(duration === undefined ? undefined : `${data.duration ? 'about ' : ''}${formatDuration(duration)}`),
    reported: text(data.reported === undefined ? undefined : formatPartialDate(data.reported)),
    organizations: data.organizations.map((org) => ({ t: `${names.organizations.get(org.id) ?? org.id} (${org.role})`, k: org.id })),
    systems: data.systems.map((system) => ({ t: system })),
    severity: [{ t: data.impact.severity, tone: data.impact.severity }],
    'data-loss': [{ t: data.impact.data_loss, tone: data.impact.data_loss === 'none' ? 'none-loss' : data.impact.data_loss }],
    affected: text(typeof data.impact.people_affected === 'number' ? data.impact.people_affected.toLocaleString('en') : data.impact.people_affected),
    involvement: [{ t: automation ? `${INVOLVEMENT_LABELS[involvement]}${mark('automation.involvement')}` : 'none recorded', k: involvement, ...(involvement === 'none' ? {} : { tone: involvement }) }],
    tool: text(automation?.tool),
    requested: text(automation?.requested),
    performed: text(automation?.performed),
    permissions: text(automation?.permissions),
    trigger: text(data.cause.trigger),
    causes: [...new Set(data.cause.categories)].map((id) => ({ t: `${names.causes.get(id) ?? id}${mark(`cause:${id}`)}`, k: id })),
    'claim-statuses': countedItems(data.claims.map((claim) => claim.status), CLAIM_STATUSES),
    claims: data.claims.map((claim) => ({ t: claim.statement, b: claim.status, tone: claim.status })),
    'source-count': text(data.sources.length),
    'source-kinds': countedItems(data.sources.map((source) => source.kind), SOURCE_KINDS),
  };
  for (const status of SAFEGUARD_STATUSES) cells[`safeguards-${status}`] = safeguardItems(record, status, names);
  for (const [key, items] of Object.entries(cells)) if (!items.length) delete cells[key];
  return { id: record.id, title: data.title, date: cells.began![0]!.t, cells };
}

function safeguardItems(record: IncidentRecord, status: SafeguardStatus, names: CompareNames): CompareItem[] {
  const kinds = new Set(record.data.safeguards.filter((s) => s.status === status).map((s) => s.kind));
  return [...kinds].map((kind) => ({ t: names.safeguards.get(kind) ?? kind, k: kind }));
}

/** The group headings in row order, each with its rows. */
export function rowGroups(rows: readonly CompareRow[] = COMPARE_ROWS): { group: string; rows: CompareRow[] }[] {
  const groups: { group: string; rows: CompareRow[] }[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last?.group === row.group) last.rows.push(row);
    else groups.push({ group: row.group, rows: [row] });
  }
  return groups;
}
