import { z } from 'zod';
import { HttpUrlSchema, KebabIdSchema, TextSchema } from './primitives.ts';

/** The part an organization played in an incident. */
export const ORGANIZATION_ROLES = ['operator', 'vendor', 'customer', 'reporter', 'regulator'] as const;

/** A reference from a record to `content/organizations/<id>.yaml`. */
export const OrganizationRefSchema = z.strictObject({
  /** File name of the organization, without `.yaml`. */
  id: KebabIdSchema,
  /** Its part in this incident. */
  role: z.enum(ORGANIZATION_ROLES),
});

/** An organization file: `content/organizations/<id>.yaml`. */
export const OrganizationSchema = z.strictObject({
  /** Name as the organization writes it. */
  name: TextSchema,
  /** Its home page. */
  url: HttpUrlSchema.optional(),
  /** Other names it goes by (for search). */
  aliases: z.array(TextSchema).optional(),
  /** One sentence on what it is. */
  description: TextSchema.optional(),
});

export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];
export type Organization = z.output<typeof OrganizationSchema>;
