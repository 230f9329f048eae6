import { z } from 'zod';
import { TextSchema } from './primitives.ts';

/** How far automation acted on its own, from not at all to an autonomous agent. */
export const INVOLVEMENTS = ['none', 'tooling', 'assisted', 'agent'] as const;

/** What automation or AI did in the incident. */
export const AutomationSchema = z.strictObject({
  /** none: people only; tooling: scripts or deploy systems; assisted: AI suggested, people acted; agent: AI acted. */
  involvement: z.enum(INVOLVEMENTS),
  /** Name of the tool, system or agent. */
  tool: TextSchema.optional(),
  /** What people asked it to do. */
  requested: TextSchema.optional(),
  /** What it actually did. */
  performed: TextSchema.optional(),
  /** What authority it held. */
  permissions: TextSchema.optional(),
});

export type Involvement = (typeof INVOLVEMENTS)[number];
export type Automation = z.output<typeof AutomationSchema>;
