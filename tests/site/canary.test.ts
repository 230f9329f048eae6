import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_ROOT, fixtureRecordText } from '../support/corpus.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'atlas-canary-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Records that would leak the environment if the build ever compiled or ran contributed code.
const fixture = fixtureRecordText();
const HOSTILE: Record<string, string> = {
  '2024-03-leak-expression.mdx': `${fixture}\n\n{process.env.ATLAS_CANARY}\n`,
  '2024-03-leak-export.mdx': `${fixture}\n\nexport const leaked = process.env.ATLAS_CANARY\n\n{leaked}\n`,
  '2024-03-leak-js-frontmatter.mdx': fixture.replace(/^---\n/, '---js\n({ title: process.env.ATLAS_CANARY })\n---\n'),
  '2024-03-leak-attribute.mdx': `${fixture}\n\n<Cite ids={process.env.ATLAS_CANARY} />\n`,
};

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('canary: a hostile record with a secret in the environment', () => {
  const secret = `canary-${randomBytes(12).toString('hex')}`;
  cpSync(join(FIXTURE_ROOT, 'content'), join(work, 'content'), { recursive: true });
  for (const [name, text] of Object.entries(HOSTILE)) writeFileSync(join(work, 'content', 'incidents', name), text);
  const outDir = join(work, 'out');
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ATLAS_CONTENT_ROOT: work, ATLAS_CANARY: secret, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const output = `${build.stdout}\n${build.stderr}`;

  it('fails the build, naming every hostile file', () => {
    expect(build.status).not.toBe(0);
    for (const name of Object.keys(HOSTILE)) expect(output).toContain(`content/incidents/${name}:`);
  });

  it('publishes nothing: no partial site', () => {
    expect(filesUnder(outDir).filter((file) => file.endsWith('.html'))).toEqual([]);
  });

  it('never lets the secret reach the output, the logs or any file', () => {
    expect(output).not.toContain(secret);
    for (const file of [...filesUnder(outDir), ...filesUnder(join(work, 'content'))]) expect(readFileSync(file, 'utf8'), file).not.toContain(secret);
  });
});
