import { z } from 'zod';
import { KebabIdSchema, SourceRefsSchema, TextSchema } from './primitives.ts';

/** What became of a safeguard in the incident, from best to worst, then after the fact. */
export const SAFEGUARD_STATUSES = ['held', 'failed', 'bypassed', 'absent', 'added', 'recommended'] as const;

/** One safeguard and how it fared. */
export const SafeguardSchema = z.strictObject({
  /** Id from `content/taxonomy/safeguards.yaml`. */
  kind: KebabIdSchema,
  /** How it fared, or whether it came after. */
  status: z.enum(SAFEGUARD_STATUSES),
  /** What the safeguard was or is, concretely. */
  description: TextSchema,
  /** Where this is reported. */
  sources: SourceRefsSchema,
});

export type SafeguardStatus = (typeof SAFEGUARD_STATUSES)[number];
export type Safeguard = z.output<typeof SafeguardSchema>;
