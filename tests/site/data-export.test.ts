import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { publishedRecords, taxonomyIds } from '../support/content.ts';
import { DIST } from '../support/site-setup.ts';

/** What the content holds, counted straight from the files, never from the export code. */
const records = publishedRecords();
const ids = records.map((record) => record.id);
const sum = (count: (data: Record<string, any>) => number) => records.reduce((total, { data }) => total + count(data), 0);
const expected = {
  'incidents.csv': records.length,
  'timeline.csv': sum((d) => d.timeline.length),
  'claims.csv': sum((d) => d.claims.length),
  'claim-parties.csv': sum((d) => d.claims.reduce((n: number, c: any) => n + c.asserted_by.length + (c.disputed_by?.length ?? 0), 0)),
  'incident-safeguards.csv': sum((d) => d.safeguards.length),
  'sources.csv': sum((d) => d.sources.length),
  'incident-organizations.csv': sum((d) => d.organizations.length),
};

const readData = (file: string) => readFileSync(join(DIST, 'data', file), 'utf8');
// Read as Python's csv.DictReader(open(path, newline='', encoding='utf-8')) reads: no byte-order mark is skipped.
const csv = (file: string) => parse(readData(file), { columns: true, relax_column_count: false }) as Record<string, string>[];
const dataset = JSON.parse(readData('incidents.json')) as { count: number; commit: string; schema_version: string; incidents: Record<string, any>[] } & Record<string, unknown>;

