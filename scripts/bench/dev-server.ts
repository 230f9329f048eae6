// What a contributor waits for with `npm run dev`: until the server says it is ready, then for the
// first record page it serves (the one that pays for rendering's first use), then for another.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { freePort } from '../free-port.ts';

export interface DevServerTimes {
  /** From starting `astro dev` to its "ready" line. */
  readyMs: number;
  /** From the ready line to the first record page's last byte. */
  firstPageMs: number;
  /** A second, different record page, once the first has been served. */
  nextPageMs: number;
}

const READY = /ready in \d+/;
const LOCAL = /Local\s+(http:\/\/\S+?)\/?\s*$/;
// Enough for 10,000 records on a loaded machine; the figure that matters is the measured one.
const TIMEOUT_MS = 10 * 60_000;

/** Starts `node astro dev` in `cwd`, times it to ready and two record pages (`paths`, e.g. `/incidents/<id>/`), then stops it. */
export async function measureDevServer(astro: string, paths: [string, string], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<DevServerTimes> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [astro, 'dev', '--port', String(port)], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output: string[] = [];
  try {
    const { readyAt, origin } = await new Promise<{ readyAt: number; origin: string }>((resolve, reject) => {
      let readyAt: number | undefined;
      const timer = setTimeout(() => reject(new Error(`astro dev was not ready within ${TIMEOUT_MS / 1000} s:\n${output.slice(-20).join('\n')}`)), TIMEOUT_MS);
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on('line', (line) => {
          const text = line.replace(/\x1b\[[0-9;]*m/g, '');
          output.push(text);
          if (readyAt === undefined && READY.test(text)) readyAt = performance.now();
          // Astro prints the address after the ready line; it may differ from the port asked for.
          const local = LOCAL.exec(text);
          if (readyAt !== undefined && local) {
            clearTimeout(timer);
            resolve({ readyAt, origin: local[1]! });
          }
        });
      }
      child.on('exit', (code) => reject(new Error(`astro dev exited with ${code} before it was ready:\n${output.slice(-20).join('\n')}`)));
    });
    const firstPageMs = await timedGet(`${origin}${paths[0]}`);
    const nextPageMs = await timedGet(`${origin}${paths[1]}`);
    return { readyMs: readyAt - started, firstPageMs, nextPageMs };
  } finally {
    // The dev server starts workers of its own: stop its whole process group.
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
}

/** Milliseconds to fetch `url` in full; fails unless it answers 200 with a page. */
async function timedGet(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  const body = await response.text();
  if (response.status !== 200 || !body.includes('<h1')) throw new Error(`${url} answered ${response.status} without a page heading`);
  return performance.now() - started;
}
