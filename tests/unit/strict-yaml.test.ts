import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAlias, isMap, isScalar, isSeq, parseDocument, stringify, visit } from 'yaml';
import { splitFrontmatter } from '../../src/validate/split-frontmatter.ts';
import { fastParse, locate, parseStrictYaml } from '../../src/validate/strict-yaml.ts';
import { formatDiagnostic, formatReport, githubAnnotation } from '../../src/validate/report.ts';

const ROOT = join(import.meta.dirname, '..', '..');

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
    expect(split).toEqual({ yaml: 'a: 1', yamlFirstLine: 2, closingLine: 3, body: '\n\n\n\nBody' });
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
    expect(githubAnnotation({ ...d, message: '50% done\nnext' })).toBe('::error file=content/incidents/x.mdx,line=3,col=5,title=impact.severity::50%25 done\\nnext');
  });
  it.each([
    ['a forged annotation', 'link to "\n::error file=README.md,line=1::owned" is not allowed'],
    ['a command that stops annotations', 'link to "\r\n::stop-commands::x" is not allowed'],
    ['terminal escape sequences', 'value "\u001b[2J\u001b]0;title\u0007" is wrong'],
    ['bidi overrides and line separators', 'value "\u202Eevil\u2028next\u0085" is wrong'],
  ])('prints %s on one line, escaped, in every part of a diagnostic', (_what, message) => {
    const hostile = { file: 'content/incidents/a\nb.mdx', line: 1, column: 1, field: 'x\u001b', message };
    for (const line of [formatDiagnostic(hostile), githubAnnotation(hostile), formatReport([hostile], 1, { ci: true })]) {
      expect(line).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2028\u2029]/);
      for (const row of line.split('\n')) expect(row, row).toMatch(/^(?:content\/|::error file=content|✗)/);
    }
    expect(formatDiagnostic(hostile)).toMatch(/^content\/incidents\/a\\nb\.mdx:1:1  x\\u\{1B\}  /);
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

describe('the fast reader agrees with the strict one', () => {
  /** What the strict reader alone makes of a source: its data, or undefined when it refuses it. */
  function strictly(source: string): unknown {
    const doc = parseDocument(source, { uniqueKeys: true, schema: 'core', strict: true, prettyErrors: false, merge: false });
    let refused = doc.errors.length > 0 || doc.warnings.length > 0;
    visit(doc, (_key, node) => {
      if (isAlias(node) || ((isScalar(node) || isMap(node) || isSeq(node)) && (node.anchor || node.tag))) refused = true;
    });
    return refused ? undefined : doc.toJS();
  }

  it('reads every record frontmatter of the project and the fixtures fast, to the same data', () => {
    const dirs = [join(ROOT, 'content', 'incidents'), join(ROOT, 'tests', 'fixtures', 'benign'), join(ROOT, 'tests', 'fixtures', 'corpus', 'content', 'incidents')];
    const sources = dirs.flatMap((dir) => readdirSync(dir).map((name) => splitFrontmatter(readFileSync(join(dir, name), 'utf8'))));
    expect(sources.length).toBeGreaterThan(20);
    for (const split of sources) {
      if (!('yaml' in split)) throw new Error('fixture without frontmatter');
      const fast = fastParse(split.yaml);
      expect(fast.ok).toBe(true);
      if (fast.ok) expect(fast.data).toEqual(strictly(split.yaml));
    }
  });

  it('leaves every hostile frontmatter to the strict reader, or reads it to the same data', () => {
    const dir = join(ROOT, 'tests', 'fixtures', 'hostile');
    for (const name of readdirSync(dir)) {
      const split = splitFrontmatter(readFileSync(join(dir, name), 'utf8'));
      if (!('yaml' in split)) continue;
      const fast = fastParse(split.yaml);
      if (fast.ok) expect(fast.data, name).toEqual(strictly(split.yaml));
    }
  });

  it('on generated data written in every YAML style', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('null', '~', 'true', '1', '0o7', '__proto__', 'a: b', '- x', '#'));
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null),
      fc.constantFrom('2025-12', '2025-12-15T09:47Z', '1_000', '0b1', '.inf', 'yes', 'Null', '', ' x', 'x ', 'a\nb', 'é', '\t', '"', "'", '&a', '*a', '!t', '%x'));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
    }));
    const style = fc.record({
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE'),
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      lineWidth: fc.constantFrom(0, 20, 80),
    }) as fc.Arbitrary<Parameters<typeof stringify>[2] & object>;
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), style, (data, options) => {
        const source = stringify(data, options);
        const fast = fastParse(source);
        if (fast.ok) expect(fast.data).toEqual(strictly(source));
      }),
      { numRuns: 400 },
    );
  });

  it('on generated text, never accepting what the strict reader refuses', () => {
    // Mostly well-formed lines of keys, items and values, salted with the characters YAML reads specially.
    const value = fc.constantFrom('a', 'two words', '"q x"', "'s'", "'it''s'", '[a, b]', '{x: 1}', '[a, [b, c]]', '1', '-2', '0o7', 'null', '~', 'true', '',
      '|', '>-', '|+', 'a: b', 'a:b', '#c', 'a #c', 'a#b', '- a', '&x a', '*x', '!t a', '!!str a', '"open', "'open", 'x, y', 'é', '"\\u00e9"', '? k', '@a', '`a', '%a', 'a  b', "'s'b", '"q":', '[a', 'b]');
    const noise = fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(' ', ':', ' #c', '"', "'", ',', ']', '}', ' - ', '\\', '  x') });
    const indent = fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(' ', '  ', '    ') });
    const lead = fc.constantFrom('key', 'item', 'nested', 'bare');
    const line = fc.tuple(indent, lead, value, noise);
    const runs = Number(process.env.FUZZ_RUNS ?? 3000);
    let readFast = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        // Keys are numbered so that most documents are well formed; the salt makes some of them not.
        const text = lines.map(([space, kind, item, tail], i) => {
          const start = { key: `k${i}: `, item: `k${i}:\n  - `, nested: `k${i}:\n  n: `, bare: '' }[kind];
          return space + start + item + tail;
        });
        const source = `${text.join('\n')}\n`;
        const fast = fastParse(source);
        if (fast.ok) {
          readFast++;
          expect(fast.data).toEqual(strictly(source));
        }
      }),
      { numRuns: runs },
    );
    // The property says something only if the fast reader takes a fair share of the documents.
    expect(readFast).toBeGreaterThan(runs * 0.05);
  });
});
