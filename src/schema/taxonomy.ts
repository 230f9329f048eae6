import { z } from 'zod';
import { KebabIdSchema, TextSchema } from './primitives.ts';

/** One term of a taxonomy (`content/taxonomy/causes.yaml`, `safeguards.yaml`). */
export const TaxonomyTermSchema = z.strictObject({
  /** Stable id that records cite. */
  id: KebabIdSchema,
  /** Short display name. */
  name: TextSchema,
  /** What the term means, so two contributors classify alike. */
  definition: TextSchema,
  /** Causes only: true for impact amplifiers, which made things worse rather than started them. */
  amplifier: z.boolean().optional(),
});

/** A taxonomy file: a list of terms with unique ids. */
export const TaxonomySchema = z.array(TaxonomyTermSchema).min(1);

export type TaxonomyTerm = z.output<typeof TaxonomyTermSchema>;
