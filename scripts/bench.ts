// npm run bench -- --records N [--runs R] [--stock | --hugo] [--dev] [--json FILE] [--query WORD[,WORD…]] [--seed S] [--keep] [--verbose]
//
// Generates N synthetic records into a temporary copy of the content, then times a full build
// of the site with its search index and reports phases, peak memory, output and page weight, and
// what a first search transfers. With --stock, the same records are built by a minimal stock
// Astro project (every record compiled as an MDX module) plus Pagefind: the "before" figure.
// With --hugo, each run also builds the same records with Hugo and the Pagefind CLI and reports
// the ratio of the two builds' times and memory. With --dev, each run also times `astro dev` on
// the same records: until it is ready, then the first record page it serves.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { syntheticRecord, vocabularyOf } from './bench/synthetic.ts';
import { loadCorpus } from '../src/validate/corpus.ts';
import { measureFirstQuery, type FirstQuery } from './bench/first-query.ts';
import { runMeasured, type MeasuredRun } from './bench/measure.ts';
import { inspectOutput } from './bench/output.ts';
import { ASTRO_BUILD_PHASES, median, pagefindFromLog, phasesFromLog } from './bench/phases.ts';
import { measureDevServer } from './bench/dev-server.ts';
import { writeHugoProject } from './bench/hugo-project.ts';
import { writeStockProject } from './bench/stock-project.ts';

