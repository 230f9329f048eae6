import { z } from 'zod';
import { KebabIdSchema, SourceRefsSchema, TextSchema } from './primitives.ts';

/** Where a contested or thinly sourced statement stands. */
export const CLAIM_STATUSES = ['disputed', 'denied', 'unverified', 'confirmed', 'retracted'] as const;

/** Statuses that mean someone contests the statement, so the other side must be given. */
export const CONTESTED_STATUSES: readonly ClaimStatus[] = ['disputed', 'denied'];

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
});

export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export type Claim = z.output<typeof ClaimSchema>;
