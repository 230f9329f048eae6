// What a first search costs a reader: load /search/?q=<word> in Chromium with an empty cache
// and add up every response.
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../static-server.ts';
import { launchChromium } from '../../tests/support/browser.ts';

export interface FirstQuery {
  query: string;
  requests: number;
  /** Response bodies as served by a plain static server (Pagefind's index files are gzipped already). */
  servedBytes: number;
  /** The same with HTML, CSS, JavaScript, JSON and WebAssembly gzipped, as a static host would send them. */
  gzipBytes: number;
  /** Results the page reported. */
  results: number;
  /** From navigation to the results being shown. */
  ms: number;
  /** Served bytes by kind of file, for finding what dominates. */
  byKind: Record<string, number>;
}

const COMPRESSIBLE = /text\/|javascript|json|wasm|svg|xml/;

function kindOf(url: string): string {
  const path = new URL(url).pathname;
  if (path.startsWith('/pagefind/')) {
    const name = path.split('/').pop() ?? '';
    return `pagefind ${/\/(fragment|index|filter)\//.exec(path)?.[1] ?? (name.startsWith('wasm.') ? 'wasm' : name.split('.').pop())}`;
  }
  return path.split('.').pop()?.includes('/') ? 'html' : (path.split('.').pop() ?? 'other');
}

/** Serves `outDir`, opens its search page for `query` and measures everything transferred until results show. */
export async function measureFirstQuery(outDir: string, query: string): Promise<FirstQuery> {
  const { server, url } = await serveStatic(outDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const pending: Promise<void>[] = [];
    const totals = { requests: 0, servedBytes: 0, gzipBytes: 0 };
    const byKind: Record<string, number> = {};
    page.on('requestfinished', (request) => {
      pending.push(
        (async () => {
          const response = await request.response();
          const body = response ? await response.body() : Buffer.alloc(0);
          const type = response?.headers()['content-type'] ?? '';
          totals.requests++;
          totals.servedBytes += body.length;
          totals.gzipBytes += COMPRESSIBLE.test(type) ? Math.min(body.length, gzipSync(body).length) : body.length;
          const kind = kindOf(request.url());
          byKind[kind] = (byKind[kind] ?? 0) + body.length;
        })(),
      );
    });
    const started = performance.now();
    await page.goto(`${url}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => /found|No results/.test(document.querySelector('#results-status')?.textContent ?? ''), undefined, { timeout: 120_000 });
    const ms = performance.now() - started;
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const status = (await page.textContent('#results-status')) ?? '';
    return { query, ...totals, results: Number(/(\d+) incidents? found/.exec(status)?.[1] ?? 0), ms, byKind };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
