import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');
const MODEL = 'content/incidents/2025-12-aws-cost-explorer-kiro.mdx';
const original = readFileSync(join(REPO, MODEL), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'atlas-model-'));
cpSync(join(REPO, 'content'), join(work, 'content'), { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the real `validate` command on one file of the temporary copy, returning its output and exit code. */
function validate(text: string): { output: string; code: number } {
  writeFileSync(join(work, MODEL), text);
  try {
    return { output: execFileSync(process.execPath, [join(REPO, 'scripts', 'validate.ts'), MODEL], { cwd: work, encoding: 'utf8', env: { ...process.env, CI: '' } }), code: 0 };
  } catch (error) {
    const failure = error as { stdout: string; status: number };
    return { output: failure.stdout, code: failure.status };
  }
}

/** Line (1-based) of the first line matching `pattern`. */
function lineOf(text: string, pattern: RegExp): number {
  const index = text.split('\n').findIndex((line) => pattern.test(line));
  if (index === -1) throw new Error(`model record has no line matching ${pattern}`);
  return index + 1;
}

// Each breaks one rule of the schema on one line of the model record: [line pattern, replacement, expected field path].
const MUTATIONS: [RegExp, (line: string) => string, string | RegExp][] = [
  [/^status: /, () => 'status: live', 'status'],
  [/^  severity: /, () => '  severity: extreme', 'impact.severity'],
  [/^  data_loss: /, () => '  data_loss: lots', 'impact.data_loss'],
  [/^  involvement: /, () => '  involvement: robot', 'automation.involvement'],
  [/^  start: /, () => '  start: 2025-13', 'occurred.start'],
  [/^duration: /, () => 'duration: 13 hours', 'duration'],
  [/^reported: /, () => 'reported: 2099-02-20', 'reported'],
  [/^  - \{ id: amazon-web-services/, (l) => l.replace('role: operator', 'role: owner'), 'organizations.0.role'],
  [/^  - \{ id: amazon-web-services/, (l) => l.replace('amazon-web-services', 'amazon-web-service'), 'organizations.0.id'],
  [/^  categories: \[/, (l) => l.replace('[', '[not-a-cause, '), 'cause.categories.0'],
  [/^    kind: trigger/, () => '    kind: explosion', /^timeline\.\d+\.kind$/],
  [/^    sources: \[/, () => '    sources: [ghost-source]', /^timeline\.0\.sources\.0$/],
  [/^    status: disputed/, () => '    status: maybe', 'claims.0.status'],
  [/^  - kind: /, () => '  - kind: not-a-safeguard', 'safeguards.0.kind'],
  [/^    url: /, () => '    url: javascript:alert(1)', 'sources.0.url'],
  [/^status: /, (l) => `${l}\ncolour: red`, 'colour'],
];

describe('breaking the model record', () => {
  it('the model record itself validates', () => {
    const { output, code } = validate(original);
    expect(code, output).toBe(0);
  });

  it.each(MUTATIONS.map((m, i) => [i, ...m] as const))('mutation %i on %s names file, line and field', (_i, pattern, replace, field) => {
    const lines = original.split('\n');
    const line = lineOf(original, pattern);
    lines[line - 1] = replace(lines[line - 1]!);
    // A replacement that adds a line (an unknown key) is expected on the line it added.
    const expectedLine = replace('').startsWith('\n') ? line + 1 : line;
    const { output, code } = validate(lines.join('\n'));
    expect(code).toBe(1);
    const located = output.split('\n').filter((l) => l.startsWith(`${MODEL}:`)).map((l) => /^(.+?):(\d+):(\d+)  (\S+)  /.exec(l)!);
    const hit = located.find((m) => Number(m[2]) === expectedLine && (typeof field === 'string' ? m[4] === field : field.test(m[4]!)));
    expect(hit, output).toBeDefined();
  });

  it('a body with raw HTML is reported on the line of the tag', () => {
    const text = `${original.trimEnd()}\n\n<script>alert(1)</script>\n`;
    const { output, code } = validate(text);
    expect(code).toBe(1);
    expect(output).toContain(`${MODEL}:${text.trimEnd().split('\n').length}:1  body  raw HTML <script> is not allowed`);
  });
});
