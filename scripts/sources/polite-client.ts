/**
 * HTTP for the source scripts, polite to the sites they ask: one request at a time per host with a
 * pause between them, a timeout, retries with growing back-off on 429 and 5xx (honouring
 * Retry-After), and a User-Agent that says who is asking.
 */
export const USER_AGENT = 'IncidentAtlas-source-check/1.0 (+https://github.com/incident-atlas/incident-atlas)';

export interface PoliteOptions {
  /** Pause between two requests to the same host, in ms. */
  delayMs: number;
  /** Give up on one request after this long, in ms. */
  timeoutMs: number;
  /** Further attempts after a 429 or 5xx answer, or a network failure. */
  retries: number;
  /** First back-off, doubled at each retry, in ms. */
  backoffMs: number;
}

export type Outcome =
  | { ok: true; response: Response; attempts: number }
  | { ok: false; error: string; attempts: number; response?: Response };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const retriable = (status: number) => status === 429 || status >= 500;

/** Retry-After in ms (seconds or an HTTP date), capped so one host cannot stall the run. */
function retryAfter(response: Response, fallback: number): number {
  const header = response.headers.get('retry-after');
  if (!header) return fallback;
  const ms = /^\d+$/.test(header) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, fallback), 120_000) : fallback;
}

/** Why a request failed, in words: DNS, refused, reset, timeout. */
function describe(error: unknown): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'timeout';
  const code = err.cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `DNS failure (${code})`;
  return code ?? err.cause?.message ?? err.message ?? String(error);
}

export function politeClient(options: PoliteOptions) {
  const queues = new Map<string, Promise<unknown>>();

  async function attempt(url: string, init: RequestInit): Promise<Outcome> {
    let last: Outcome = { ok: false, error: 'not tried', attempts: 0 };
    for (let n = 0; n <= options.retries; n++) {
      if (n > 0) await sleep(last.response ? retryAfter(last.response, options.backoffMs * 2 ** (n - 1)) : options.backoffMs * 2 ** (n - 1));
      try {
        const response = await fetch(url, { ...init, headers: { 'user-agent': USER_AGENT, ...init.headers }, signal: AbortSignal.timeout(options.timeoutMs) });
        if (!retriable(response.status)) return { ok: true, response, attempts: n + 1 };
        await response.body?.cancel();
        last = { ok: false, error: `HTTP ${response.status}`, attempts: n + 1, response };
      } catch (error) {
        last = { ok: false, error: describe(error), attempts: n + 1 };
        if (last.error === 'timeout' || last.error.startsWith('DNS')) return last; // waiting again rarely helps
      }
    }
    return last;
  }

  /** Sends the request in turn with the others to its host, after the pause. */
  function request(url: string, init: RequestInit = {}): Promise<Outcome> {
    const host = new URL(url).host;
    const previous = queues.get(host);
    const run = (async () => {
      if (previous) {
        await previous.catch(() => undefined);
        await sleep(options.delayMs);
      }
      return attempt(url, init);
    })();
    queues.set(host, run);
    return run;
  }

  return { request };
}
