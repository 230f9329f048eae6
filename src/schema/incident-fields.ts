import { z } from 'zod';
import { AutomationSchema } from './automation.ts';
import { CauseSchema } from './cause.ts';
import { ClaimSchema } from './claim.ts';
import { CorrectionSchema } from './correction.ts';
import { ExternalIdSchema } from './external-id.ts';
import { ImpactSchema } from './impact.ts';
import { OrganizationRefSchema } from './organization.ts';
import { DurationSchema, KebabIdSchema, PartialDateSchema, PrecisionSchema, TextSchema } from './primitives.ts';
import { SafeguardSchema } from './safeguard.ts';
import { SourceSchema } from './source.ts';
import { TimelineEventSchema } from './timeline.ts';
import { WithdrawnSchema } from './withdrawn.ts';

/**
 * Whether a record is built into the site. Drafts are validated but not published; a withdrawn
 * record keeps its URL as a tombstone page and its row in the dataset, and is left out of counts.
 */
export const RECORD_STATUSES = ['published', 'draft', 'withdrawn'] as const;

/** incident: harm happened; near-miss: the destructive step failed or was caught before harm. */
export const RECORD_TYPES = ['incident', 'near-miss'] as const;

/** When the incident happened. */
export const OccurredSchema = z.strictObject({
  /** When it began. */
  start: PartialDateSchema,
  /** When it ended (service restored), if known. */
  end: PartialDateSchema.optional(),
  /** Coarser precision than the written `start` suggests. */
  precision: PrecisionSchema.optional(),
});

/** The frontmatter fields of an incident record, each checked on its own. */
export const IncidentFieldsSchema = z.strictObject({
  /** Headline: what failed and how, without blame. */
  title: TextSchema.min(20, 'must be at least 20 characters: say what failed and how').max(140, 'must be at most 140 characters'),
  /** A short label for tables and lists where the title does not fit ("AWS Cost Explorer and Kiro"). */
  short_title: TextSchema.max(60, 'must be at most 60 characters').optional(),
  /** One neutral paragraph of plain text. */
  summary: TextSchema.min(40, 'must be at least 40 characters').max(600, 'must be at most 600 characters'),
  /** published or draft. */
  status: z.enum(RECORD_STATUSES),
  /** Why and when the record was withdrawn; required with `status: withdrawn`. */
  withdrawn: WithdrawnSchema.optional(),
  /** incident (default) or near-miss. */
  type: z.enum(RECORD_TYPES).default('incident'),
  occurred: OccurredSchema,
  /** ISO 8601 length of the disruption. */
  duration: DurationSchema.optional(),
  /** When the incident first became public. */
  reported: PartialDateSchema.optional(),
  /** Organizations involved and their roles. */
  organizations: z.array(OrganizationRefSchema).min(1, 'must name at least one organization'),
  /** Products or systems affected. */
  systems: z.array(TextSchema).min(1, 'must name at least one system'),
  /** Geographic or cloud regions affected. */
  regions: z.array(TextSchema).optional(),
  impact: ImpactSchema,
  /** What automation or AI did; omit only when none was involved. */
  automation: AutomationSchema.optional(),
  cause: CauseSchema,
  /** Events in chronological order. */
  timeline: z.array(TimelineEventSchema).min(1, 'must have at least one event'),
  /** Contested or thinly sourced statements; `[]` when there are none. */
  claims: z.array(ClaimSchema),
  /** Safeguards that held, failed, were bypassed, absent, added or recommended. */
  safeguards: z.array(SafeguardSchema),
  /** Every source the record cites. */
  sources: z.array(SourceSchema).min(1, 'must list at least one source'),
  /** Ids of related records. */
  related: z.array(KebabIdSchema).optional(),
  /** Free keywords. */
  tags: z.array(KebabIdSchema).optional(),
  /** The same incident in other databases. */
  external_ids: z.array(ExternalIdSchema).optional(),
  /** Changes of substance after publication, oldest first. */
  corrections: z.array(CorrectionSchema).optional(),
});

export type IncidentFields = z.output<typeof IncidentFieldsSchema>;
export type RecordType = (typeof RECORD_TYPES)[number];
export type RecordStatus = (typeof RECORD_STATUSES)[number];
