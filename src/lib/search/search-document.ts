// What the search index reads for one record: a small HTML document holding the text of the
// record page's indexed sections, with the page's section ids, and the facets, sort key and
// result-card metadata. It is made from the checked record as soon as the content is loaded, so
// Pagefind can index while Astro is still rendering pages; indexing the finished pages meant
// waiting for all of them and parsing three times the HTML.
import type { IncidentFields } from '../../schema/incident-fields.ts';
import { formatPartialDate } from '../record/format-date.ts';
import { escapeHtml } from '../../core/html.ts';
import { CLAIM_STATUS_NOTES, INVOLVEMENT_LABELS, SAFEGUARD_STATUS_LABELS } from '../record/labels.ts';
import { FACETS, facetValues, sortKey } from './search-facets.ts';
import { contestedClassifications } from '../record/contested.ts';

export interface SearchDocumentNames {
  organizations: ReadonlyMap<string, string>;
  causes: ReadonlyMap<string, string>;
  safeguards: ReadonlyMap<string, string>;
}

/** The page sections whose text is searchable, by their id on the record page, in page order. */
export const SEARCHED_SECTIONS = ['timeline', 'cause', 'claims', 'safeguards', 'account', 'sources'] as const;

const text = (value: string | number) => escapeHtml(String(value));
const list = (items: readonly string[]) => (items.length ? `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>` : '');
const section = (id: string, title: string, content: string) => `<section><h2 id="${id}">${title}</h2>${content}</section>`;

/** The hidden part: facets (schema ids, as the search page's URLs use them), sort key and card metadata. */
function searchMetadata(record: IncidentFields, names: SearchDocumentNames): string {
  const values = facetValues(record);
  const organizations = record.organizations.map((org) => names.organizations.get(org.id) ?? org.id).join(', ');
  // Shown on the result card: what a reader should know before trusting the counts.
  const contested = [...contestedClassifications(record).keys()].map((concern) => (concern.startsWith('cause:') ? names.causes.get(concern.slice(6)) ?? concern : concern.replace(/^safeguard:/, '').replace('.', ' ').replace(/_/g, ' ')));
  const flags = [...(record.type === 'near-miss' ? ['near-miss'] : []), ...contested.map((what) => `contested: ${what}`)];
  return [
    `<span data-pagefind-meta="date">${text(formatPartialDate(record.occurred.start, record.occurred.precision))}</span>`,
    `<span data-pagefind-meta="organizations">${text(organizations)}</span>`,
    `<span data-pagefind-meta="severity">${text(record.impact.severity)}</span>`,
    `<span data-pagefind-meta="automation">${text(record.automation?.involvement ?? 'none')}</span>`,
    ...(flags.length ? [`<span data-pagefind-meta="flags">${text(flags.join(' · '))}</span>`] : []),
    `<span data-pagefind-sort="date">${text(sortKey(record))}</span>`,
    ...FACETS.flatMap(({ param }) => values[param].map((value) => `<span data-pagefind-filter="${param}">${text(value)}</span>`)),
  ].join('');
}

function timeline(record: IncidentFields): string {
  return list(record.timeline.map((event) => `${text(formatPartialDate(event.at, event.precision))}${event.kind ? ` ${text(event.kind)}` : ''}. ${text(event.event)}`));
}

function cause(record: IncidentFields, names: SearchDocumentNames): string {
  const { automation } = record;
  const automationFacts = automation
    ? [INVOLVEMENT_LABELS[automation.involvement], automation.tool, automation.requested, automation.performed, automation.permissions].filter((fact) => fact !== undefined)
    : [];
  return [
    `<p>Trigger. ${text(record.cause.trigger)}</p>`,
    list(record.cause.categories.map((id) => text(names.causes.get(id) ?? id))),
    list((record.cause.contributing ?? []).map(text)),
    automationFacts.length ? `<p>Automation. ${automationFacts.map(text).join('. ')}</p>` : '',
  ].join('');
}

function claims(record: IncidentFields): string {
  if (!record.claims.length) return '<p>No contested or unverified claims are recorded for this incident.</p>';
  return record.claims
    .map((claim) => {
      const sides = [...claim.asserted_by, ...(claim.disputed_by ?? [])].map((side) => `${text(side.party)}${side.position ? `: ${text(side.position)}` : ''}`);
      return `<h3 id="claim-${text(claim.id)}-status">${text(claim.status)} ${text(CLAIM_STATUS_NOTES[claim.status])}</h3><p>${text(claim.statement)}</p>${list(sides)}`;
    })
    .join('');
}

function safeguards(record: IncidentFields, names: SearchDocumentNames): string {
  if (!record.safeguards.length) return '<p>No safeguards are recorded for this incident.</p>';
  return list(record.safeguards.map((s) => `${text(names.safeguards.get(s.kind) ?? s.kind)}, ${text(SAFEGUARD_STATUS_LABELS[s.status].toLowerCase())}. ${text(s.description)}`));
}

function sources(record: IncidentFields): string {
  return list(record.sources.map((source) => `${text(source.title)}. ${text(source.publisher)}, ${text(source.kind)}`));
}

/**
 * The search document of one record. Its text is the text of the record page's title, summary
 * and searched sections (cause definitions, related incidents and the citation stay out, as
 * they repeat across records); `bodyHtml` is the body as the record page renders it, so its
 * headings keep the ids search results link to.
 */
export function searchDocument(record: IncidentFields, bodyHtml: string, names: SearchDocumentNames): string {
  return [
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${text(record.title)}</title></head><body>`,
    `<main data-pagefind-body><h1>${text(record.title)}</h1><p>${text(record.summary)}</p>`,
    `<div hidden data-pagefind-ignore>${searchMetadata(record, names)}</div>`,
    section('timeline', 'Timeline', timeline(record)),
    section('cause', 'Cause', cause(record, names)),
    section('claims', 'Claims and disputes', claims(record)),
    section('safeguards', 'Safeguards', safeguards(record, names)),
    section('account', 'Account', bodyHtml),
    section('sources', 'Sources', sources(record)),
    '</main></body></html>\n',
  ].join('');
}
