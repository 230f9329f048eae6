import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/body/render.ts';
import { DERIVED_FIELDS, HEADER_FIELDS, RECORD_FIELDS } from '../../src/lib/exports/export-docs.ts';
import { causeColumn, dataTables, joinIds, joinText, tableCsv, type Vocabulary } from '../../src/lib/exports/export-tables.ts';
import { datasetFileText, exportDataset, exportHeader, exportIncident, exportRecordFile, htmlToText, NO_HISTORY, precisionOf, type ExportedIncident } from '../../src/lib/exports/export.ts';
import { IncidentFieldsSchema, type IncidentFields } from '../../src/schema/incident-fields.ts';
import { loadCorpus } from '../../src/validate/corpus.ts';
import { FIXTURE_ROOT, TEST_NOW } from '../support/corpus.ts';
import { validData } from '../support/record.ts';

const SITE = 'https://atlas.example.org';
const corpus = loadCorpus({ root: FIXTURE_ROOT, now: () => TEST_NOW });
const fixture = corpus.incidents[0]!;
const vocabulary: Vocabulary = {
  causes: corpus.causes,
  safeguards: corpus.safeguards,
  organizationNames: new Map([...corpus.organizations].map(([id, org]) => [id, org.name])),
};

/** The fixture record, rendered and exported as the build does it. */
function exportedFixture(): ExportedIncident {
  const sourceNumbers = new Map(fixture.data.sources.map((source, index) => [source.id, index + 1]));
  return exportIncident(fixture.id, fixture.data, htmlToText(renderBody(fixture.tree, sourceNumbers).html), SITE, { added: '2024-03-07T10:00:00.000Z', updated: '2024-04-01T08:30:00.000Z', version: null });
}

/** A second record: the fixture changed into shapes the first one lacks, parsed through the real schema. */
function variant(): IncidentFields {
  const data = validData();
  delete data.automation;
  delete data.regions;
  delete data.tags;
  data.occurred = { start: 2023 };
  delete data.duration;
  data.impact.people_affected = 'thousands of users';
  data.systems = ['=HYPERLINK("http://evil.example")', 'Billing, EU', 'Second\nline'];
  data.cause.categories = ['operator-input', 'excess-privilege', 'excess-privilege'];
  data.claims = [];
  return IncidentFieldsSchema.parse(data);
}

const csvRows = (text: string) => parse(text, { bom: true, columns: true }) as Record<string, string>[];

describe('exporting a record', () => {
  const exported = exportedFixture();

  it('keeps every field as written and adds id, url, derived values and the body', () => {
    const { id, url, derived, body_text, ...fields } = exported;
    expect(fields).toEqual(fixture.data);
    expect(id).toBe('2024-03-example-agent-deletion');
    expect(url).toBe('https://atlas.example.org/incidents/2024-03-example-agent-deletion/');
    expect(body_text).toMatch(/^What happened\n\nThe agent was asked/);
  });

  it('derives year, precision, duration, involvement, primary cause, counts and history', () => {
    expect(exported.derived).toEqual({
      year: 2024,
      precision: 'minute',
      duration_hours: 3.5,
      automation_involvement: 'agent',
      primary_cause: 'agent-destructive-action',
      contested: [],
      counts: { timeline: 3, claims: 1, claims_contested: 1, safeguards: 2, sources: 3, body_words: expect.any(Number) },
      history: { added: '2024-03-07T10:00:00.000Z', updated: '2024-04-01T08:30:00.000Z', version: null },
    });
    expect(exported.derived.counts.body_words).toBeGreaterThan(30);
  });

  it('says "none" for a record without automation, null for an unknown duration, and the year of a bare year', () => {
    const derived = exportIncident('x', variant(), '', SITE).derived;
    expect(derived).toMatchObject({ year: 2023, precision: 'year', duration_hours: null, automation_involvement: 'none', primary_cause: 'operator-input', history: NO_HISTORY });
    expect(derived.counts).toMatchObject({ claims: 0, claims_contested: 0, body_words: 0 });
  });

  it('reads precision from the written form unless a coarser one is stated', () => {
    expect(precisionOf('2025-12')).toBe('month');
    expect(precisionOf(2025)).toBe('year');
    expect(precisionOf('2025-12-15T09:00Z', 'hour')).toBe('hour');
    expect(() => precisionOf('soon')).toThrow(/not a partial date/);
  });

  it('assembles the dataset under a header naming the build and the licence', () => {
    const header = exportHeader({ builtAt: '2026-01-02T03:04:05.000Z', commit: 'abc123' });
    const dataset = exportDataset(header, [exported], { organizations: [], taxonomy: { causes: corpus.causes, safeguards: corpus.safeguards } });
    expect(dataset).toMatchObject({ schema_version: expect.stringMatching(/^\d+\.\d+\.\d+$/), built_at: '2026-01-02T03:04:05.000Z', commit: 'abc123', license: 'CC-BY-4.0', count: 1 });
    expect(Object.keys(dataset)).toEqual(HEADER_FIELDS.map((field) => field.name));
  });

  it('writes the dataset file with each record on a line of its own, and a record file with the same header', () => {
    const header = exportHeader({ builtAt: '2026-01-02T03:04:05.000Z', commit: 'abc123' });
    const second = exportIncident('2023-01-second', variant(), 'Body with "quotes"\nand a line break.', SITE);
    const dataset = exportDataset(header, [exported, second], { organizations: [{ id: 'example-cloud', name: 'Example Cloud' }], taxonomy: { causes: corpus.causes, safeguards: corpus.safeguards } });
    const text = datasetFileText(dataset);
    expect(JSON.parse(text)).toEqual(dataset);
    const lines = text.split('\n');
    expect(lines.slice(1, 3).map((line) => JSON.parse(line.replace(/,$/, '')).id)).toEqual([exported.id, second.id]);
    expect(lines.slice(3)).toEqual([']}', '']);
    expect(exportRecordFile(dataset, second)).toEqual({ ...header, incident: second });
  });
});

