import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { compareSets } from '../../lib/analysis/sets.ts';
import { searchDocumentsDir } from '../search-documents.ts';
import { RESERVED_INCIDENT_FOLDERS } from '../../lib/site/links.ts';

/** Record pages, one folder deep under incidents/ (the index's later pages are two deep, under page/). */
const RECORD_PAGES_GLOB = 'incidents/*/index.html';

/** Redirect pages are a few hundred bytes; only files this small are read to tell them from records. */
const REDIRECT_PAGE_MAX_BYTES = 2048;

/** A withdrawn record's line in `/data/incidents.json` (one record per line, its own fields before `derived`). */
const WITHDRAWN_LINE = /^\{"id":"([a-z0-9-]+)".*?,"status":"withdrawn",/;

/**
 * Ids of the withdrawn records, read from the written dataset, where they keep their rows. Their
 * pages are tombstones: not record pages, and not in the search index.
 */
export function withdrawnIds(distDir: string): Set<string> {
  const lines = readFileSync(join(distDir, 'data', 'incidents.json'), 'utf8').split('\n');
  return new Set(lines.flatMap((line) => WITHDRAWN_LINE.exec(line)?.[1] ?? []));
}

/** Folders under `incidents/` holding a record's page, tombstone or redirect: less the site's own folders there (the index's later pages, the table). */
function incidentFolders(distDir: string): string[] {
  const isRedirect = (file: string) => statSync(file).size <= REDIRECT_PAGE_MAX_BYTES && readFileSync(file, 'utf8').includes('http-equiv="refresh"');
  return readdirSync(join(distDir, 'incidents'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !RESERVED_INCIDENT_FOLDERS.has(entry.name))
    .filter((entry) => !isRedirect(join(distDir, 'incidents', entry.name, 'index.html')))
    .map((entry) => entry.name);
}

/**
 * URLs of the record pages the build wrote: one folder per record under `incidents/`, less
 * the site's own folders there, the redirects of renamed records and the tombstones of withdrawn ones.
 */
export function recordPageUrls(distDir: string, withdrawn: ReadonlySet<string> = withdrawnIds(distDir)): string[] {
  return incidentFolders(distDir).filter((name) => !withdrawn.has(name)).map((name) => `/incidents/${name}/`);
}

/** URLs of the tombstone pages of withdrawn records. */
export function tombstonePageUrls(distDir: string, withdrawn: ReadonlySet<string> = withdrawnIds(distDir)): string[] {
  return incidentFolders(distDir).filter((name) => withdrawn.has(name)).map((name) => `/incidents/${name}/`);
}

/** One page as a written Pagefind index holds it: what search results show and link to. */
export interface IndexedPage {
  url: string;
  content: string;
  anchors: { id: string }[];
}

/** The pages of a written Pagefind index, read back from its fragment files (gzipped JSON after a signature). */
export function indexedPages(pagefindDir: string): IndexedPage[] {
  const dir = join(pagefindDir, 'fragment');
  return readdirSync(dir).map((name) => {
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as IndexedPage;
  });
}

/** URLs of the pages in a written Pagefind index. */
export function indexedUrls(pagefindDir: string): string[] {
  return indexedPages(pagefindDir).map((page) => page.url);
}

/** A running command: once it ends, its exit code, what it wrote to stderr and how long it took. */
interface Running {
  done: Promise<{ code: number; stderr: string; ms: number }>;
}

function start(command: string, args: string[]): Running {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const done = new Promise<{ code: number; stderr: string; ms: number }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stderr, ms: performance.now() - started }));
  });
  // A build that fails before the index is needed must not leave Pagefind running.
  process.once('exit', () => child.kill());
  return { done };
}

/** Moves a finished folder into place, copying when it lies on another file system. */
function moveInto(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Builds the Pagefind index from the search documents the content loader wrote (one per
 * record, src/lib/search/search-document.ts), starting as soon as the content is loaded so that it runs
 * while Astro renders the pages: on two cores that hides most of its time. After the build it
 * moves the index into the site and reads it back: it must hold exactly the record pages the
 * build wrote, or the build fails. Pagefind runs as its command-line tool, which indexes on
 * every core; its Node API indexes on one.
 */
export function searchIndex(): AstroIntegration {
  let root = '';
  let documents = '';
  let output = '';
  let pagefind: Running | undefined;
  return {
    name: 'incident-atlas-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        documents = searchDocumentsDir(config.cacheDir);
        output = join(fileURLToPath(config.cacheDir), 'search-index');
      },
      'astro:build:start': ({ logger }) => {
        logger.info('Building the search index, alongside the pages');
        rmSync(output, { recursive: true, force: true });
        const cli = join(root, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
        pagefind = start(process.execPath, [cli, '--site', documents, '--glob', RECORD_PAGES_GLOB, '--output-path', output, '--quiet']);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!pagefind) throw new Error('The search index was never started');
        const distDir = fileURLToPath(dir);
        const waitedFrom = performance.now();
        const result = await pagefind.done;
        if (result.code !== 0) throw new Error(`Building the search index failed (Pagefind exited with ${result.code}):\n${result.stderr}`);
        const outputPath = join(distDir, 'pagefind');
        moveInto(output, outputPath);
        const pages = recordPageUrls(distDir);
        const { missing, extra } = compareSets(pages, indexedUrls(outputPath));
        if (missing.length || extra.length) {
          throw new Error(`The search index does not match the record pages. Missing: ${missing.join(', ') || 'none'}. Unexpected: ${extra.join(', ') || 'none'}.`);
        }
        const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
        logger.info(`Search index holds all ${pages.length} record pages (Pagefind took ${seconds(result.ms)}, the build waited ${seconds(performance.now() - waitedFrom)} for it)`);
      },
    },
  };
}
