import { z } from 'zod';
import { PartialDateSchema, SourceRefsSchema, TextSchema } from './primitives.ts';

/** A change of substance made to a record after it was published. */
export const CorrectionSchema = z.strictObject({
  /** When the record was corrected. */
  date: PartialDateSchema,
  /** What changed and why, in a sentence or two. */
  summary: TextSchema,
  /** Sources that prompted the correction, when it came from new evidence. */
  sources: SourceRefsSchema.optional(),
});

export type Correction = z.output<typeof CorrectionSchema>;
