import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWithRecords } from '../support/corpus.ts';

const BENIGN = join(import.meta.dirname, '..', 'fixtures', 'benign');
const files = readdirSync(BENIGN).filter((name) => name.endsWith('.mdx'));

describe('benign records', () => {
  it('the fixture corpus itself is sound', () => {
    const corpus = loadWithRecords({});
    expect(corpus.diagnostics).toEqual([]);
    expect(corpus.incidents.map((i) => i.id)).toEqual(['2024-03-example-agent-deletion']);
  });

  it.each(files)('%s passes every check', (name) => {
    const corpus = loadWithRecords({ [name]: readFileSync(join(BENIGN, name), 'utf8') });
    expect(corpus.diagnostics).toEqual([]);
    expect(corpus.incidents.map((i) => i.id)).toContain(name.replace(/\.mdx$/, ''));
  });

  it('refuses a record named like one of the site\'s own paths under /incidents/', () => {
    const corpus = loadWithRecords({ 'page.mdx': readFileSync(join(BENIGN, files[0]!), 'utf8') });
    expect(corpus.diagnostics.map((d) => `${d.file} ${d.field} ${d.message}`)).toEqual([
      'content/incidents/page.mdx file "page" is reserved for the site\'s own pages (/incidents/page/…); choose another name',
    ]);
    expect(corpus.incidents.map((i) => i.id)).not.toContain('page');
  });

  it('suggests the closest id for unknown references', () => {
    const text = readFileSync(join(BENIGN, files[0]!), 'utf8').replace('{ id: example-cloud,', '{ id: exampel-cloud,');
    const corpus = loadWithRecords({ [files[0]!]: text });
    expect(corpus.diagnostics.map((d) => d.message)).toContain('unknown organization "exampel-cloud" (not in content/organizations/); did you mean "example-cloud"?');
  });
});
