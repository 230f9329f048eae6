import type { IncidentFields } from '../incident-fields.ts';

/** Reports one problem at a path inside the record's frontmatter. */
export type ReportIssue = (path: (string | number)[], message: string) => void;

/** A rule that relates several fields of one record; types are already checked. */
export type RecordRule = (record: IncidentFields, report: ReportIssue) => void;
