import { z } from 'zod';
import { PartialDateSchema, PrecisionSchema, SourceRefsSchema, TextSchema } from './primitives.ts';

/** The role an event plays in the incident's course. */
export const EVENT_KINDS = ['trigger', 'detection', 'response', 'recovery', 'disclosure', 'followup'] as const;

/** One dated event; events are listed in chronological order. */
export const TimelineEventSchema = z.strictObject({
  /** When it happened, in the same forms as `occurred.start`. */
  at: PartialDateSchema,
  /** Coarser precision than the written datetime suggests. */
  precision: PrecisionSchema.optional(),
  /** What happened, in one or two sentences. */
  event: TextSchema,
  /** Role of the event. */
  kind: z.enum(EVENT_KINDS).optional(),
  /** Ids of the sources that report this event. */
  sources: SourceRefsSchema,
});

export type TimelineEvent = z.output<typeof TimelineEventSchema>;
