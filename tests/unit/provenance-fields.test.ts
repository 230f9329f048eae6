import { describe, expect, it } from 'vitest';
import { loadWithRecords } from '../support/corpus.ts';
import { NEAR_MISS, provenanceText, WITHDRAWN } from '../support/provenance.ts';

/** Loads the two provenance fixtures, one of them edited, as `npm run validate` sees them. */
function load(edit?: { file: string; from: string | RegExp; to: string }) {
  const texts: Record<string, string> = { [NEAR_MISS]: provenanceText(NEAR_MISS), [WITHDRAWN]: provenanceText(WITHDRAWN) };
  if (edit) {
    const edited = texts[edit.file]!.replace(edit.from, edit.to);
    if (edited === texts[edit.file]) throw new Error(`replacement did not apply: ${edit.from}`);
    texts[edit.file] = edited;
  }
  return { texts, diagnostics: loadWithRecords(texts).diagnostics };
}

/** 1-based line of the first line of `text` containing `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

/** Edits one fixture and returns the diagnostics for it, with the line where `needle` now stands. */
function rejects(file: string, from: string | RegExp, to: string, needle = to) {
  const { texts, diagnostics } = load({ file, from, to });
  return { problems: diagnostics.filter((d) => d.file === `content/incidents/${file}`), line: lineOf(texts[file]!, needle) };
}

describe('the provenance fixtures', () => {
  it('pass validation: every new field, and a withdrawn record whose references still resolve', () => {
    expect(load().diagnostics).toEqual([]);
  });
});

describe('each new field rejects a bad value at its line', () => {
  it.each([
    ['type', NEAR_MISS, 'type: near-miss', 'type: close-call', 'type', 'Invalid option'],
    ['impact.data_destroyed', NEAR_MISS, 'data_destroyed: none', 'data_destroyed: some', 'impact.data_destroyed', 'Invalid option'],
    ['external_ids db', NEAR_MISS, '{ db: aiid, id: "1234" }', '{ db: wikipedia, id: "1234" }', 'external_ids.0.db', 'must be one of aiid, oecd-aim'],
    ['external_ids id form', NEAR_MISS, '{ db: cve, id: CVE-2024-3094 }', '{ db: cve, id: CVE-24-1 }', 'external_ids.1.id', 'is not a cve id (written like "CVE-2024-3094")'],
    ['claims.concerns form', NEAR_MISS, 'concerns: [cause:agent-destructive-action,', 'concerns: [agent-destructive-action,', 'claims.0.concerns.0', 'must be cause:<id>, safeguard:<kind> or one of'],
    ['claims.concerns existence', NEAR_MISS, 'concerns: [cause:agent-destructive-action,', 'concerns: [cause:operator-input,', 'claims.0.concerns.0', 'names the cause "operator-input", which is not under cause.categories'],
    ['claims.history status', NEAR_MISS, '{ date: 2024-06-12, status: unverified, sources: [news-copy] }', '{ date: 2024-06-12, status: rumoured, sources: [news-copy] }', 'claims.0.history.0.status', 'Invalid option'],
    ['claims.history sources', NEAR_MISS, '{ date: 2024-06-12, status: unverified, sources: [news-copy] }', '{ date: 2024-06-12, status: unverified, sources: [news-cpy] }', 'claims.0.history.0.sources.0', 'did you mean "news-copy"?'],
    ['claims.history date', NEAR_MISS, '{ date: 2024-06-12, status: unverified, sources: [news-copy] }', '{ date: 2099-06-12, status: unverified, sources: [news-copy] }', 'claims.0.history.0.date', 'is in the future'],
    ['sources.copy_of', NEAR_MISS, 'copy_of: { publisher: Example News, url: https://news.example.com/extension-wiping-prompt }', 'copy_of: { publisher: Example News, url: "javascript:alert(1)" }', 'sources.1.copy_of.url', 'must be an absolute http(s) URL'],
    ['corrections date', NEAR_MISS, '{ date: 2024-06-20, summary:', '{ date: 2099-06-20, summary:', 'corrections.0.date', 'is in the future'],
    ['corrections sources', NEAR_MISS, 'advisory., sources: [vendor-advisory] }', 'advisory., sources: [vendor-advisry] }', 'corrections.0.sources.0', 'did you mean "vendor-advisory"?'],
    ['withdrawn without its reason', WITHDRAWN, /withdrawn:\n(  .*\n){4}/, '', 'status', 'withdrawn must give the date, reason and a note'],
    ['withdrawn.reason', WITHDRAWN, 'reason: duplicate', 'reason: outdated', 'withdrawn.reason', 'Invalid option'],
    ['withdrawn.duplicate_of', WITHDRAWN, 'duplicate_of: 2024-06-example-wipe-prompt-near-miss', 'duplicate_of: 2024-06-example-wipe-prompt-near-mis', 'withdrawn.duplicate_of', 'unknown incident "2024-06-example-wipe-prompt-near-mis"'],
    ['withdrawn on a published record', WITHDRAWN, 'status: withdrawn', 'status: published', 'withdrawn', 'is only for withdrawn records'],
  ])('%s', (_name, file, from, to, field, message) => {
    // A missing or misplaced block is reported at the key that needs it.
    const needle = field === 'status' ? 'status:' : field === 'withdrawn' ? 'withdrawn:' : to;
    const { problems, line } = rejects(file, from, to, needle);
    const problem = problems.find((p) => p.field === field);
    expect(problem, JSON.stringify(problems)).toBeDefined();
    expect(problem!.message).toContain(message);
    expect(problem!.line).toBe(line);
  });

  it('a duplicate must name the record it duplicates', () => {
    const { problems } = rejects(WITHDRAWN, '  duplicate_of: 2024-06-example-wipe-prompt-near-miss\n', '', 'reason:');
    expect(problems.map((p) => [p.field, p.message])).toContainEqual(['withdrawn.reason', 'is "duplicate", so withdrawn.duplicate_of must name the record it duplicates']);
  });

  it('claim histories are oldest first', () => {
    const first = '      - { date: 2024-06-12, status: unverified, sources: [news-copy] }\n    asserted_by:\n      - { party: Example News';
    const { problems, line } = rejects(NEAR_MISS, first, first.replace('\n', '\n      - { date: 2024-06-11, status: disputed, sources: [vendor-advisory] }\n'), '2024-06-11');
    expect(problems).toContainEqual(expect.objectContaining({ field: 'claims.0.history.1.date', line, message: 'is before the status listed above it (2024-06-12); list them oldest first' }));
  });
});

describe('tracking parameters in source URLs', () => {
  it('are rejected at the url line, with the clean URL to use instead', () => {
    const url = 'https://cloud.example.com/advisories/2024-06';
    const { problems, line } = rejects(NEAR_MISS, `url: ${url}\n`, `url: ${url}?utm_source=rss&page=2&fbclid=abc\n`, `${url}?utm_source`);
    expect(problems).toContainEqual(expect.objectContaining({ field: 'sources.0.url', line, message: `carries the tracking parameters "utm_source", "fbclid"; use ${url}?page=2` }));
  });
});
