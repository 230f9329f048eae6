import { z } from 'zod';
import { KebabIdSchema, PartialDateSchema, SourceRefsSchema, TextSchema } from './primitives.ts';
import { CLAIM_STATUSES } from './claim-status.ts';

export { CLAIM_STATUSES, CONTESTED_STATUSES, UNSETTLED_STATUSES, type ClaimStatus } from './claim-status.ts';

/** Fields of the record whose value a claim can decide (besides `cause:<id>` and `safeguard:<kind>`). */
export const CONCERN_FIELDS = ['automation.involvement', 'impact.severity', 'impact.data_loss', 'impact.data_destroyed', 'type'] as const;

/**
 * A classification of the record that a claim decides: a cause category (`cause:<id>`), a
 * safeguard entry (`safeguard:<kind>`), or one of {@link CONCERN_FIELDS}.
 */
export const ConcernSchema = z.union([z.templateLiteral(['cause:', KebabIdSchema]), z.templateLiteral(['safeguard:', KebabIdSchema]), z.enum(CONCERN_FIELDS)], {
  error: `must be cause:<id>, safeguard:<kind> or one of ${CONCERN_FIELDS.join(', ')}`,
});

/** An earlier status of a claim: when it held and which sources set it. */
export const ClaimStepSchema = z.strictObject({
  /** From when the claim stood so. */
  date: PartialDateSchema,
  /** Its status then. */
  status: z.enum(CLAIM_STATUSES),
  /** The sources that set that status. */
  sources: SourceRefsSchema,
});

/** A party that asserts a claim. */
export const AssertionSchema = z.strictObject({
  /** Who asserts it. */
  party: TextSchema,
  /** Their position in their own terms, when it adds to the statement. */
  position: TextSchema.optional(),
  /** Where they assert it. */
  sources: SourceRefsSchema,
});

/** A party that disputes or denies a claim. */
export const DisputeSchema = z.strictObject({
  /** Who disputes it. */
  party: TextSchema,
  /** What they say instead. */
  position: TextSchema,
  /** Where they say it. */
  sources: SourceRefsSchema,
});

/** A statement that is contested, single-sourced, retracted or later confirmed, with both sides. */
export const ClaimSchema = z.strictObject({
  /** Short id, unique within the record (anchors link to it). */
  id: KebabIdSchema,
  /** The statement, as neutrally as it can be put. */
  statement: TextSchema,
  /** Where it stands. */
  status: z.enum(CLAIM_STATUSES),
  /** Who asserts it. */
  asserted_by: z.array(AssertionSchema).min(1, 'must name at least one party that asserts the claim'),
  /** Who disputes or denies it; required when the status is disputed or denied. */
  disputed_by: z.array(DisputeSchema).optional(),
  /** The classifications this claim decides; contested while it is disputed, denied or unverified. */
  concerns: z.array(ConcernSchema).optional(),
  /** Earlier statuses, oldest first; the current one is `status`. */
  history: z.array(ClaimStepSchema).optional(),
});

export type Claim = z.output<typeof ClaimSchema>;
export type Concern = z.output<typeof ConcernSchema>;
export type ClaimStep = z.output<typeof ClaimStepSchema>;
