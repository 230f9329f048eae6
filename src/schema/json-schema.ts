import { z } from 'zod';
import { SITE } from '../site.ts';
import { IncidentFieldsSchema } from './incident-fields.ts';
import { OrganizationSchema } from './organization.ts';
import { DurationSchema, HttpUrlSchema, KebabIdSchema, PartialDateSchema } from './primitives.ts';
import { TaxonomySchema } from './taxonomy.ts';

/**
 * JSON Schemas generated from the zod schemas, for editors and other tools. The zod schemas stay
 * the single source: this module only adds what JSON Schema can say and zod's generator cannot
 * know (patterns for dates, durations and URLs, which zod checks with functions), and documents
 * in each schema's description the checks that JSON Schema cannot express. `patternErrorMessage`
 * is the keyword editors (VS Code's JSON and YAML language servers) show instead of a raw pattern.
 */

/** A generated JSON Schema document (draft 2020-12). */
export type JsonSchema = Record<string, unknown>;

/** The schemas the site publishes under `/schema/<name>.schema.json`. */
export const JSON_SCHEMA_NAMES = ['incident', 'organization', 'taxonomy'] as const;
export type JsonSchemaName = (typeof JSON_SCHEMA_NAMES)[number];

/** Where a schema is published. */
export function jsonSchemaUrl(name: JsonSchemaName): string {
  return new URL(`/schema/${name}.schema.json`, SITE.url).href;
}

const DATE = String.raw`\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?`;
const DATE_TIME = String.raw`\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)`;

/** `2025`, `2025-12`, `2025-12-15` or `2025-12-15T09:47Z`; whether the day exists in that month is left to the validator. */
export const PARTIAL_DATE_PATTERN = `^(?:${DATE}|${DATE_TIME})$`;
/** ISO 8601 weeks, days, hours, minutes, seconds, with at least one figure: `PT13H`, `P1DT4H`. */
export const DURATION_PATTERN = String.raw`^P(?=\d|T\d)(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$`;
/** http or https (in any case, as URL parsers read schemes), and a host. */
export const HTTP_URL_PATTERN = String.raw`^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\s]`;

/** Checks of incident records beyond the fields' own types, which JSON Schema cannot express. */
export const INCIDENT_CHECKS_BEYOND_SCHEMA = [
  'dates are real calendar dates and none is in the future',
  'a stated `precision` is coarser than the date as written',
  'timeline events are in chronological order',
  '`occurred.end` is after `occurred.start`, and `reported` is not before it',
  '`duration` agrees with an exact `occurred.start` and `occurred.end`',
  'every source id cited anywhere (including `<Cite ids>` in the body) is listed under `sources`, and every listed source is cited',
  'source ids, claim ids, source URLs, organizations, cause categories and related ids are each listed once',
  'a `disputed` or `denied` claim has `disputed_by`',
  'organization ids name files in `content/organizations/`, cause categories and safeguard kinds are ids in `content/taxonomy/`, and `related` ids are other records',
  'text lengths are counted after surrounding whitespace is trimmed',
  'the MDX body uses only Markdown and the allowed components, with no imports, expressions or raw HTML',
] as const;

function describe(what: string, checks: readonly string[]): string {
  return `${what} Checked by \`npm run validate\`, which also enforces what JSON Schema cannot express: ${checks.map((c) => `${c}`).join('; ')}.`;
}

/** Adds to the generated schema what zod checks with functions. */
function enrich(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }): void {
  const { zodSchema, jsonSchema } = ctx;
  if (zodSchema === PartialDateSchema) {
    for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
    Object.assign(jsonSchema, {
      description: 'A date as precise as the sources allow: YYYY, YYYY-MM, YYYY-MM-DD, or YYYY-MM-DDThh:mm with Z or ±hh:mm.',
      anyOf: [
        { type: 'string', pattern: PARTIAL_DATE_PATTERN, patternErrorMessage: 'Write a date as YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm with Z or ±hh:mm.' },
        { type: 'integer', minimum: 1000, maximum: 9999 },
      ],
    });
  } else if (zodSchema === DurationSchema) {
    Object.assign(jsonSchema, {
      description: 'ISO 8601 duration in weeks, days, hours, minutes or seconds, such as PT13H, PT2H30M or P1DT4H.',
      pattern: DURATION_PATTERN,
      patternErrorMessage: 'Write an ISO 8601 duration such as PT13H, PT2H30M or P1DT4H (no years or months).',
    });
  } else if (zodSchema === HttpUrlSchema) {
    // No "uri" format: the validator (WHATWG URL parsing) accepts addresses with non-ASCII letters, as
    // browsers do ("…-record-€3-7-mill"), which "uri" refuses; "iri" is unknown to common validators.
    delete jsonSchema.format;
    Object.assign(jsonSchema, { pattern: HTTP_URL_PATTERN, patternErrorMessage: 'Use an absolute http(s) URL.' });
  } else if (zodSchema === KebabIdSchema) {
    Object.assign(jsonSchema, { patternErrorMessage: 'Use lowercase kebab-case: letters, digits and single hyphens.' });
  } else if (isTrimmedText(zodSchema)) {
    // TextSchema trims before counting; a value of spaces only must fail here too.
    Object.assign(jsonSchema, { pattern: String.raw`\S`, patternErrorMessage: 'Must not be blank.' });
  }
}

/** A string schema that trims (an `overwrite` check) before checking its length: TextSchema and its refinements. */
function isTrimmedText(schema: unknown): boolean {
  const def = (schema as { _zod?: { def?: { type?: string; checks?: { _zod: { def: { check: string } } }[] } } })._zod?.def;
  return def?.type === 'string' && (def.checks ?? []).some((check) => check._zod.def.check === 'overwrite');
}

function generate(schema: z.ZodType, name: JsonSchemaName, title: string, description: string): JsonSchema {
  const generated = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', override: enrich }) as JsonSchema;
  const { $schema, ...rest } = generated;
  return { $schema, $id: jsonSchemaUrl(name), title, description, ...rest };
}

/** The frontmatter of `content/incidents/<id>.mdx`. */
export function incidentJsonSchema(): JsonSchema {
  return generate(
    IncidentFieldsSchema,
    'incident',
    `${SITE.name} incident record (frontmatter)`,
    describe('The YAML frontmatter of an incident record, content/incidents/<id>.mdx, where <id> is lowercase kebab-case.', INCIDENT_CHECKS_BEYOND_SCHEMA),
  );
}

/** `content/organizations/<id>.yaml`. */
export function organizationJsonSchema(): JsonSchema {
  return generate(
    OrganizationSchema,
    'organization',
    `${SITE.name} organization`,
    describe('An organization file, content/organizations/<id>.yaml; records refer to it by <id>.', [
      'the file name is a lowercase kebab-case id',
    ]),
  );
}

/** `content/taxonomy/causes.yaml` and `content/taxonomy/safeguards.yaml`. */
export function taxonomyJsonSchema(): JsonSchema {
  return generate(
    TaxonomySchema,
    'taxonomy',
    `${SITE.name} taxonomy`,
    describe('A taxonomy file, content/taxonomy/causes.yaml or safeguards.yaml: a list of terms that records cite by id.', [
      'ids are unique within the file',
      'every id a record cites exists in the file',
    ]),
  );
}

/** Every published schema by name. */
export const JSON_SCHEMAS: Record<JsonSchemaName, () => JsonSchema> = {
  incident: incidentJsonSchema,
  organization: organizationJsonSchema,
  taxonomy: taxonomyJsonSchema,
};
