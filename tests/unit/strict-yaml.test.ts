import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/validate/split-frontmatter.ts';
import { locate, parseStrictYaml } from '../../src/validate/strict-yaml.ts';
import { formatDiagnostic, formatReport, githubAnnotation } from '../../src/validate/report.ts';

describe('strict YAML', () => {
  it('keeps dates as text and records where each field stands', () => {
    const { data, positions, problems } = parseStrictYaml('a: 2025-12-15\nlist:\n  - x: 1\n    y: [p, q]\n', 2);
    expect(problems).toEqual([]);
    expect(data).toEqual({ a: '2025-12-15', list: [{ x: 1, y: ['p', 'q'] }] });
    expect(positions.get('list.0.y.1')).toEqual({ line: 5, column: 12 });
    expect(locate(positions, ['list', 0, 'missing'])).toEqual({ line: 4, column: 5 });
  });

  it.each([
    ['a: 1\na: 2\n', 'a', /unique/],
    ['a: &x 1\n', 'a', /anchors/],
    ['a: [1]\nb: *x\n', 'b', /aliases|Unresolved|alias/i],
    ['a: !!binary aGk=\n', 'a', /explicit tags/],
    ['a: !custom x\n', 'a', /explicit tags/],
    ['a: [1\n', '(frontmatter)', /YAML/],
  ])('refuses %j', (source, field, message) => {
    const { problems, data } = parseStrictYaml(source);
    expect(data).toBeUndefined();
    expect(problems.some((p) => p.field === field && message.test(p.message)), JSON.stringify(problems)).toBe(true);
  });
});

describe('frontmatter fences', () => {
  it('splits YAML from the body, keeping body lines where they were', () => {
    const split = splitFrontmatter('---\na: 1\n---\n\nBody');
    expect(split).toEqual({ yaml: 'a: 1', yamlFirstLine: 2, body: '\n\n\n\nBody' });
  });

  it.each([
    ['---js\nmodule.exports = {}\n---\n', /language tags/],
    ['---yaml\na: 1\n---\n', /language tags/],
    ['+++\na = 1\n+++\n', /TOML/],
    ['# No frontmatter\n', /must start/],
    ['---\na: 1\n', /not closed/],
  ])('refuses %j', (text, message) => {
    const split = splitFrontmatter(text);
    expect('message' in split && message.test(split.message)).toBe(true);
  });
});

describe('report', () => {
  const d = { file: 'content/incidents/x.mdx', line: 3, column: 5, field: 'impact.severity', message: 'Invalid option: expected one of "low"|"high"' };
  it('prints path:line:col  field  message', () => {
    expect(formatDiagnostic(d)).toBe('content/incidents/x.mdx:3:5  impact.severity  Invalid option: expected one of "low"|"high"');
  });
  it('prints GitHub annotations with escaped properties', () => {
    expect(githubAnnotation({ ...d, message: '50% done\nnext' })).toBe('::error file=content/incidents/x.mdx,line=3,col=5,title=impact.severity::50%25 done%0Anext');
  });
  it('ends with a summary line', () => {
    expect(formatReport([d], 4)).toMatch(/✗ 1 problem in 1 of 4 files$/);
    expect(formatReport([], 4)).toBe('✓ 4 files checked, no problems');
    expect(formatReport([d], 4, { ci: true })).toContain('::error file=');
  });
  it('counts each kind of file when given the list of files', () => {
    const files = ['content/incidents/x.mdx', 'content/incidents/y.mdx', 'content/organizations/o.yaml', 'content/taxonomy/causes.yaml', 'content/taxonomy/safeguards.yaml'];
    expect(formatReport([], files)).toBe('✓ 5 files checked (2 records, 1 organization, 2 taxonomies), no problems');
    const org = { ...d, file: 'content/organizations/o.yaml', field: 'url' };
    expect(formatReport([d, d, org], files).split('\n').at(-1)).toBe('✗ 3 problems in 2 of 5 files (1 of 2 records, 1 of 1 organization)');
  });
});
