import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/validate/corpus.ts';
import { readRedirects } from '../../src/validate/redirects.ts';
import { formatReport } from '../../src/validate/report.ts';
import { FIXTURE_RECORD, FIXTURE_ROOT, TEST_NOW } from '../support/corpus.ts';

// Symbolic links, hidden files and folders under content/ are refused by name, never followed or skipped.
const work = mkdtempSync(join(tmpdir(), 'atlas-entries-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the fixture corpus, changed by `arrange`, read as `npm run validate` reads it. */
function loadAfter(name: string, arrange: (content: string, outside: string) => void) {
  const root = join(work, name);
  cpSync(join(FIXTURE_ROOT, 'content'), join(root, 'content'), { recursive: true });
  const outside = join(work, `${name}-outside`);
  mkdirSync(outside);
  arrange(join(root, 'content'), outside);
  return { root, corpus: loadCorpus({ root, now: () => TEST_NOW }) };
}

const at = (file: string) => ({ file, line: 1, column: 1, field: 'file' });

describe('content entries that are not plain files', () => {
  it.each([
    ['a record that is a link to another record', 'content/incidents/2024-03-linked-record.mdx', (content: string) => symlinkSync(join(content, 'incidents', '2024-03-example-agent-deletion.mdx'), join(content, 'incidents', '2024-03-linked-record.mdx')), /symbolic link/],
    ['a record that is a link out of the repository', 'content/incidents/2024-03-outside.mdx', (content: string, outside: string) => {
      writeFileSync(join(outside, 'secret.mdx'), readFileSync(FIXTURE_RECORD));
      symlinkSync(join(outside, 'secret.mdx'), join(content, 'incidents', '2024-03-outside.mdx'));
    }, /symbolic link/],
    ['an organization that is a link', 'content/organizations/linked.yaml', (content: string) => symlinkSync(join(content, 'organizations', 'example-cloud.yaml'), join(content, 'organizations', 'linked.yaml')), /symbolic link/],
    ['a folder of links', 'content/incidents', (content: string, outside: string) => {
      rmSync(join(content, 'incidents'), { recursive: true });
      symlinkSync(outside, join(content, 'incidents'));
    }, /symbolic link/],
    ['a hidden record', 'content/incidents/.2024-03-hidden.mdx', (content: string) => writeFileSync(join(content, 'incidents', '.2024-03-hidden.mdx'), readFileSync(FIXTURE_RECORD)), /hidden/],
    ['a folder named like a record', 'content/incidents/2024-03-folder.mdx', (content: string) => mkdirSync(join(content, 'incidents', '2024-03-folder.mdx')), /is a folder/],
  ])('refuses %s by name', (name, file, arrange, message) => {
    const { corpus } = loadAfter(name.replace(/\W+/g, '-'), arrange);
    expect(corpus.diagnostics).toContainEqual({ ...at(file), message: expect.stringMatching(message) });
    expect(corpus.files).toContain(file);
  });

  it('does not follow a taxonomy that links out of the repository', () => {
    const { corpus } = loadAfter('taxonomy-link', (content, outside) => {
      writeFileSync(join(outside, 'causes.yaml'), '- { id: planted, name: Planted, definition: Read from outside the repository. }\n');
      rmSync(join(content, 'taxonomy', 'causes.yaml'));
      symlinkSync(join(outside, 'causes.yaml'), join(content, 'taxonomy', 'causes.yaml'));
    });
    expect(corpus.diagnostics).toContainEqual({ ...at('content/taxonomy/causes.yaml'), message: expect.stringMatching(/symbolic link/) });
    expect(corpus.causes.map((term) => term.id)).not.toContain('planted');
  });

  it('does not follow redirects that link out of the repository, in validation or in the site configuration', () => {
    const { root, corpus } = loadAfter('redirects-link', (content, outside) => {
      writeFileSync(join(outside, 'redirects.yaml'), '- { from: planted-old, to: 2024-03-example-agent-deletion }\n');
      rmSync(join(content, 'redirects.yaml'), { force: true });
      symlinkSync(join(outside, 'redirects.yaml'), join(content, 'redirects.yaml'));
    });
    expect(corpus.diagnostics).toContainEqual({ ...at('content/redirects.yaml'), message: expect.stringMatching(/symbolic link/) });
    expect(readRedirects(root).redirects).toEqual([]);
  });

  it('reports a file name holding a line break on one line', () => {
    const { corpus } = loadAfter('newline-name', (content) => writeFileSync(join(content, 'incidents', 'a\n::error file=README.md::x.mdx'), 'x'));
    const report = formatReport(corpus.diagnostics, corpus.files, { ci: true });
    expect(corpus.diagnostics).toContainEqual({ ...at('content/incidents/a\n::error file=README.md::x.mdx'), message: expect.stringMatching(/kebab-case/) });
    for (const line of report.split('\n')) expect(line).toMatch(/^(?:content\/|::error file=content|✗)/);
  });
});
