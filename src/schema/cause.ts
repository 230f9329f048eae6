import { z } from 'zod';
import { KebabIdSchema, TextSchema } from './primitives.ts';

/** Why the incident happened. */
export const CauseSchema = z.strictObject({
  /** The immediate trigger, in a sentence. */
  trigger: TextSchema,
  /** Ids from `content/taxonomy/causes.yaml`, the main one first. */
  categories: z.array(KebabIdSchema).min(1, 'must name at least one cause category'),
  /** Conditions that made it possible or worse. */
  contributing: z.array(TextSchema).optional(),
});

export type Cause = z.output<typeof CauseSchema>;
