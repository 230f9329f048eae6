import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'atlas-failed-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a build that fails', () => {
  it('names the record, line and field, and leaves no output folder behind', () => {
    cpSync(join(ROOT, 'content'), join(work, 'content'), { recursive: true });
    const record = join(work, 'content', 'incidents', '2017-01-gitlab-database-deletion.mdx');
    writeFileSync(record, `${readFileSync(record, 'utf8')}\n${'>'.repeat(5000)} deep\n`);
    const line = readFileSync(record, 'utf8').split('\n').findIndex((row) => row.startsWith('>>>>')) + 1;
    const outDir = join(work, 'dist');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'index.html'), 'an earlier, partial output');
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ATLAS_CONTENT_ROOT: work, ATLAS_CACHE_DIR: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    });
    const output = build.stdout + build.stderr;
    expect(build.status, output).not.toBe(0);
    expect(output).toContain(`content/incidents/2017-01-gitlab-database-deletion.mdx:${line}:1  body  nested more than`);
    expect(output).not.toMatch(/Maximum call stack/);
    expect(existsSync(outDir)).toBe(false);
  }, 300_000);
});
