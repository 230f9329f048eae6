import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/validate/corpus.ts';

// Both scripts run through their real command line against a stand-in for the Wayback Machine and
// for the sources' own sites, on 127.0.0.1: no test needs the internet.
const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'archive');
const CAPTURE = '20250103040506';

let base = '';
let inFlight = 0;
let mostInFlight = 0;
const seen: { path: string; method: string; agent: string }[] = [];
const attempts = new Map<string, number>();
const held: ServerResponse[] = [];

function wayback(response: ServerResponse, url: URL) {
  const target = url.searchParams.get('url') ?? '';
  // The fixtures' special pages, by exact path (real source addresses contain words like "slow").
  const page = /^https:\/\/[^/]+\/(slow|flaky|never|error-page)$/.exec(target)?.[1];
  const json = (body: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (page === 'slow') return void held.push(response); // never answers: the client's timeout must end it
  if (page === 'flaky' && !attempts.has(target)) {
    attempts.set(target, 1);
    return void response.writeHead(429, { 'retry-after': '0' }).end();
  }
  if (page === 'never') return json({ url: target, archived_snapshots: {} });
  if (page === 'error-page') return json({ url: target, archived_snapshots: { closest: { available: true, status: '404', timestamp: CAPTURE, url: `http://web.archive.org/web/${CAPTURE}/${target}` } } });
  return json({ url: target, archived_snapshots: { closest: { available: true, status: '200', timestamp: CAPTURE, url: `http://web.archive.org/web/${CAPTURE}/${target}` } } });
}

function site(request: IncomingMessage, response: ServerResponse, path: string) {
  const key = `${request.method} ${path}`;
  attempts.set(key, (attempts.get(key) ?? 0) + 1);
  switch (path) {
    case '/site/ok': return void response.writeHead(200).end('ok');
    case '/site/gone': return void response.writeHead(404).end();
    case '/site/broken': return void response.writeHead(500).end();
    case '/site/moved': return void response.writeHead(301, { location: '/site/ok' }).end();
    case '/site/elsewhere': return void response.writeHead(302, { location: '/site/ok' }).end();
    case '/site/no-head': return void response.writeHead(request.method === 'HEAD' ? 405 : 200).end();
    case '/site/flaky': return void response.writeHead(attempts.get(key) === 1 ? 429 : 200, { 'retry-after': '0' }).end();
    case '/site/slow': return void held.push(response);
    default: return void response.writeHead(404).end();
  }
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  seen.push({ path: url.pathname, method: request.method ?? '', agent: request.headers['user-agent'] ?? '' });
  mostInFlight = Math.max(mostInFlight, ++inFlight);
  response.on('close', () => inFlight--);
  if (url.pathname === '/wayback/available') return wayback(response, url);
  if (url.pathname.startsWith('/save/')) return void response.writeHead(302, { location: `/web/20260101000000/${url.pathname.slice(6)}` }).end();
  if (url.pathname.startsWith('/web/')) return void response.writeHead(200).end('captured');
  return site(request, response, url.pathname);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  held.forEach((response) => response.destroy());
  server.close();
});

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A project root holding `files` under content/incidents/. */
function projectWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-sources-'));
  temps.push(dir);
  mkdirSync(join(dir, 'content', 'incidents'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'content', 'incidents', name), text);
  return dir;
}

/** Runs a script as `npm run` would, without blocking this process's stand-in server. */
function run(script: string, cwd: string, args: string[] = []): Promise<{ status: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', `${script}.ts`), ...args], {
      cwd, env: { ...process.env, WAYBACK_API_BASE: base, WAYBACK_SAVE_BASE: base, NO_COLOR: '1' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('close', (status) => resolve({ status, out, err }));
  });
}

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const recordText = (dir: string, name = 'x.mdx') => readFileSync(join(dir, 'content', 'incidents', name), 'utf8');
// Generous timeouts: a loaded machine must not turn a loopback answer into a timeout.
const FAST = ['--delay', '0', '--timeout', '10000', '--retries', '2'];

