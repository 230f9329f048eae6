import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/free-port.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const RECORD = '2017-01-gitlab-database-deletion';
const work = mkdtempSync(join(tmpdir(), 'atlas-dev-'));
const file = join(work, 'content', 'incidents', `${RECORD}.mdx`);

/** This process's environment without the test runner's own variables, which change how Astro's dev server behaves. */
function serverEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST'));
}

describe('the dev server follows edits to content', () => {
  let server: ChildProcess;
  let base = '';
  let log = '';
  const heading = async () => /<h1>([^<]*)<\/h1>/.exec(await (await fetch(`${base}/incidents/${RECORD}/`)).text())?.[1];
  const edit = (change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));
  const poll = <T>(read: () => Promise<T>, timeout = 30_000) => expect.poll(read, { timeout, interval: 250 });

  // The server starts while the record is broken: nested deeper than any body may be.
  const DEEP = `\n${'>'.repeat(5000)} deep\n`;

  beforeAll(async () => {
    cpSync(join(ROOT, 'content'), join(work, 'content'), { recursive: true });
    edit((text) => text + DEEP);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: ROOT,
      env: { ...serverEnvironment(), ATLAS_CONTENT_ROOT: work, ATLAS_CACHE_DIR: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [server.stdout!, server.stderr!]) stream.on('data', (chunk: Buffer) => void (log += chunk.toString()));
  });

  afterAll(() => {
    server?.kill();
    rmSync(work, { recursive: true, force: true });
  });

  it('starts while a record has a problem, reports it by file and line, and stays up', async () => {
    const line = readFileSync(file, 'utf8').split('\n').findIndex((row) => row.startsWith('>>>>')) + 1;
    await poll(async () => log, 60_000).toContain(`content/incidents/${RECORD}.mdx:${line}:1  body  nested more than`);
    await poll(async () => (await fetch(`${base}/`)).status, 60_000).toBe(200);
    expect(server.exitCode).toBeNull();
    expect(log).not.toMatch(/Maximum call stack/);
  }, 90_000);

  it('serves the record once it is fixed', async () => {
    edit((text) => text.replace(DEEP, ''));
    await poll(heading, 60_000).toMatch(/^GitLab/).catch((error: Error) => {
      throw new Error(`the dev server did not serve the record (${error.message}); it wrote:\n${log}`);
    });
  }, 90_000);

  it('shows an edited record on the next page load', async () => {
    edit((text) => text.replace(/^title: (.*)$/m, 'title: Edited $1'));
    await poll(heading).toMatch(/^Edited GitLab/);
  });

  it('reports a broken record by file, line and field, and keeps the last good content', async () => {
    edit((text) => text.replace(/^ {2}severity: \w+$/m, '  severity: catastrophic'));
    const line = readFileSync(file, 'utf8').split('\n').findIndex((row) => row.includes('severity: catastrophic')) + 1;
    await poll(async () => log).toContain(`content/incidents/${RECORD}.mdx:${line}:3  impact.severity`);
    expect(await heading()).toMatch(/^Edited GitLab/);
  });

  it('recovers once the record is fixed', async () => {
    edit((text) => text.replace('  severity: catastrophic', '  severity: high').replace('title: Edited ', 'title: Fixed '));
    await poll(heading).toMatch(/^Fixed GitLab/);
  });
});
