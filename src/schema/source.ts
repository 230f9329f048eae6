import { z } from 'zod';
import { ArchiveUrlSchema, HttpUrlSchema, KebabIdSchema, PartialDateSchema, TextSchema } from './primitives.ts';

/** What kind of evidence a source is, from most to least direct. */
export const SOURCE_KINDS = ['postmortem', 'statement', 'regulator', 'first-hand', 'news', 'analysis'] as const;

/** The original of a page that republishes another outlet's article. */
export const CopyOfSchema = z.strictObject({
  /** Who published the original. */
  publisher: TextSchema,
  /** The original's title, when it differs from the copy's. */
  title: TextSchema.optional(),
  /** Where the original is (or was), when known. */
  url: HttpUrlSchema.optional(),
});

/** A source that facts in the record cite by `id`. */
export const SourceSchema = z.strictObject({
  /** Short id, unique within the record, cited from `sources: [...]` lists. */
  id: KebabIdSchema,
  /** Title as published. */
  title: TextSchema,
  /** Who published it (organization, outlet or author). */
  publisher: TextSchema,
  /** Where it can be read: http(s) only. */
  url: HttpUrlSchema,
  /** When it was published, as precisely as known. */
  published: PartialDateSchema.optional(),
  /** Kind of evidence. */
  kind: z.enum(SOURCE_KINDS),
  /** An archived copy on a web archive, such as a Wayback Machine capture. */
  archived: ArchiveUrlSchema.optional(),
  /** Set when the page read republishes another's article: the page is a copy, not a second source. */
  copy_of: CopyOfSchema.optional(),
});

export type Source = z.output<typeof SourceSchema>;
export type CopyOf = z.output<typeof CopyOfSchema>;
