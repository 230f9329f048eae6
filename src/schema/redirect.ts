import { z } from 'zod';
import { KebabIdSchema, PartialDateSchema } from './primitives.ts';

/** A renamed record: its old id keeps working as a redirect to the new one. */
export const RedirectSchema = z.strictObject({
  /** The id the record had. */
  from: KebabIdSchema,
  /** The id it has now; must be a record. */
  to: KebabIdSchema,
  /** When it was renamed. */
  renamed: PartialDateSchema.optional(),
});

/** `content/redirects.yaml`: every rename, ever. Entries are never removed. */
export const RedirectsSchema = z.array(RedirectSchema);

export type Redirect = z.output<typeof RedirectSchema>;
