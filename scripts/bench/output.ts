// What a build wrote: page counts, sizes and the weight of its pages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { recordPageUrls } from '../../src/build/integrations/search-index.ts';
import { median } from './phases.ts';

export interface OutputFacts {
  /** HTML files written. */
  pages: number;
  /** Folders under incidents/ holding a page: one per record. */
  recordPages: number;
  outputBytes: number;
  /** Size of the Pagefind folder, when there is one. */
  searchIndexBytes: number;
  /** Gzipped HTML of the sampled record pages. */
  recordHtmlGzipMedian: number;
  recordHtmlGzipMax: number;
  /** `<script>` elements and `.js` references found in the sampled record pages. */
  recordScripts: number;
  /** The heaviest HTML page of the whole site, gzipped. */
  largestPage: { path: string; gzipBytes: number };
}

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Reads the facts of a built site; `recordPattern` picks the record pages to weigh (at most `sample`). */
export function inspectOutput(outDir: string, recordPattern: RegExp, sample = 200): OutputFacts {
  let pages = 0;
  let outputBytes = 0;
  let searchIndexBytes = 0;
  let largestPage = { path: '', gzipBytes: 0 };
  const records: string[] = [];
  for (const path of files(outDir)) {
    const rel = relative(outDir, path).split('\\').join('/');
    const size = statSync(path).size;
    outputBytes += size;
    if (rel.startsWith('pagefind/')) searchIndexBytes += size;
    if (!rel.endsWith('.html')) continue;
    pages++;
    if (recordPattern.test(rel)) records.push(path);
    // Only pages that may be large are worth compressing to find the heaviest.
    if (size > largestPage.gzipBytes) {
      const gzipBytes = gzipSync(readFileSync(path)).length;
      if (gzipBytes > largestPage.gzipBytes) largestPage = { path: `/${rel.replace(/index\.html$/, '')}`, gzipBytes };
    }
  }
  records.sort();
  const step = Math.max(1, Math.floor(records.length / sample));
  const sampled = records.filter((_, index) => index % step === 0);
  const weights = sampled.map((path) => gzipSync(readFileSync(path)).length);
  // Scripts that run or load: structured data (`<script type="application/ld+json">`) is not code,
  // and a name such as "Vue.js" in the text is not a script either.
  const scriptsIn = (html: string) => (html.match(/<script\b(?![^>]*type="application\/ld\+json")[^>]*>|<link\b[^>]*\bhref="[^"]+\.m?js"/gi) ?? []).length;
  const recordScripts = sampled.reduce((count, path) => count + scriptsIn(readFileSync(path, 'utf8')), 0);
  return {
    pages,
    recordPages: recordPageUrls(outDir).length,
    outputBytes,
    searchIndexBytes,
    recordHtmlGzipMedian: weights.length ? median(weights) : 0,
    recordHtmlGzipMax: weights.length ? Math.max(...weights) : 0,
    recordScripts,
    largestPage,
  };
}
