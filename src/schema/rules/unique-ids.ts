import type { RecordRule, ReportIssue } from './types.ts';

function reportRepeats(values: string[], path: (string | number)[], what: string, report: ReportIssue): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) report([...path, index], `repeats ${what} "${value}"`);
    seen.add(value);
  });
}

/** Source ids, claim ids, organizations, related ids and taxonomy references are each listed once. */
export const idsAreUnique: RecordRule = (record, report) => {
  reportRepeats(record.sources.map((s) => s.id), ['sources'], 'the source id', report);
  reportRepeats(record.claims.map((c) => c.id), ['claims'], 'the claim id', report);
  reportRepeats(record.organizations.map((o) => o.id), ['organizations'], 'the organization', report);
  reportRepeats(record.cause.categories, ['cause', 'categories'], 'the category', report);
  reportRepeats(record.related ?? [], ['related'], 'the related id', report);
  reportRepeats(record.sources.map((s) => s.url), ['sources'], 'the URL', report);
  reportRepeats((record.external_ids ?? []).map((e) => `${e.db}:${e.id}`), ['external_ids'], 'the external id', report);
};
