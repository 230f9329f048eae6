import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../../src/core/dates.ts';
import { parseDuration } from '../../src/core/duration.ts';
import { IncidentFieldsSchema } from '../../src/schema/incident-fields.ts';
import { DURATION_PATTERN, incidentJsonSchema, INCIDENT_CHECKS_BEYOND_SCHEMA, PARTIAL_DATE_PATTERN, organizationJsonSchema, taxonomyJsonSchema } from '../../src/schema/json-schema.ts';
import { recordRules } from '../../src/schema/incident.ts';
import { splitFrontmatter } from '../../src/validate/split-frontmatter.ts';
import { parseStrictYaml } from '../../src/validate/strict-yaml.ts';
import { FIXTURE_ROOT } from '../support/corpus.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
// The message editors show instead of a raw pattern; an annotation for every other tool.
ajv.addKeyword('patternErrorMessage');
const validateIncident = ajv.compile(incidentJsonSchema());
const validateOrganization = ajv.compile(organizationJsonSchema());
const validateTaxonomy = ajv.compile(taxonomyJsonSchema());

const files = (dir: string, extension: string) => readdirSync(dir).filter((name) => name.endsWith(extension)).map((name) => join(dir, name));

/** Frontmatter as the validator reads it (strict YAML), or undefined when it does not get that far. */
function frontmatter(file: string): unknown {
  const split = splitFrontmatter(readFileSync(file, 'utf8'));
  if (!('yaml' in split)) return undefined;
  const yaml = parseStrictYaml(split.yaml);
  return yaml.problems.length ? undefined : yaml.data;
}

const yamlData = (file: string) => parseStrictYaml(readFileSync(file, 'utf8')).data;
const errors = (validate: { errors?: unknown }) => JSON.stringify(validate.errors, null, 1);

/** Hostile fixtures whose only field-level problem is one JSON Schema cannot express (none so far). */
const BEYOND_JSON_SCHEMA = new Set<string>();

describe('the published JSON Schemas', () => {
  it('accept every record, organization and taxonomy in content/', () => {
    const records = files(join(ROOT, 'content', 'incidents'), '.mdx');
    expect(records.length).toBeGreaterThan(0);
    for (const file of records) expect(validateIncident(frontmatter(file)), `${file}\n${errors(validateIncident)}`).toBe(true);
    for (const file of files(join(ROOT, 'content', 'organizations'), '.yaml')) expect(validateOrganization(yamlData(file)), file).toBe(true);
    for (const file of files(join(ROOT, 'content', 'taxonomy'), '.yaml')) expect(validateTaxonomy(yamlData(file)), file).toBe(true);
  });

  it('accept the valid and benign fixtures', () => {
    for (const file of [...files(join(FIXTURE_ROOT, 'content', 'incidents'), '.mdx'), ...files(join(FIXTURES, 'benign'), '.mdx')]) {
      expect(validateIncident(frontmatter(file)), `${file}\n${errors(validateIncident)}`).toBe(true);
    }
  });

  // Every hostile fixture that gets past the YAML reader: the JSON Schema must reject exactly those
  // the zod field schema rejects, so it is neither looser (misses a schema-level problem) nor
  // stricter (flags a record that only the rules or the body checks refuse).
  const hostile = files(join(FIXTURES, 'hostile'), '.mdx')
    .map((file) => ({ name: file.split('/').at(-1)!, data: frontmatter(file) }))
    .filter((fixture) => fixture.data !== undefined);
  const schemaLevel = hostile.filter(({ data }) => !IncidentFieldsSchema.safeParse(data).success);

  it('has schema-level hostile fixtures to check', () => {
    expect(schemaLevel.length).toBeGreaterThanOrEqual(10);
  });

  it.each(hostile.map((fixture) => [fixture.name, fixture] as const))('agrees with the zod fields on %s', (name, { data }) => {
    const zodAccepts = IncidentFieldsSchema.safeParse(data).success;
    const jsonAccepts = validateIncident(data);
    if (BEYOND_JSON_SCHEMA.has(name)) {
      expect([zodAccepts, jsonAccepts], 'a known gap: remove it from BEYOND_JSON_SCHEMA if JSON Schema now rejects it').toEqual([false, true]);
    } else {
      expect(jsonAccepts, `zod ${zodAccepts ? 'accepts' : 'rejects'} ${name}; ajv: ${errors(validateIncident)}`).toBe(zodAccepts);
    }
  });

  it('checks the form of dates, durations and URLs, leaving calendar facts to the validator', () => {
    const withStart = (start: unknown) => ({ ...(frontmatter(join(FIXTURE_ROOT, 'content', 'incidents', '2024-03-example-agent-deletion.mdx')) as object), occurred: { start } });
    for (const good of ['2025', 2025, '2025-12', '2025-12-15', '2025-12-15T09:47Z', '2025-12-15T09:47:30-08:00']) expect(validateIncident(withStart(good)), String(good)).toBe(true);
    for (const bad of ['25', 999, '2025-13', '2025-12-32', '2025-12-15T09:47', '2025-12-15 09:47Z', '2025-12-15T24:00Z']) expect(validateIncident(withStart(bad)), String(bad)).toBe(false);
    // February 30th has the right form; only the validator knows the calendar.
    expect(validateIncident(withStart('2025-02-30'))).toBe(true);
    expect(IncidentFieldsSchema.shape.occurred.safeParse({ start: '2025-02-30' }).success).toBe(false);
  });

  it('date and duration patterns agree with the parsers', () => {
    const datePattern = new RegExp(PARTIAL_DATE_PATTERN, 'u');
    const durationPattern = new RegExp(DURATION_PATTERN, 'u');
    const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    const dateLike = fc
      .tuple(fc.oneof(digits(4), fc.constantFrom('1899', '1900', '2025')), fc.option(digits(2)), fc.option(digits(2)), fc.option(fc.tuple(digits(2), digits(2), fc.option(digits(2)), fc.constantFrom('Z', '+01:00', '+05:45', '+14:00', '-12:00', '-14:00', '+14:15', '+15:00', '+05:75', '+14:59', ''))))
      .map(([y, m, d, t]) => [y, m, m !== null ? d : null].filter((part) => part !== null).join('-') + (t && m !== null && d !== null ? `T${t[0]}:${t[1]}${t[2] ? `:${t[2]}` : ''}${t[3]}` : ''));
    fc.assert(
      fc.property(dateLike, (text) => {
        const parsed = parsePartialDate(text) !== undefined;
        // The pattern accepts everything the parser does; it lets through only days the month does not have.
        if (parsed) return datePattern.test(text);
        return !datePattern.test(text) || Number(text.slice(8, 10)) > 28;
      }),
      { numRuns: 3000 },
    );
    const durationLike = fc.array(fc.constantFrom('P', 'T', 'W', 'D', 'H', 'M', 'S', '1', '13', '0', 'Y'), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(fc.property(durationLike, (text) => durationPattern.test(text) === (parseDuration(text) !== undefined)), { numRuns: 5000 });
  });

  it('documents every record rule it cannot express', () => {
    const description = String(incidentJsonSchema().description);
    for (const check of INCIDENT_CHECKS_BEYOND_SCHEMA) expect(description).toContain(check);
    // One entry per record rule, plus the cross-file, cited-source, trimming and body checks.
    expect(INCIDENT_CHECKS_BEYOND_SCHEMA.length).toBeGreaterThanOrEqual(recordRules().length + 3);
  });
});
