import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { compareSets } from '../lib/sets.ts';

/** Record pages, one folder deep under incidents/ (the index's later pages are two deep, under page/). */
const RECORD_PAGES_GLOB = 'incidents/*/index.html';

/**
 * URLs of the record pages the build wrote: one folder per record under `incidents/`, less
 * `page/` (the index's later pages) and the redirects of renamed records.
 */
export function recordPageUrls(distDir: string): string[] {
  return readdirSync(join(distDir, 'incidents'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'page')
    .filter((entry) => !readFileSync(join(distDir, 'incidents', entry.name, 'index.html'), 'utf8').includes('http-equiv="refresh"'))
    .map((entry) => `/incidents/${entry.name}/`);
}

/** URLs of the pages in a written Pagefind index, read back from its fragment files. */
export function indexedUrls(pagefindDir: string): string[] {
  const dir = join(pagefindDir, 'fragment');
  return readdirSync(dir).map((name) => {
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
  });
}

/** Runs a command and resolves with its exit code and what it wrote to stderr. */
function run(command: string, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

/**
 * Builds the Pagefind index over the finished site, then reads it back and checks that it
 * holds exactly the record pages: a record missing from search fails the build. Pagefind runs
 * as its command-line tool, which indexes on every core; its Node API indexes on one and took
 * nearly twice as long for 10,000 records.
 */
export function searchIndex(): AstroIntegration {
  let root = '';
  return {
    name: 'incident-atlas-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const outputPath = join(distDir, 'pagefind');
        logger.info('Building the search index');
        // Only record pages carry data-pagefind-body; reading the other pages would be wasted work.
        const pagefind = join(root, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
        const result = await run(process.execPath, [pagefind, '--site', distDir, '--glob', RECORD_PAGES_GLOB, '--output-path', outputPath, '--quiet']);
        if (result.code !== 0) throw new Error(`Building the search index failed (Pagefind exited with ${result.code}):\n${result.stderr}`);
        const { missing, extra } = compareSets(recordPageUrls(distDir), indexedUrls(outputPath));
        if (missing.length || extra.length) {
          throw new Error(`The search index does not match the record pages. Missing: ${missing.join(', ') || 'none'}. Unexpected: ${extra.join(', ') || 'none'}.`);
        }
        logger.info(`Search index holds all ${recordPageUrls(distDir).length} record pages`);
      },
    },
  };
}
