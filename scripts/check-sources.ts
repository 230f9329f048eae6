// npm run check-sources [files…] — asks every source address whether it still answers (HEAD,
// falling back to GET), following redirects, and reports dead addresses and permanent redirects
// as a table, and as JSON and Markdown on request. Never edits a record.
import { writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { linkReport, reportMarkdown, reportTable, type Check, type Citation } from '../src/lib/sources/link-report.ts';
import { politeClient } from './sources/polite-client.ts';
import { milliseconds, parseArgs, readRecord, recordFiles } from './sources/records.ts';

const HELP = `npm run check-sources -- [files…] [--json FILE] [--markdown FILE] [--delay ms] [--timeout ms] [--retries n]

Checks every source url of the records (all of them, or the files named): dead (4xx, 5xx, DNS
failure, timeout) and moved permanently (301, 308) are listed; nothing is edited.
  --json FILE      write the whole report as JSON ("-" for standard output)
  --markdown FILE  write the report as Markdown, for an issue
  --delay ms       pause between requests to one host (default 1000)
  --timeout ms     give up on one request after this long (default 20000)
  --retries n      further attempts after 429, 5xx or a network failure (default 2)`;

const MAX_REDIRECTS = 10;
// Answers from servers that refuse HEAD rather than the page: ask again with GET.
const HEAD_REFUSED = new Set([400, 403, 404, 405, 406, 501]);

let args;
try {
  args = parseArgs(process.argv.slice(2), ['help'], ['json', 'markdown', 'delay', 'timeout', 'retries']);
} catch (error) {
  console.error(`check-sources: ${(error as Error).message}\n\n${HELP}`);
  process.exit(2);
}
if (args.options.help) {
  console.log(HELP);
  process.exit(0);
}
const client = politeClient({
  delayMs: milliseconds(args.options.delay, 1000, 'delay'),
  timeoutMs: milliseconds(args.options.timeout, 20_000, 'timeout'),
  retries: milliseconds(args.options.retries, 2, 'retries'),
  backoffMs: 2000,
});

/** Follows redirects by hand, so a permanent one is seen, and says how the address ends. */
async function check(url: string): Promise<Check> {
  const result: Check = { url };
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let outcome = await client.request(current, { method: 'HEAD', redirect: 'manual' });
    if (!outcome.ok || HEAD_REFUSED.has(outcome.response.status)) {
      const get = await client.request(current, { method: 'GET', redirect: 'manual' });
      if (get.ok || !outcome.ok) outcome = get;
    }
    if (!outcome.ok) {
      if (outcome.response) result.status = outcome.response.status;
      else result.error = outcome.error;
      return result;
    }
    const { response } = outcome;
    await response.body?.cancel();
    result.status = response.status;
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      result.finalUrl = current;
      return result;
    }
    const next = new URL(location, current).href;
    if ((response.status === 301 || response.status === 308) && result.movedTo === undefined && hop === 0) result.movedTo = next;
    current = next;
  }
  result.error = `more than ${MAX_REDIRECTS} redirects`;
  delete result.status;
  return result;
}

const root = process.cwd();
const citations = new Map<string, Citation[]>();
for (const file of recordFiles(root, args.rest)) {
  const record = readRecord(root, file);
  let data: { sources?: { id?: unknown; url?: unknown }[] } | undefined;
  try {
    data = record.yaml ? parse(record.yaml.text) : undefined;
  } catch {
    data = undefined;
  }
  if (!data) {
    console.error(`${file}: skipped, its frontmatter does not parse (npm run validate says why)`);
    continue;
  }
  for (const source of data.sources ?? []) {
    if (typeof source.url !== 'string') continue;
    const list = citations.get(source.url) ?? [];
    list.push({ file, source: String(source.id) });
    citations.set(source.url, list);
  }
}

// Hosts are asked in parallel, each one a request at a time (the client queues per host).
const checks = await Promise.all([...citations.keys()].map((url) => check(url)));
const report = linkReport(checks, citations);
console.log(reportTable(report));
const json = JSON.stringify({ date: new Date().toISOString(), ...report }, null, 2);
if (args.options.json === '-') console.log(json);
else if (typeof args.options.json === 'string') writeFileSync(args.options.json, `${json}\n`);
if (typeof args.options.markdown === 'string') writeFileSync(args.options.markdown, `${reportMarkdown(report, new Date().toISOString().slice(0, 10))}\n`);
