// npm run archive-sources [files…] [--save] — fills `archived:` for sources that lack one, from
// the Wayback Machine's closest capture; with --save, asks Save Page Now for pages it has not
// captured. Edits only the new lines; every other byte of each record stays as it was.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { unarchivedSources, withArchived } from '../src/lib/sources/archive-edit.ts';
import { availabilityRequest, closestCapture, saveRequest, savedCapture, snapshotUrl } from '../src/lib/sources/wayback.ts';
import { politeClient } from './sources/polite-client.ts';
import { milliseconds, parseArgs, readRecord, recordFiles } from './sources/records.ts';

const HELP = `npm run archive-sources -- [files…] [--save] [--delay ms] [--timeout ms] [--retries n]

For every source without \`archived\`, asks the Wayback Machine's availability API for the closest
capture and writes \`archived: https://web.archive.org/web/<timestamp>/<url>\` under its url.
  --save        ask Save Page Now to capture pages that have no capture yet
  --delay ms    pause between requests to one host (default 1500)
  --timeout ms  give up on one request after this long (default 30000)
  --retries n   further attempts after 429, 5xx or a network failure (default 3)
Environment: WAYBACK_API_BASE (default https://archive.org), WAYBACK_SAVE_BASE (default https://web.archive.org).`;

const root = process.cwd();
let args;
try {
  args = parseArgs(process.argv.slice(2), ['save', 'help'], ['delay', 'timeout', 'retries']);
} catch (error) {
  console.error(`archive-sources: ${(error as Error).message}\n\n${HELP}`);
  process.exit(2);
}
if (args.options.help) {
  console.log(HELP);
  process.exit(0);
}
const apiBase = process.env.WAYBACK_API_BASE ?? 'https://archive.org';
const saveBase = process.env.WAYBACK_SAVE_BASE ?? 'https://web.archive.org';
const client = politeClient({
  delayMs: milliseconds(args.options.delay, 1500, 'delay'),
  timeoutMs: milliseconds(args.options.timeout, 30_000, 'timeout'),
  retries: milliseconds(args.options.retries, 3, 'retries'),
  backoffMs: 2000,
});

type Result = 'filled' | 'saved' | 'none found' | 'failed';
const tally: Record<Result, number> = { filled: 0, saved: 0, 'none found': 0, failed: 0 };
const failures: string[] = [];

/** The closest capture's timestamp, undefined when there is none; throws when the API did not answer. */
async function closest(url: string): Promise<string | undefined> {
  const outcome = await client.request(availabilityRequest(apiBase, url), { headers: { accept: 'application/json' } });
  if (!outcome.ok) throw new Error(outcome.error);
  if (!outcome.response.ok) throw new Error(`availability API answered HTTP ${outcome.response.status}`);
  return closestCapture(await outcome.response.json().catch(() => undefined));
}

async function save(url: string): Promise<string | undefined> {
  const outcome = await client.request(saveRequest(saveBase, url));
  if (!outcome.ok) throw new Error(`Save Page Now: ${outcome.error}`);
  await outcome.response.body?.cancel();
  if (!outcome.response.ok) throw new Error(`Save Page Now answered HTTP ${outcome.response.status}`);
  return savedCapture(outcome.response.url, outcome.response.headers.get('content-location'));
}

/** The record's data without `archived`, to prove an edit changed nothing else. */
const withoutArchived = (yaml: string) => {
  const data = parse(yaml) as { sources?: Record<string, unknown>[] };
  for (const source of data.sources ?? []) delete source.archived;
  return JSON.stringify(data);
};

for (const file of recordFiles(root, args.rest)) {
  const record = readRecord(root, file);
  if (!record.yaml) {
    console.log(`${file}: skipped, no readable frontmatter (npm run validate says why)`);
    continue;
  }
  let places;
  try {
    places = unarchivedSources(record.yaml.text);
  } catch {
    console.log(`${file}: skipped, its YAML does not parse (npm run validate says why)`);
    continue;
  }
  const fills = new Map<number, string>();
  for (const place of places) {
    let result: Result;
    try {
      let timestamp = await closest(place.url);
      result = timestamp ? 'filled' : 'none found';
      if (!timestamp && args.options.save) {
        timestamp = await save(place.url);
        if (timestamp) result = 'saved';
      }
      if (timestamp) fills.set(place.index, snapshotUrl(timestamp, place.url));
    } catch (error) {
      result = 'failed';
      failures.push(`${file}  ${place.id}  ${place.url}  ${(error as Error).message}`);
    }
    tally[result]++;
    console.log(`${file}  ${place.id}  ${result}${fills.has(place.index) ? `  ${fills.get(place.index)}` : ''}`);
  }
  if (!fills.size) continue;
  const yaml = withArchived(record.yaml.text, places, fills);
  if (withoutArchived(yaml) !== withoutArchived(record.yaml.text)) {
    console.error(`archive-sources: refusing to write ${file}: the edit would change more than archived fields`);
    process.exitCode = 1;
    continue;
  }
  const { offset } = record.yaml;
  const text = record.text.slice(0, offset) + yaml + record.text.slice(offset + record.yaml.text.length);
  // Written whole or not at all: a temporary file renamed over the record.
  const path = join(root, file);
  writeFileSync(`${path}.archiving`, text);
  renameSync(`${path}.archiving`, path);
}

console.log(`\nfilled ${tally.filled}, saved and filled ${tally.saved}, none found ${tally['none found']}, failed ${tally.failed}`);
if (failures.length) console.log(`\nFailed (tried again on the next run):\n${failures.map((line) => `  ${line}`).join('\n')}`);
