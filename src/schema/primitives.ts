import { z } from 'zod';
import { parsePartialDate } from '../core/dates.ts';
import { parseDuration } from '../core/duration.ts';

/** Stable identifier: lowercase kebab-case, as used in file names and URLs. */
export const KebabIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case (letters, digits and single hyphens)');

/** Non-empty single-line or prose text; surrounding whitespace is not meaningful. */
export const TextSchema = z.string().trim().min(1, 'must not be empty');

/**
 * A date as precise as the sources allow: `2025`, `2025-12`, `2025-12-15`, or an ISO
 * datetime with a zone (`2025-12-15T09:47Z`, `2025-12-15T09:47-08:00`). A bare year
 * is read by YAML as a number, which is accepted too.
 */
export const PartialDateSchema = z
  .union([z.string(), z.int()])
  .refine((value) => parsePartialDate(value) !== undefined, {
    message: 'must be a real date written as YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm with Z or ±hh:mm',
  });

/** An ISO 8601 duration in weeks, days, hours, minutes, seconds (`PT13H`, `P1DT4H`). */
export const DurationSchema = z.string().refine((value) => parseDuration(value) !== undefined, {
  message: 'must be an ISO 8601 duration such as PT13H, PT2H30M or P1DT4H (no years or months)',
});

/** An absolute http or https URL; every other scheme (javascript:, data:, file:) is refused. */
export const HttpUrlSchema = z.url({
  protocol: /^https?$/,
  hostname: z.regexes.domain,
  error: 'must be an absolute http(s) URL',
});

/** The stated precision of a coarse datetime. */
export const PrecisionSchema = z.enum(['year', 'month', 'day', 'hour', 'minute']);

/** A non-empty list of ids of the record's sources that back a statement. */
export const SourceRefsSchema = z.array(KebabIdSchema).min(1, 'must cite at least one source');
