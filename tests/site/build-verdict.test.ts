import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'atlas-failed-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `astro build` over a content folder, into its own output folder. */
function build(contentRoot: string, outDir: string) {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ATLAS_CONTENT_ROOT: contentRoot, ATLAS_CACHE_DIR: join(contentRoot, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('what validate accepts, the build builds', () => {
  it('builds records at the nesting limit, with long lines, footnotes and links within the site', () => {
    const root = join(work, 'limits');
    cpSync(join(ROOT, 'tests', 'fixtures', 'corpus', 'content'), join(root, 'content'), { recursive: true });
    const fixture = readFileSync(join(root, 'content', 'incidents', '2024-03-example-agent-deletion.mdx'), 'utf8');
    const emphasis = (depth: number) => `${'*w '.repeat(depth)}x${' w*'.repeat(depth)}`;
    const bodies: Record<string, string> = {
      // root > 10 blockquotes > paragraph > 20 emphases > text: 32 levels.
      '2024-03-deepest-quotes': `${'> '.repeat(10)}${emphasis(20)}`,
      // 15 lists of one item each (30 levels) > paragraph > text.
      '2024-03-deepest-lists': Array.from({ length: 15 }, (_, k) => `${'  '.repeat(k)}- item`).join('\n'),
      '2024-03-deepest-asides': `${'<Aside kind="note">\n\n'.repeat(30)}x${'\n\n</Aside>'.repeat(30)}`,
      '2024-03-longest-line': `${'word '.repeat(30000)}<Cite ids="analysis" />`,
    };
    for (const [id, body] of Object.entries(bodies)) writeFileSync(join(root, 'content', 'incidents', `${id}.mdx`), `${fixture}\n${body}\n`);
    cpSync(join(ROOT, 'tests', 'fixtures', 'benign', 'legitimate-text-and-links.mdx'), join(root, 'content', 'incidents', '2024-03-legitimate-text-and-links.mdx'));
    const validate = spawnSync(process.execPath, [join(ROOT, 'scripts', 'validate.ts')], { cwd: root, encoding: 'utf8' });
    expect(validate.status, validate.stdout).toBe(0);
    const outDir = join(root, 'dist');
    const { status, output } = build(root, outDir);
    expect(status, output).toBe(0);
    for (const id of [...Object.keys(bodies), '2024-03-legitimate-text-and-links']) expect(existsSync(join(outDir, 'incidents', id, 'index.html')), id).toBe(true);
    const legitimate = readFileSync(join(outDir, 'incidents', '2024-03-legitimate-text-and-links', 'index.html'), 'utf8');
    expect(legitimate).toContain('<h3 id="account-sources">');
    expect(legitimate.match(/ id="sources"/g)).toHaveLength(1);
    expect(legitimate).toContain('href="#fn-3"');
  }, 300_000);
});

describe('a build that fails', () => {
  it('names the record, line and field, and leaves no output folder behind', () => {
    cpSync(join(ROOT, 'content'), join(work, 'content'), { recursive: true });
    const record = join(work, 'content', 'incidents', '2017-01-gitlab-database-deletion.mdx');
    writeFileSync(record, `${readFileSync(record, 'utf8')}\n${'>'.repeat(5000)} deep\n`);
    const line = readFileSync(record, 'utf8').split('\n').findIndex((row) => row.startsWith('>>>>')) + 1;
    const outDir = join(work, 'dist');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'index.html'), 'an earlier, partial output');
    const { status, output } = build(work, outDir);
    expect(status, output).not.toBe(0);
    expect(output).toContain(`content/incidents/2017-01-gitlab-database-deletion.mdx:${line}:1  body  nested more than`);
    expect(output).not.toMatch(/Maximum call stack/);
    expect(existsSync(outDir)).toBe(false);
  }, 300_000);
});
