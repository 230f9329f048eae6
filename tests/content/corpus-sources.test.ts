import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRIMARY_KINDS, sourceCoverage } from '../../src/lib/analysis/source-coverage.ts';
import { loadCorpus } from '../../src/validate/corpus.ts';

// The sources of the real corpus, counted: the share that is primary and dated may not fall below
// what it has reached, nor the share read in copies rise above it, and the records to improve first
// are named. The bounds tighten as records improve; the goals are 40% primary (reached), 80% dated
// and 3% copies.
const FLOORS = { primary: 0.47, dated: 0.66 };
const COPIES_CEILING = 0.051;
const corpus = loadCorpus({ root: join(import.meta.dirname, '..', '..') });
const published = corpus.incidents.filter((incident) => incident.data.status === 'published');
const TRACKING = /^(utm_.+|ref|fbclid|gclid|ck_subscriber_id|mc_eid|mc_cid|_ga|_gl|igshid|si)$/i;
// A publisher written as "X (copy at Y)" or "X, via Y" hides a copy in free text; copy_of says it.
const COPY_IN_TEXT = /\b(copy (at|on|hosted)|via |republish|mirror|reproduc)/i;
// Hosts whose pages the corpus reads only as copies of another's article or document.
const REPUBLISHING_HOSTS = [
  'docslib.org', 'cybersecurityinformer.com', 'vuink.com', 'cyber.vumetric.com', 'drdroid.io', 'playverseo.com', 'techsparking.com',
  'euno.news', 'gage.news', 'rentry.co', 'miragenews.com', 'losangelesheraldexaminer.com', '1888pressrelease.com', 'sciotopost.com',
  'atlassian.reaktivdev.com', 'nick-otter.github.io', 'status.netwrix.com', 'git.rootprojects.org', 'nostr.lucianmarin.com',
];

describe('the sources of the published corpus', () => {
  const coverage = sourceCoverage(published.map((incident) => incident.data));

  it(`are at least ${FLOORS.primary * 100}% primary and ${FLOORS.dated * 100}% dated`, () => {
    const short = (share: (data: (typeof published)[number]['data']) => number, floor: number) =>
      published.filter((incident) => share(incident.data) < floor).map((incident) => incident.id);
    const primaryShare = (data: (typeof published)[number]['data']) => data.sources.filter((s) => PRIMARY_KINDS.includes(s.kind)).length / data.sources.length;
    const datedShare = (data: (typeof published)[number]['data']) => data.sources.filter((s) => s.published !== undefined).length / data.sources.length;
    // The message names the records below each floor, the ones to improve first.
    expect(coverage.primary / coverage.total, `below the primary floor: ${short(primaryShare, FLOORS.primary).join(', ')}`).toBeGreaterThanOrEqual(FLOORS.primary);
    expect(coverage.dated / coverage.total, `below the dated floor: ${short(datedShare, FLOORS.dated).join(', ')}`).toBeGreaterThanOrEqual(FLOORS.dated);
  });

  it(`are read in copies for at most ${COPIES_CEILING * 100}% of them`, () => {
    const copies = published.flatMap((incident) => incident.data.sources.filter((s) => s.copy_of).map(() => incident.id));
    const count = (id: string) => copies.filter((c) => c === id).length;
    const byRecord = [...new Set(copies)].sort((a, b) => count(b) - count(a)).map((id) => `${id} (${count(id)})`);
    expect(copies.length / coverage.total, `records citing copies: ${byRecord.join(', ')}`).toBeLessThanOrEqual(COPIES_CEILING);
  });

  it('carry no tracking parameters', () => {
    const tracked = published.flatMap((incident) =>
      incident.data.sources.filter((s) => [...new URL(s.url).searchParams.keys()].some((key) => TRACKING.test(key))).map((s) => `${incident.id}: ${s.url}`));
    expect(tracked).toEqual([]);
  });

  it('declare the copies they read with copy_of, naming the original', () => {
    const host = (url: string) => new URL(url).hostname.replace(/^www\./, '');
    const undeclared = published.flatMap((incident) =>
      incident.data.sources
        .filter((s) => !s.copy_of && (COPY_IN_TEXT.test(s.publisher) || REPUBLISHING_HOSTS.some((h) => host(s.url) === h || host(s.url).endsWith(`.${h}`))))
        .map((s) => `${incident.id}: ${s.id} (${s.publisher})`));
    expect(undeclared).toEqual([]);
  });
});