describe('npm run archive-sources', () => {
  it('writes archived under each url and changes no other byte (golden file); a second run changes nothing', async () => {
    const dir = projectWith({ 'x.mdx': fixture('record.mdx') });
    seen.length = 0;
    const first = await run('archive-sources', dir, FAST);
    expect(first.status, first.err).toBe(0);
    expect(recordText(dir)).toBe(fixture('record.archived.mdx'));
    expect(first.out).toContain('filled 4, saved and filled 0, none found 1, failed 0');
    expect(seen.every((request) => request.agent.startsWith('IncidentAtlas-'))).toBe(true);
    expect(mostInFlight).toBe(1); // one request at a time to the host
    const second = await run('archive-sources', dir, FAST);
    expect(second.status).toBe(0);
    expect(recordText(dir)).toBe(fixture('record.archived.mdx'));
    expect(second.out).toContain('filled 0, saved and filled 0, none found 1, failed 0');
  });

  it('retries after a 429, gives up on a timeout, skips captures of error pages, and exits 0', async () => {
    const text = fixture('record.mdx')
      .replace('https://example.com/postmortem', 'https://example.com/flaky')
      .replace('https://example.com/status', 'https://example.com/slow')
      .replace('https://news.example/story', 'https://news.example/error-page');
    const dir = projectWith({ 'x.mdx': text });
    const result = await run('archive-sources', dir, ['--delay', '0', '--timeout', '3000', '--retries', '1']);
    expect(result.status, result.err).toBe(0);
    expect(result.out).toContain('filled 2, saved and filled 0, none found 2, failed 1');
    expect(result.out).toMatch(/Failed \(tried again on the next run\):\n\s+content\/incidents\/x\.mdx\s+commented-source\s+https:\/\/example\.com\/slow\s+timeout/);
    expect(recordText(dir)).toContain(`archived: https://web.archive.org/web/${CAPTURE}/https://example.com/flaky`);
    expect(recordText(dir)).not.toContain('https://example.com/slow\n    archived');
  }, 30_000);

  it('with --save, asks Save Page Now for pages without a capture and records the new capture', async () => {
    const dir = projectWith({ 'x.mdx': fixture('record.mdx') });
    const result = await run('archive-sources', dir, [...FAST, '--save']);
    expect(result.status, result.err).toBe(0);
    expect(result.out).toContain('filled 4, saved and filled 1, none found 0, failed 0');
    expect(recordText(dir)).toContain('url: https://example.com/never\n    archived: https://web.archive.org/web/20260101000000/https://example.com/never\n');
  });

  it('refuses an unknown option with exit 2 and the usage', async () => {
    const result = await run('archive-sources', projectWith({}), ['--sav']);
    expect(result.status).toBe(2);
    expect(result.err).toContain('unknown option --sav');
  });

  it('fills every source of the real corpus with its archived copies removed, and the records still validate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-corpus-'));
    temps.push(dir);
    cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    const incidents = join(dir, 'content', 'incidents');
    const names = readdirSync(incidents).filter((name) => name.endsWith('.mdx'));
    const stripped = new Map<string, string>();
    for (const name of names) {
      const text = readFileSync(join(incidents, name), 'utf8').replace(/^ +archived: .*\n/gm, '');
      writeFileSync(join(incidents, name), text);
      stripped.set(name, text);
    }
    const first = await run('archive-sources', dir, FAST);
    expect(first.status, first.err).toBe(0);
    expect(first.out).toMatch(/none found 0, failed 0/);
    const corpus = loadCorpus({ root: dir });
    expect(corpus.diagnostics).toEqual([]);
    for (const incident of corpus.incidents) {
      for (const source of incident.data.sources) expect(source.archived, `${incident.id} ${source.id}`).toBe(`https://web.archive.org/web/${CAPTURE}/${source.url}`);
    }
    for (const name of names) {
      // Removing the added lines gives back the file byte for byte.
      const after = readFileSync(join(incidents, name), 'utf8');
      expect(after.replace(/^ +archived: https:\/\/web\.archive\.org\/web\/\d{14}\/.*\n/gm, ''), name).toBe(stripped.get(name));
    }
    const before = names.map((name) => readFileSync(join(incidents, name), 'utf8'));
    const second = await run('archive-sources', dir, FAST);
    expect(second.out).toContain('filled 0, saved and filled 0, none found 0, failed 0');
    expect(names.map((name) => readFileSync(join(incidents, name), 'utf8'))).toEqual(before);
  }, 120_000);
});

describe('npm run check-sources', () => {
  const record = (paths: string[]) => [
    '---',
    'title: Sources to check',
    'sources:',
    ...paths.flatMap((path) => [`  - id: ${path.replace(/\W/g, '') || 'x'}`, `    url: ${path.startsWith('http') ? path : `${base}/site/${path}`}`, '    kind: news']),
    '---',
    '',
  ].join('\n');

  it('reports dead addresses and permanent redirects as a table and as JSON, and edits nothing', async () => {
    const text = record(['ok', 'gone', 'broken', 'moved', 'elsewhere', 'no-head', 'flaky', 'slow', 'http://127.0.0.1:1/refused']);
    const dir = projectWith({ 'x.mdx': text });
    const result = await run('check-sources', dir, ['--delay', '0', '--timeout', '3000', '--retries', '1', '--json', 'report.json', '--markdown', 'report.md']);
    expect(result.status, result.err).toBe(0);
    expect(recordText(dir)).toBe(text);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const verdicts = Object.fromEntries(report.problems.map((row: { source: string; verdict: string }) => [row.source, row.verdict]));
    expect(verdicts).toEqual({ gone: 'dead', broken: 'dead', slow: 'dead', http1270011refused: 'dead', moved: 'moved' });
    expect(report.counts).toEqual({ ok: 4, dead: 4, moved: 1, unsure: 0 });
    expect(report.problems.find((row: { source: string }) => row.source === 'moved').movedTo).toBe(`${base}/site/ok`);
    expect(report.problems.find((row: { source: string }) => row.source === 'slow').error).toBe('timeout');
    expect(result.out).toMatch(/^dead +content\/incidents\/x\.mdx +broken +\S+\/site\/broken +HTTP 500$/m);
    expect(result.out).toContain('9 addresses checked: 4 ok, 4 dead, 1 moved permanently, 0 rate-limited');
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('| moved | `content/incidents/x.mdx` | moved |');
    // HEAD first, then GET where HEAD was refused; the 429 was asked again.
    expect(attempts.get('HEAD /site/no-head')).toBe(1);
    expect(attempts.get('GET /site/no-head')).toBe(1);
    expect(attempts.get('HEAD /site/flaky')).toBe(2);
  }, 30_000);
});