describe('/data/incidents.json', () => {
  it('has a header naming the schema version, build time, commit and licence', () => {
    expect(dataset.schema_version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Date.parse(dataset.built_at as string)).not.toBeNaN();
    expect(dataset.commit).toMatch(/^([0-9a-f]{40}|unknown)$/);
    expect(dataset.license).toBe('CC-BY-4.0');
    expect(dataset.count).toBe(records.length);
  });

  it('holds every published record, with its fields and counts as the files have them', () => {
    expect(dataset.incidents.map((incident) => incident.id).sort()).toEqual(ids);
    for (const { id, data } of records) {
      const exported = dataset.incidents.find((incident) => incident.id === id)!;
      expect(exported.title, id).toBe(data.title);
      expect(exported.cause.categories, id).toEqual(data.cause.categories);
      expect(exported.derived.counts, id).toMatchObject({ timeline: data.timeline.length, claims: data.claims.length, safeguards: data.safeguards.length, sources: data.sources.length });
      expect(exported.derived.year, id).toBe(Number(String(data.occurred.start).slice(0, 4)));
      expect(exported.body_text.length, id).toBeGreaterThan(200);
      expect(exported.body_text, id).not.toMatch(/<[a-z/][^>]*>|&#\d+;/);
    }
  });

  it('gives each record its own file, identical to its entry in the whole', () => {
    expect(readdirSync(join(DIST, 'data', 'incidents')).sort()).toEqual(ids.map((id) => `${id}.json`));
    for (const incident of dataset.incidents) {
      const single = JSON.parse(readData(`incidents/${incident.id}.json`));
      expect(single.incident).toEqual(incident);
      expect(single).toMatchObject({ schema_version: dataset.schema_version, commit: dataset.commit, built_at: dataset.built_at, license: 'CC-BY-4.0' });
    }
  });

  const schemaFile = join(DIST, 'schema', 'incident.schema.json');
  const schemaBuilt = existsSync(schemaFile);
  const why = schemaBuilt ? '' : ' (skipped: /schema/incident.schema.json is not built on this branch yet)';
  it.skipIf(!schemaBuilt)(`validates every record against /schema/incident.schema.json with ajv${why}`, () => {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    const ajv = String(schema.$schema ?? '').includes('2020-12') ? new Ajv2020({ allErrors: true, strict: false }) : new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    for (const incident of dataset.incidents) {
      // The schema describes a record as written; the export adds these four keys.
      const { id, url: _url, derived: _derived, body_text: _body, ...fields } = incident;
      expect(validate(fields) ? [] : validate.errors, id).toEqual([]);
    }
  });
});

describe('/data/*.csv', () => {
  it.each(Object.entries(expected))('%s has one row per item (%i), read back by csv-parse', (file, count) => {
    const raw = readData(file);
    expect(raw.startsWith('\uFEFF'), 'no UTF-8 byte-order mark: Python would read it into the first column name').toBe(false);
    expect(raw.startsWith(file === 'incidents.csv' ? 'id,' : 'incident_id,')).toBe(true);
    expect(raw.endsWith('\r\n')).toBe(true);
    const rows = csv(file);
    expect(rows).toHaveLength(count);
    const key = file === 'incidents.csv' ? 'id' : 'incident_id';
    for (const row of rows) expect(ids, `${file} ${row[key]}`).toContain(row[key]);
  });

  it('lets a spreadsheet count incidents by cause without cleaning anything', () => {
    const rows = csv('incidents.csv');
    expect(rows.map((row) => row.id).sort()).toEqual(ids);
    for (const cause of taxonomyIds('causes')) {
      const column = `cause_${cause.replace(/-/g, '_')}`;
      const withCause = records.filter(({ data }) => data.cause.categories.includes(cause)).length;
      expect(rows.reduce((total, row) => total + Number(row[column]), 0), column).toBe(withCause);
      expect(rows.every((row) => row[column] === '0' || row[column] === '1'), column).toBe(true);
    }
    const primary = new Map<string, number>();
    for (const row of rows) primary.set(row.primary_cause!, (primary.get(row.primary_cause!) ?? 0) + 1);
    for (const [cause, count] of primary) expect(count, cause).toBe(records.filter(({ data }) => data.cause.categories[0] === cause).length);
  });

  it('matches the records in the long tables, item by item', () => {
    const timeline = csv('timeline.csv');
    const claims = csv('claims.csv');
    const sources = csv('sources.csv');
    for (const { id, data } of records) {
      expect(timeline.filter((row) => row.incident_id === id).map((row) => row.event), id).toEqual(data.timeline.map((event: any) => event.event.trim()));
      expect(claims.filter((row) => row.incident_id === id).map((row) => row.claim_id), id).toEqual(data.claims.map((claim: any) => claim.id));
      expect(sources.filter((row) => row.incident_id === id).map((row) => row.url), id).toEqual(data.sources.map((source: any) => source.url));
    }
  });

  it('gives the cause and safeguard taxonomies, every term with its name and definition', () => {
    for (const name of ['causes', 'safeguards'] as const) {
      const rows = csv(`${name}.csv`);
      expect(rows.map((row) => row.id).sort(), name).toEqual(taxonomyIds(name).sort());
      for (const row of rows) expect(row.name && row.definition, `${name} ${row.id}`).toBeTruthy();
    }
  });

  it('holds no cell a spreadsheet would run as a formula', () => {
    for (const file of Object.keys(expected)) {
      for (const row of csv(file)) {
        for (const [column, value] of Object.entries(row)) expect(value, `${file} ${column}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });
});

describe('JSON-LD on record pages', () => {
  it('is one application/ld+json script per page, describing the record, with no raw "<" inside', () => {
    for (const { id, data } of records) {
      const html = readFileSync(join(DIST, 'incidents', id, 'index.html'), 'utf8');
      const head = html.slice(0, html.indexOf('</head>'));
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.map((s) => s[1]!.trim()), id).toEqual(['type="application/ld+json"']);
      expect(head, id).toContain(scripts[0]![0]);
      const json = scripts[0]![2]!;
      expect(json, id).not.toContain('<');
      const ld = JSON.parse(json);
      expect(ld, id).toMatchObject({ '@context': 'https://schema.org', '@type': 'Article', headline: data.title, identifier: id });
      expect(ld.url, id).toMatch(new RegExp(`/incidents/${id}/$`));
      expect(ld.citation, id).toHaveLength(data.sources.length);
    }
  });
});