const ROOT = join(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const PAGEFIND = join(ROOT, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');

const { values: options } = parseArgs({
  options: {
    records: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '1' },
    stock: { type: 'boolean', default: false },
    hugo: { type: 'boolean', default: false },
    dev: { type: 'boolean', default: false },
    json: { type: 'string' },
    query: { type: 'string' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
const records = Number(options.records);
const runs = Number(options.runs);
if (!Number.isInteger(records) || records < 0 || !Number.isInteger(runs) || runs < 1 || (options.stock && (options.hugo || options.dev))) {
  console.error('usage: npm run bench -- --records N [--runs R] [--stock | --hugo] [--dev] [--json FILE] [--query WORD[,WORD…]] [--seed S] [--keep] [--verbose]');
  process.exit(2);
}
const HUGO = process.env.HUGO_PATH ?? 'hugo';
if (options.hugo) {
  try {
    execFileSync(HUGO, ['version'], { stdio: 'ignore' });
  } catch {
    console.error(`--hugo needs Hugo (Debian: apt-get install hugo; or set HUGO_PATH): ${HUGO} did not run`);
    process.exit(2);
  }
}

type Metrics = Record<string, number | string>;

/** Rows of the table: metric key, label, and how to show it. */
const ROWS: [string, string, (value: number) => string][] = [
  ['generate_s', 'generate records (s)', seconds],
  ['validate_s', 'npm run validate (s)', seconds],
  ['validate_cpu_s', 'npm run validate, CPU time (s)', seconds],
  ['validate_peak_mb', 'validate peak RSS (MB)', whole],
  ['content_sync_s', 'build: content sync (s)', seconds],
  ['bundling_s', 'build: types and bundling (s)', seconds],
  ['pages_s', 'build: pages (s)', seconds],
  ['after_pages_s', 'build: after pages (s)', seconds],
  ['search_index_s', 'search index: Pagefind, alongside (s)', seconds],
  ['search_index_wait_s', 'search index: build waited (s)', seconds],
  ['other_s', 'build: start-up and rest (s)', seconds],
  ['content_sync_cpu_s', 'build: content sync, CPU (s)', seconds],
  ['bundling_cpu_s', 'build: types and bundling, CPU (s)', seconds],
  ['pages_cpu_s', 'build: pages, CPU (s)', seconds],
  ['after_pages_cpu_s', 'build: after pages, CPU (s)', seconds],
  ['other_cpu_s', 'build: start-up and rest, CPU (s)', seconds],
  ['build_s', 'astro build, wall (s)', seconds],
  ['pagefind_s', 'pagefind CLI, wall (s)', seconds],
  ['total_s', 'build + search index (s)', seconds],
  ['cpu_s', 'build + search index, CPU time (s)', seconds],
  ['peak_rss_mb', 'peak RSS, largest process (MB)', whole],
  ['peak_tree_mb', 'peak RSS, process tree (MB)', whole],
  ['peak_node_mb', 'peak RSS, largest Node process (MB)', whole],
  ['peak_pagefind_process_mb', 'peak RSS, Pagefind process (MB)', whole],
  ['pagefind_peak_mb', 'pagefind CLI peak RSS (MB)', whole],
  ['hugo_s', 'Hugo: build (s)', seconds],
  ['hugo_pagefind_s', 'Hugo: Pagefind CLI over its output (s)', seconds],
  ['hugo_total_s', 'Hugo + Pagefind (s)', seconds],
  ['hugo_cpu_s', 'Hugo + Pagefind, CPU time (s)', seconds],
  ['hugo_peak_mb', 'Hugo + Pagefind, largest process (MB)', whole],
  ['ratio_total', 'ours ÷ Hugo + Pagefind, wall time', twoDecimals],
  ['ratio_cpu', 'ours ÷ Hugo + Pagefind, CPU time', twoDecimals],
  ['ratio_peak', 'ours ÷ Hugo + Pagefind, largest process', twoDecimals],
  ['pages', 'HTML pages', whole],
  ['record_pages', 'record pages', whole],
  ['output_mb', 'output size (MB)', oneDecimal],
  ['search_index_mb', 'search index size (MB)', oneDecimal],
  ['record_html_gzip_kb', 'record page HTML, gzip, median (KB)', oneDecimal],
  ['record_html_gzip_max_kb', 'record page HTML, gzip, max (KB)', oneDecimal],
  ['record_scripts', 'scripts on sampled record pages', whole],
  ['largest_page_gzip_kb', 'largest page, gzip (KB)', oneDecimal],
  ['first_query_requests', 'first query: requests', whole],
  ['first_query_kb', 'first query: bytes as served (KB)', oneDecimal],
  ['first_query_gzip_kb', 'first query: with gzip (KB)', oneDecimal],
  ['first_query_results', 'first query: results', whole],
  ['first_query_ms', 'first query: time to results (ms)', whole],
  ['dev_ready_s', 'npm run dev: ready (s)', seconds],
  ['dev_first_page_ms', 'npm run dev: first record page (ms)', whole],
  ['dev_next_page_ms', 'npm run dev: another record page (ms)', whole],
];

function seconds(value: number): string {
  return value.toFixed(1);
}
function whole(value: number): string {
  return String(Math.round(value));
}
function oneDecimal(value: number): string {
  return value.toFixed(1);
}
function twoDecimals(value: number): string {
  return value.toFixed(2);
}
const MB = 1024 * 1024;
const KB = 1024;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function failed(what: string, run: MeasuredRun): Error {
  return new Error(`${what} exited with ${run.exitCode}:\n${run.lines.slice(-30).map((line) => line.text).join('\n')}`);
}

/** Writes the real content plus `count` synthetic records under `dir/content`; returns the most common long word, for the query, and the records' ids. */
function generate(dir: string, count: number, seed: number): { ms: number; commonWord: string; ids: string[] } {
  const started = performance.now();
  const base = loadCorpus({ root: ROOT });
  if (base.diagnostics.length) throw new Error('the project content has problems; run npm run validate');
  const vocabulary = vocabularyOf(base);
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const { id, text } = syntheticRecord(index, vocabulary, seed);
    writeFileSync(join(dir, 'content', 'incidents', `${id}.mdx`), text);
    ids.push(id);
  }
  const counts = new Map<string, number>();
  for (const word of vocabulary.words) if (word.length >= 6) counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + 1);
  const commonWord = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'outage';
  return { ms: performance.now() - started, commonWord, ids };
}

async function benchOnce(run: number): Promise<Metrics> {
  const work = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const metrics: Metrics = {};
  try {
    log(`run ${run}: generating ${records} records in ${work}`);
    const generated = generate(work, records, Number(options.seed));
    metrics.generate_s = generated.ms / 1000;
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CI: '' };
    const outDir = join(work, 'dist');
    let build: MeasuredRun;
    if (!options.stock) {
      log(`run ${run}: validating`);
      const validate = await runMeasured(process.execPath, [join(ROOT, 'scripts', 'validate.ts')], { cwd: work, env });
      if (validate.exitCode !== 0) throw failed('npm run validate', validate);
      metrics.validate_s = validate.wallMs / 1000;
      if (validate.cpuMs !== undefined) metrics.validate_cpu_s = validate.cpuMs / 1000;
      metrics.validate_peak_mb = (validate.peakRssBytes ?? validate.peakTreeRssBytes) / MB;
      log(`run ${run}: building the site and its search index`);
      build = await runMeasured(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
        cwd: ROOT,
        env: { ...env, ATLAS_CONTENT_ROOT: work, ATLAS_CACHE_DIR: join(work, 'cache') },
        echo: options.verbose,
      });
      if (build.exitCode !== 0) throw failed('astro build', build);
      metrics.total_s = build.wallMs / 1000;
      if (build.cpuMs !== undefined) metrics.cpu_s = build.cpuMs / 1000;
    } else {
      const project = join(work, 'stock');
      mkdirSync(project);
      writeStockProject(project, join(work, 'content', 'incidents'), join(ROOT, 'node_modules'));
      log(`run ${run}: building the stock project`);
      build = await runMeasured(process.execPath, [ASTRO, 'build', '--outDir', outDir], { cwd: project, env, echo: options.verbose });
      if (build.exitCode !== 0) throw failed('stock astro build', build);
      log(`run ${run}: indexing it with the Pagefind CLI`);
      const pagefind = await runMeasured(process.execPath, [PAGEFIND, '--site', outDir], { cwd: project, env, echo: options.verbose });
      if (pagefind.exitCode !== 0) throw failed('pagefind', pagefind);
      metrics.pagefind_s = pagefind.wallMs / 1000;
      metrics.total_s = (build.wallMs + pagefind.wallMs) / 1000;
      if (build.cpuMs !== undefined && pagefind.cpuMs !== undefined) metrics.cpu_s = (build.cpuMs + pagefind.cpuMs) / 1000;
      metrics.pagefind_peak_mb = (pagefind.peakRssBytes ?? pagefind.peakTreeRssBytes) / MB;
    }
    metrics.build_s = build.wallMs / 1000;
    for (const phase of phasesFromLog(build.lines, build.wallMs, ASTRO_BUILD_PHASES, build.cpuSamples)) {
      const key = { 'content sync': 'content_sync', 'types and bundling': 'bundling', pages: 'pages', 'after pages': 'after_pages', other: 'other' }[phase.name];
      if (key && phase.ms !== undefined) metrics[`${key}_s`] = phase.ms / 1000;
      if (key && phase.cpuMs !== undefined) metrics[`${key}_cpu_s`] = phase.cpuMs / 1000;
    }
    const pagefindPhase = pagefindFromLog(build.lines);
    if (pagefindPhase) Object.assign(metrics, { search_index_s: pagefindPhase.ms / 1000, search_index_wait_s: pagefindPhase.waitedMs / 1000 });
    metrics.peak_rss_mb = (build.peakRssBytes ?? build.peakTreeRssBytes) / MB;
    metrics.peak_tree_mb = build.peakTreeRssBytes / MB;
    // Sampled every 100 ms, so these can miss a short peak; the tree and time -v figures above do not.
    const sampledPeak = (name: string) => (build.peakByName.get(name) ?? 0) / MB;
    metrics.peak_node_mb = sampledPeak('MainThread'); // the name Node gives its main thread, and so its process
    if (!options.stock) metrics.peak_pagefind_process_mb = sampledPeak('pagefind_extend');

    const facts = inspectOutput(outDir, /^incidents\/[^/]*synthetic[^/]*\/index\.html$/);
    const expected = loadCorpus({ root: work }).incidents.filter((incident) => options.stock || incident.data.status === 'published').length;
    if (facts.recordPages !== expected) throw new Error(`expected ${expected} record pages, found ${facts.recordPages}`);
    Object.assign(metrics, {
      pages: facts.pages,
      record_pages: facts.recordPages,
      output_mb: facts.outputBytes / MB,
      search_index_mb: facts.searchIndexBytes / MB,
      record_html_gzip_kb: facts.recordHtmlGzipMedian / KB,
      record_html_gzip_max_kb: facts.recordHtmlGzipMax / KB,
      record_scripts: facts.recordScripts,
      largest_page: facts.largestPage.path,
      largest_page_gzip_kb: facts.largestPage.gzipBytes / KB,
    });

    if (options.hugo) Object.assign(metrics, await benchHugo(work, run, env, metrics));
    if (options.dev) Object.assign(metrics, await benchDev(work, run, env, generated.ids));

    if (!options.stock) {
      // Several words (`--query a,b,c`): each is a first search with an empty cache; the figures are their medians.
      const queries = options.query ? options.query.split(',').map((word) => word.trim()).filter(Boolean) : [generated.commonWord];
      const measured: FirstQuery[] = [];
      for (const query of queries) {
        log(`run ${run}: first search for "${query}" in Chromium`);
        try {
          measured.push(await measureFirstQuery(outDir, query));
        } catch (error) {
          log(`  first query not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        }
      }
      if (measured.length) {
        const middle = (pick: (first: FirstQuery) => number) => median(measured.map(pick));
        Object.assign(metrics, {
          first_query: measured.map((first) => first.query).join(','),
          first_query_requests: middle((first) => first.requests),
          first_query_kb: middle((first) => first.servedBytes) / KB,
          first_query_gzip_kb: middle((first) => first.gzipBytes) / KB,
          first_query_results: middle((first) => first.results),
          first_query_ms: middle((first) => first.ms),
          first_query_by_kind: JSON.stringify(Object.fromEntries(Object.entries(measured[0]!.byKind).map(([kind, bytes]) => [kind, Math.round(bytes / KB)]))),
          ...(measured.length > 1 ? { first_query_by_word: JSON.stringify(Object.fromEntries(measured.map((first) => [first.query, { results: first.results, gzip_kb: Math.round(first.gzipBytes / KB) }]))) } : {}),
        });
      }
    }
    return metrics;
  } finally {
    if (options.keep) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

/** Builds the same records with Hugo, then the Pagefind CLI over its output; the figures and their ratios to ours. */
async function benchHugo(work: string, run: number, env: NodeJS.ProcessEnv, ours: Metrics): Promise<Metrics> {
  const site = join(work, 'hugo');
  const pages = writeHugoProject(site, join(work, 'content', 'incidents'));
  log(`run ${run}: building ${pages} pages with Hugo`);
  const hugo = await runMeasured(HUGO, ['--quiet', '--source', site, '--destination', join(site, 'public')], { cwd: site, env, echo: options.verbose });
  if (hugo.exitCode !== 0) throw failed('hugo', hugo);
  log(`run ${run}: indexing Hugo's output with the Pagefind CLI`);
  const pagefind = await runMeasured(process.execPath, [PAGEFIND, '--site', join(site, 'public')], { cwd: site, env, echo: options.verbose });
  if (pagefind.exitCode !== 0) throw failed('pagefind over Hugo', pagefind);
  const peak = (m: MeasuredRun) => (m.peakRssBytes ?? m.peakTreeRssBytes) / MB;
  const metrics: Metrics = {
    hugo_s: hugo.wallMs / 1000,
    hugo_pagefind_s: pagefind.wallMs / 1000,
    hugo_total_s: (hugo.wallMs + pagefind.wallMs) / 1000,
    hugo_peak_mb: Math.max(peak(hugo), peak(pagefind)),
  };
  if (hugo.cpuMs !== undefined && pagefind.cpuMs !== undefined) metrics.hugo_cpu_s = (hugo.cpuMs + pagefind.cpuMs) / 1000;
  const ratio = (a: number | string | undefined, b: number | string | undefined) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? a / b : undefined);
  for (const [key, a, b] of [['ratio_total', ours.total_s, metrics.hugo_total_s], ['ratio_cpu', ours.cpu_s, metrics.hugo_cpu_s], ['ratio_peak', ours.peak_rss_mb, metrics.hugo_peak_mb]] as const) {
    const value = ratio(a, b);
    if (value !== undefined) metrics[key] = value;
  }
  return metrics;
}

/**
 * Times `astro dev` on the same records, with a cache of its own. The dev server keeps its content
 * store in the project's `.astro/`: the project's own is set aside meanwhile and put back after.
 */
async function benchDev(work: string, run: number, env: NodeJS.ProcessEnv, ids: string[]): Promise<Metrics> {
  // Astro writes the store as one file, or as a folder of parts when it is stored in chunks.
  const stores = ['data-store.json', 'data-store'].map((name) => join(ROOT, '.astro', name)).filter((store) => existsSync(store));
  for (const store of stores) renameSync(store, `${store}.bench-aside`);
  try {
    log(`run ${run}: timing npm run dev`);
    // Two records from the middle of the synthetic ones, so neither is the first file read.
    const pool = ids.length >= 2 ? ids : loadCorpus({ root: work }).incidents.filter((incident) => incident.data.status === 'published').map((incident) => incident.id);
    const [first, next] = [pool[Math.floor(pool.length / 2)], pool[Math.floor(pool.length / 3)]].map((id) => `/incidents/${id ?? 'none'}/`) as [string, string];
    const times = await measureDevServer(ASTRO, [first, next], { cwd: ROOT, env: { ...env, ATLAS_CONTENT_ROOT: work, ATLAS_CACHE_DIR: join(work, 'dev-cache') } });
    return { dev_ready_s: times.readyMs / 1000, dev_first_page_ms: times.firstPageMs, dev_next_page_ms: times.nextPageMs };
  } finally {
    for (const name of ['data-store.json', 'data-store']) rmSync(join(ROOT, '.astro', name), { recursive: true, force: true });
    for (const store of stores) renameSync(`${store}.bench-aside`, store);
  }
}

function table(results: Metrics[]): string {
  const header = ['', ...results.map((_, i) => `run ${i + 1}`), ...(results.length > 1 ? ['median'] : [])];
  const rows = [header];
  for (const [key, label, format] of ROWS) {
    const values = results.map((metrics) => metrics[key]);
    if (values.every((value) => value === undefined)) continue;
    const numbers = values.filter((value): value is number => typeof value === 'number');
    rows.push([label, ...values.map((value) => (typeof value === 'number' ? format(value) : '—')), ...(results.length > 1 ? [numbers.length ? format(median(numbers)) : '—'] : [])]);
  }
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ')).join('\n');
}

const results: Metrics[] = [];
for (let run = 1; run <= runs; run++) results.push(await benchOnce(run));

const medians: Metrics = {};
for (const key of new Set(results.flatMap((metrics) => Object.keys(metrics)))) {
  const numbers = results.map((metrics) => metrics[key]).filter((value): value is number => typeof value === 'number');
  medians[key] = numbers.length ? median(numbers) : (results[0]![key] ?? '');
}
const machine = { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memory_gb: Math.round(totalmem() / 1024 ** 3), node: process.version };
const setup = options.stock ? 'stock Astro + @astrojs/mdx + Pagefind CLI' : options.hugo ? 'Incident Atlas, beside Hugo + Pagefind CLI' : 'Incident Atlas';
const summary = { setup, records, runs, seed: Number(options.seed), machine, median: medians, results };

console.log(`\n${setup}: ${records} synthetic records${results[0]?.record_pages !== undefined ? ` (+ the project's own, ${results[0].record_pages} record pages)` : ''}, ${runs} run${runs === 1 ? '' : 's'}`);
console.log(`${machine.cpus} CPUs (${machine.cpu}), ${machine.memory_gb} GB, Node ${machine.node}\n`);
console.log(table(results));
if (medians.largest_page) console.log(`\nlargest page: ${medians.largest_page}`);
if (medians.first_query) console.log(`first query: "${medians.first_query}", served bytes by kind (KB, the first word): ${medians.first_query_by_kind}`);
if (medians.first_query_by_word) console.log(`first query by word (run 1): ${medians.first_query_by_word}`);
if (options.json) writeFileSync(options.json, `${JSON.stringify(summary, null, 2)}\n`);
else console.log(`\n${JSON.stringify(summary, null, 2)}`);
