import { z } from 'zod';
import { KebabIdSchema, PartialDateSchema, TextSchema } from './primitives.ts';

/** Why a record was withdrawn. */
export const WITHDRAWAL_REASONS = ['duplicate', 'not-an-incident', 'unverifiable', 'source-retracted'] as const;

/** Why and when a published record was withdrawn; its URL stays alive as a tombstone page. */
export const WithdrawnSchema = z.strictObject({
  /** When it was withdrawn. */
  date: PartialDateSchema,
  /** duplicate, not-an-incident, unverifiable or source-retracted. */
  reason: z.enum(WITHDRAWAL_REASONS),
  /** The record that describes the same incident; required when the reason is duplicate. */
  duplicate_of: KebabIdSchema.optional(),
  /** What readers should know, in a sentence or two. */
  note: TextSchema,
});

export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];
export type Withdrawn = z.output<typeof WithdrawnSchema>;
