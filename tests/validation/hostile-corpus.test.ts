import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/validate/report.ts';
import { loadWithRecords } from '../support/corpus.ts';

const HOSTILE = join(import.meta.dirname, '..', 'fixtures', 'hostile');
const files = readdirSync(HOSTILE).filter((name) => name.endsWith('.mdx'));

/** Each hostile file carries its expected diagnostic: `expect: line:col field /message/`. */
function expectation(text: string) {
  const match = /expect: (\d+):(\d+) (\S+) \/(.+)\/$/m.exec(text);
  if (!match) throw new Error('hostile fixture without an expectation line');
  return { line: Number(match[1]), column: Number(match[2]), field: match[3]!, message: new RegExp(match[4]!) };
}

describe('hostile and malformed records', () => {
  it('has a broad corpus of attacks', () => {
    expect(files.length).toBeGreaterThanOrEqual(140);
  });

  it.each(files)('%s is rejected at its exact location', (name) => {
    const text = readFileSync(join(HOSTILE, name), 'utf8');
    const expected = expectation(text);
    const corpus = loadWithRecords({ [name]: text });
    const id = name.replace(/\.mdx$/, '');
    expect(corpus.incidents.map((incident) => incident.id)).not.toContain(id);
    const diagnostics = corpus.diagnostics.filter((d) => d.file === `content/incidents/${name}`);
    expect(diagnostics.length).toBeGreaterThan(0);
    const located = diagnostics.map(({ line, column, field }) => ({ line, column, field }));
    expect(located).toContainEqual({ line: expected.line, column: expected.column, field: expected.field });
    const atPlace = diagnostics.filter((d) => d.line === expected.line && d.column === expected.column && d.field === expected.field);
    expect(atPlace.some((d) => expected.message.test(d.message)), JSON.stringify(diagnostics)).toBe(true);
    // Whatever the record holds, its report is one line per problem with nothing a terminal or CI runner would act on.
    const report = formatReport(diagnostics, 1, { ci: true }).split('\n');
    expect(report).toHaveLength(diagnostics.length * 2 + 1);
    for (const line of report) expect(line).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/);
  });
});
