import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/core/suggest.ts';
import { fixtureRecordText, loadWithRecords } from '../support/corpus.ts';

const NAME = 'error-messages.mdx';
const FILE = `content/incidents/${NAME}`;

/** The diagnostics of the valid fixture record after one text replacement, as `npm run validate` reports them. */
function diagnosticsAfter(from: string | RegExp, to: string) {
  const original = fixtureRecordText();
  const text = original.replace(from, to);
  if (text === original) throw new Error(`replacement did not apply: ${from}`);
  return loadWithRecords({ [NAME]: text }).diagnostics.filter((d) => d.file === FILE);
}

/** 1-based line and column of the nth occurrence of `needle` in the mutated text. */
function positionOf(text: string, needle: string, nth = 1) {
  let index = -1;
  for (let i = 0; i < nth; i++) index = text.indexOf(needle, index + 1);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe('did you mean', () => {
  it('suggests near ids only', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closest('operator-postmortme', ['news-report', 'operator-postmortem'])).toBe('operator-postmortem');
    expect(closest('zzz', ['news-report', 'operator-postmortem'])).toBeUndefined();
  });

  it('for a source id cited in the frontmatter', () => {
    const diagnostics = diagnosticsAfter('sources: [operator-postmortem, news-report]', 'sources: [operator-postmortem, news-reprot]');
    expect(diagnostics.map((d) => [d.field, d.message])).toContainEqual([
      'timeline.1.sources.1',
      'cites "news-reprot", which is not listed under sources; did you mean "news-report"?',
    ]);
  });

  it('for a source id cited with <Cite> in the body', () => {
    const diagnostics = diagnosticsAfter('<Cite ids="analysis" />', '<Cite ids="analysys nothing-like-it" />');
    expect(diagnostics.map((d) => d.message)).toContain('<Cite ids> cites "analysys" (did you mean "analysis"?), "nothing-like-it", not listed under sources');
  });

  it('not when nothing is close', () => {
    const diagnostics = diagnosticsAfter('sources: [operator-postmortem, news-report]', 'sources: [operator-postmortem, completely-different]');
    expect(diagnostics.find((d) => d.field === 'timeline.1.sources.1')?.message).toBe('cites "completely-different", which is not listed under sources');
  });
});

describe('exact places of deeply nested fields', () => {
  it('a wrong value five levels down is reported at its own line and column', () => {
    // claims.0.disputed_by.0.sources.0: a list inside an object inside a list inside an object inside a list.
    const text = fixtureRecordText().replace('        sources: [operator-postmortem]\nsafeguards:', '        sources: [operator-postmortem, Not-Kebab]\nsafeguards:');
    const diagnostics = loadWithRecords({ [NAME]: text }).diagnostics.filter((d) => d.file === FILE);
    expect(diagnostics).toEqual([
      { file: FILE, ...positionOf(text, 'Not-Kebab'), field: 'claims.0.disputed_by.0.sources.1', message: expect.stringMatching(/kebab-case/) },
    ]);
  });

  it('an unknown key in a flow mapping inside a list is reported where the key stands', () => {
    const text = fixtureRecordText().replace('{ party: Example News, sources: [news-report] }', '{ party: Example News, sources: [news-report], side: news }');
    const diagnostics = loadWithRecords({ [NAME]: text }).diagnostics.filter((d) => d.file === FILE);
    expect(diagnostics).toEqual([{ file: FILE, ...positionOf(text, 'side: news'), field: 'claims.0.asserted_by.0.side', message: 'unknown field "side"' }]);
  });

  it('a misspelt required key is reported once, at the misspelt key, naming the field it should be', () => {
    const text = fixtureRecordText().replace('{ party: Example News, sources: [news-report] }', '{ party: Example News, sorces: [news-report] }');
    const diagnostics = loadWithRecords({ [NAME]: text }).diagnostics.filter((d) => d.file === FILE);
    expect(diagnostics).toEqual([
      { file: FILE, ...positionOf(text, 'sorces'), field: 'claims.0.asserted_by.0.sources', message: 'missing field `claims.0.asserted_by.0.sources` (did you mean it for `sorces`?)' },
    ]);
    const severity = fixtureRecordText().replace(/^(\s+)severity: (\w+)$/m, '$1severty: $2');
    expect(severity).not.toBe(fixtureRecordText());
    expect(loadWithRecords({ [NAME]: severity }).diagnostics.filter((d) => d.file === FILE)).toEqual([
      { file: FILE, ...positionOf(severity, 'severty'), field: 'impact.severity', message: 'missing field `impact.severity` (did you mean it for `severty`?)' },
    ]);
  });

  it('a missing key is reported at the object that lacks it', () => {
    const text = fixtureRecordText().replace('        position: The agent\'s log shows it reported the deletion.\n', '');
    const diagnostics = loadWithRecords({ [NAME]: text }).diagnostics.filter((d) => d.file === FILE);
    expect(diagnostics).toContainEqual({ file: FILE, ...positionOf(text, 'party: Example Cloud'), field: 'claims.0.disputed_by.0.position', message: 'is required' });
  });
});