describe('the body as plain text', () => {
  it('keeps paragraphs, headings and list items apart and drops citation markers', () => {
    const text = exportedFixture().body_text;
    expect(text).toContain('What happened\n\nThe agent was asked to tidy a staging table and dropped the production database instead.\n\n');
    expect(text).toContain('Lesson: Credentials\n\nAgents should not inherit an operator\'s broad rights.');
    expect(text).toContain('Lessons\n\n- Scope credentials to the task.\n- Keep backups outside the blast radius.');
    expect(text).toContain('Step\tTime\nDrop\t09:15');
    expect(text).not.toMatch(/\[\d|<|&#/);
  });

  it('decodes entities once, so escaped markup stays text', () => {
    expect(htmlToText('<p>x &#60; y &#38;amp; <code>&#60;script&#62;</code></p>')).toBe('x < y &amp; <script>');
    expect(htmlToText('<p>a\nb</p><hr><p>c<br>d</p>')).toBe('a b\n\nc\nd');
    expect(htmlToText('<p>Note<sup><a href="#fn-1" class="footnote-ref">1</a></sup>.</p><section class="footnotes"><ol><li id="fn-1">Text.<a href="#fnref-1" aria-label="Back to the text">↩</a></li></ol></section>')).toBe('Note1.\n\n- Text.');
  });
});

describe('CSV tables', () => {
  const records = [exportedFixture(), exportIncident('2023-example-variant', variant(), 'Body.', SITE)];
  const tables = dataTables(vocabulary);
  const byFile = new Map(tables.map((table) => [table.file, table]));
  const rowsOf = (file: string) => csvRows(tableCsv(byFile.get(file)!, records));

  it('has unique, documented column names in every table', () => {
    for (const table of tables) {
      const names = table.columns.map((column) => column.name);
      expect(new Set(names).size, table.file).toBe(names.length);
      for (const column of table.columns) expect(column.description.length, `${table.file} ${column.name}`).toBeGreaterThan(5);
    }
  });

  it('writes one row per incident, with a 1/0 column per cause of the taxonomy', () => {
    const rows = rowsOf('incidents.csv');
    expect(rows.map((row) => row.id)).toEqual(['2024-03-example-agent-deletion', '2023-example-variant']);
    for (const { id } of vocabulary.causes) expect(Object.keys(rows[0]!)).toContain(causeColumn(id));
    expect(rows.map((row) => row.cause_agent_destructive_action)).toEqual(['1', '0']);
    expect(rows.map((row) => row.cause_excess_privilege)).toEqual(['1', '1']);
    expect(rows.map((row) => row.cause_operator_input)).toEqual(['0', '1']);
    expect(rows.map((row) => row.primary_cause)).toEqual(['agent-destructive-action', 'operator-input']);
    expect(rows[1]!.causes).toBe('operator-input; excess-privilege');
  });

  it('spells out values a spreadsheet needs and leaves unknowns empty', () => {
    const [first, second] = rowsOf('incidents.csv');
    expect(first).toMatchObject({ year: '2024', precision: 'minute', duration: 'PT3H30M', duration_hours: '3.5', severity: 'high', severity_rank: '3', people_affected: '1200', people_affected_number: '1200' });
    expect(first).toMatchObject({ operators: 'example-cloud', operator_names: 'Example Cloud', organizations: 'example-cloud:operator; example-news:reporter' });
    expect(first).toMatchObject({ safeguards_bypassed: 'human-approval', safeguards_added: 'least-privilege', safeguards_held: '', record_added: '2024-03-07T10:00:00.000Z' });
    expect(second).toMatchObject({ occurred_start: '2023', duration: '', duration_hours: '', automation_involvement: 'none', automation_tool: '', regions: '', tags: '', people_affected: 'thousands of users', people_affected_number: '', record_updated: '' });
  });

  it('puts free-text list items one per line, guarding each cell against formulas', () => {
    const second = rowsOf('incidents.csv')[1]!;
    expect(second.systems).toBe(`'=HYPERLINK("http://evil.example")\nBilling, EU\nSecond line`);
    expect(joinText(['a\r\nb', 'c'])).toBe('a b\nc');
    expect(joinIds(['a', 'b', 'a'])).toBe('a; b');
  });

  it('writes one row per item in each long table, keyed by incident id', () => {
    const fixtureRecord = records[0]!;
    const counts = { 'timeline.csv': 3 + 3, 'claims.csv': 1, 'claim-parties.csv': 2, 'incident-safeguards.csv': 2 + 2, 'sources.csv': 3 + 3, 'incident-organizations.csv': 2 + 2 };
    for (const [file, count] of Object.entries(counts)) expect(rowsOf(file), file).toHaveLength(count);
    const timeline = rowsOf('timeline.csv').filter((row) => row.incident_id === fixtureRecord.id);
    expect(timeline.map((row) => [row.position, row.at, row.precision, row.kind])).toEqual([
      ['1', '2024-03', 'month', 'followup'],
      ['2', '2024-03-04T09:15Z', 'minute', 'trigger'],
      ['3', '2024-03-04T12:45Z', 'minute', 'recovery'],
    ]);
    expect(timeline[1]!.sources).toBe('operator-postmortem; news-report');
    expect(rowsOf('claims.csv')[0]).toMatchObject({ claim_id: 'agent-hid-deletion', status: 'disputed', contested: '1', asserted_by: 'Example News', disputed_by: 'Example Cloud', sources: 'news-report; operator-postmortem' });
    expect(rowsOf('claim-parties.csv').map((row) => [row.side, row.party, row.position])).toEqual([
      ['asserts', 'Example News', ''],
      ['disputes', 'Example Cloud', "The agent's log shows it reported the deletion."],
    ]);
    expect(rowsOf('incident-safeguards.csv')[0]).toMatchObject({ position: '1', kind: 'human-approval', kind_name: 'Human approval', status: 'bypassed' });
    expect(rowsOf('sources.csv')[0]).toMatchObject({ source_id: 'operator-postmortem', number: '1', published: '2024-03-06', kind: 'postmortem', archived: expect.stringMatching(/^https:\/\/web\.archive\.org\//) });
  });

  it('gives the taxonomies as tables of their own, with names and definitions', () => {
    expect(rowsOf('causes.csv').map((row) => row.id)).toEqual(corpus.causes.map((term) => term.id));
    expect(rowsOf('causes.csv')[0]).toMatchObject({ name: corpus.causes[0]!.name, definition: corpus.causes[0]!.definition, amplifier: corpus.causes[0]!.amplifier ? '1' : '0' });
    expect(rowsOf('safeguards.csv').map((row) => [row.id, row.name, row.definition])).toEqual(corpus.safeguards.map((term) => [term.id, term.name, term.definition]));
  });

  it('starts with the first column name, no byte-order mark, and ends every line with CRLF', () => {
    const text = tableCsv(byFile.get('sources.csv')!, records);
    expect(text.startsWith('incident_id,')).toBe(true);
    expect(text.replace(/"[^"]*"/g, '').split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
  });
});

describe('the field documentation', () => {
  const exported = exportedFixture();

  it('documents every field a record can have, and nothing else', () => {
    const possible = [...Object.keys(IncidentFieldsSchema.shape), 'id', 'url', 'derived', 'body_text'].sort();
    expect(RECORD_FIELDS.map((field) => field.name).sort()).toEqual(possible);
    for (const key of Object.keys(exported)) expect(possible).toContain(key);
  });

  it('documents every derived value', () => {
    expect(DERIVED_FIELDS.map((field) => field.name)).toEqual(Object.keys(exported.derived));
  });
});
