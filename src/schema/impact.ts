import { z } from 'zod';
import { TextSchema } from './primitives.ts';

/** Severity, lowest first; the rubric is in the contributing guide. */
export const SEVERITIES = ['low', 'moderate', 'high', 'critical'] as const;

/** How much data was lost for good, or (for `data_destroyed`) deleted or destroyed at all. */
export const DATA_LOSS = ['none', 'partial', 'total', 'unknown'] as const;

/** Who and what the incident affected. */
export const ImpactSchema = z.strictObject({
  /** Overall severity. */
  severity: z.enum(SEVERITIES),
  /** Who or what was affected, in a sentence or two. */
  summary: TextSchema,
  /** Data permanently lost. */
  data_loss: z.enum(DATA_LOSS),
  /** Data deleted or destroyed, even if restored later; omitted when the sources do not say. */
  data_destroyed: z.enum(DATA_LOSS).optional(),
  /** A count or a short description ("millions of users"). */
  people_affected: z.union([z.int().nonnegative(), TextSchema]).optional(),
});

export type Severity = (typeof SEVERITIES)[number];
export type Impact = z.output<typeof ImpactSchema>;
