import type { z } from 'zod';
import { INVOLVEMENTS } from '../../schema/automation.ts';
import { CauseSchema } from '../../schema/cause.ts';
import { DATA_LOSS, ImpactSchema, SEVERITIES } from '../../schema/impact.ts';
import { IncidentFieldsSchema, RECORD_TYPES } from '../../schema/incident-fields.ts';
import { ORGANIZATION_ROLES, OrganizationSchema } from '../../schema/organization.ts';
import { KebabIdSchema, PartialDateSchema, TextSchema } from '../../schema/primitives.ts';
import { SOURCE_KINDS, SourceSchema } from '../../schema/source.ts';
import { TimelineEventSchema } from '../../schema/timeline.ts';
import { isFuture, parsePartialDate } from '../../core/dates.ts';
import { kebab, oneLine, recordId } from './new-record.ts';
import { didYouMean } from '../../core/suggest.ts';
import { trackingParameters } from '../../core/tracking-parameters.ts';

/**
 * Checks for each answer `npm run new` asks for, built from the record schema's own pieces so a
 * typed answer is refused with the validator's message, at once, instead of at the end.
 */

export type Checked<T> = { value: T } | { error: string };
export type Check<T> = (raw: string) => Checked<T>;

/** What the answers are checked against: the ids the content folder already holds, and the clock. */
export interface AnswerContext {
  records: ReadonlySet<string>;
  organizations: ReadonlySet<string>;
  causes: ReadonlySet<string>;
  now: number;
}

/** An answer checked by a zod schema, as one line of text; the message is the schema's own. */
export function bySchema<T>(schema: z.ZodType<T>): Check<T> {
  return (raw) => {
    const parsed = schema.safeParse(oneLine(raw));
    return parsed.success ? { value: parsed.data } : { error: parsed.error.issues[0]?.message ?? 'is not valid' };
  };
}

/** A URL check that also refuses tracking parameters, naming the clean URL, as the validator does. */
export function withoutTracking(check: Check<string>): Check<string> {
  return (raw) => {
    const checked = check(raw);
    if ('error' in checked) return checked;
    const { found, clean } = trackingParameters(checked.value);
    return found.length ? { error: `carries the tracking parameter${found.length > 1 ? 's' : ''} ${found.map((name) => `"${name}"`).join(', ')}; use ${clean}` } : checked;
  };
}

/** Blank means "not known"; anything else must pass `check`. */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (raw) => (raw.trim() === '' ? { value: undefined } : check(raw));
}

/** One of a fixed list, by name, by number in the list, or by an unambiguous beginning ("mod" → moderate). */
export function choice<const T extends string>(options: readonly T[]): Check<T> {
  return (raw) => {
    const text = raw.trim().toLowerCase();
    const byNumber = /^\d+$/.test(text) ? options[Number(text) - 1] : undefined;
    const matches = options.filter((option) => option === text || (text !== '' && option.startsWith(text)));
    const found = byNumber ?? (matches.includes(text as T) ? (text as T) : matches.length === 1 ? matches[0] : undefined);
    return found ? { value: found } : { error: `must be one of ${options.join(', ')}` };
  };
}

/** A comma-separated list, each item checked; at least one item unless `allowEmpty`. */
export function list<T>(check: Check<T>, { allowEmpty = false } = {}): Check<T[]> {
  return (raw) => {
    const items = raw.split(',').map((item) => item.trim()).filter(Boolean);
    if (!items.length && !allowEmpty) return { error: 'must name at least one (separate several with commas)' };
    const values: T[] = [];
    for (const item of items) {
      const checked = check(item);
      if ('error' in checked) return { error: `"${item}" ${checked.error}` };
      values.push(checked.value);
    }
    return { value: values };
  };
}

/** A date in one of the record's forms, and not in the future. */
export function dateCheck(now: number): Check<string> {
  const form = bySchema(PartialDateSchema);
  return (raw) => {
    const checked = form(raw);
    if ('error' in checked) return checked;
    const text = String(checked.value);
    return isFuture(parsePartialDate(text)!, now) ? { error: `is in the future (${text})` } : { value: text };
  };
}

/** The record's id from its start date and a short name; it must be new. */
export function recordIdCheck(start: string, records: ReadonlySet<string>): Check<string> {
  return (raw) => {
    const name = kebab(raw, 8);
    const id = recordId(start, name);
    const checked = KebabIdSchema.safeParse(id);
    if (!name || !checked.success) return { error: 'needs a few words, such as "cloud-region-outage"' };
    return records.has(id) ? { error: `content/incidents/${id}.mdx already exists; choose another name or correct that record` } : { value: id };
  };
}

/** Cause category ids from the taxonomy, with a suggestion for near misses. */
export function categoriesCheck(causes: ReadonlySet<string>): Check<string[]> {
  return list((raw) => {
    const id = raw.trim();
    return causes.has(id) ? { value: id } : { error: `is not in content/taxonomy/causes.yaml${didYouMean(id, causes)}` };
  });
}

/** Every single-answer check, by the name of the answer. */
export function answerChecks(context: AnswerContext) {
  const date = dateCheck(context.now);
  return {
    title: bySchema(IncidentFieldsSchema.shape.title),
    summary: bySchema(IncidentFieldsSchema.shape.summary),
    start: date,
    organization: bySchema(KebabIdSchema),
    role: choice(ORGANIZATION_ROLES),
    organizationName: bySchema(OrganizationSchema.shape.name),
    organizationUrl: optional(bySchema(OrganizationSchema.shape.url.unwrap())),
    systems: list(bySchema(TextSchema)),
    severity: choice(SEVERITIES),
    impact: bySchema(ImpactSchema.shape.summary),
    dataLoss: choice(DATA_LOSS),
    dataDestroyed: optional(choice(DATA_LOSS)),
    type: choice(RECORD_TYPES),
    involvement: choice(INVOLVEMENTS),
    tool: optional(bySchema(TextSchema)),
    trigger: bySchema(CauseSchema.shape.trigger),
    categories: categoriesCheck(context.causes),
    sourceUrl: withoutTracking(bySchema(SourceSchema.shape.url)),
    sourceTitle: bySchema(SourceSchema.shape.title),
    sourcePublisher: bySchema(SourceSchema.shape.publisher),
    sourceKind: choice(SOURCE_KINDS),
    sourcePublished: optional(date),
    sourceArchived: optional(bySchema(SourceSchema.shape.url)),
    sourceId: bySchema(SourceSchema.shape.id),
    eventAt: date,
    event: bySchema(TimelineEventSchema.shape.event),
    status: choice(['draft', 'published'] as const),
  };
}

export type AnswerChecks = ReturnType<typeof answerChecks>;
