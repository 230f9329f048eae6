import { describe, expect, it } from 'vitest';
import { COMPARE_ROWS, compareColumn, rowGroups } from '../../src/lib/analysis/compare.ts';
import { compareGroupOf, parseCompareIds, rowDifferences } from '../../src/lib/analysis/compare-diff.ts';
import { fixtureCollection } from '../support/collection.ts';

const records = fixtureCollection();
const names = {
  organizations: new Map([['example-cloud', 'Example Cloud']]),
  causes: new Map([['excess-privilege', 'Excess privilege']]),
  safeguards: new Map([['human-approval', 'Human approval']]),
};

describe('compare columns', () => {
  const a = compareColumn(records[0]!, names);
  const c = compareColumn(records[2]!, names);

  it('fills every row the record has, with display text and keys', () => {
    expect(a.title).toBe(records[0]!.data.title);
    expect(a.date).toBe('March 2024');
    expect(a.cells.duration).toEqual([{ t: 'about 3 h' }]);
    expect(a.cells.organizations).toEqual([{ t: 'Example Cloud (operator)', k: 'example-cloud' }, { t: 'example-news (reporter)', k: 'example-news' }]);
    expect(a.cells.severity).toEqual([{ t: 'high', tone: 'high' }]);
    expect(a.cells.involvement).toEqual([{ t: 'AI agent', k: 'agent', tone: 'agent' }]);
    // A name the site does not know falls back to the id.
    expect(a.cells.causes).toEqual([{ t: 'agent-destructive-action', k: 'agent-destructive-action' }, { t: 'Excess privilege', k: 'excess-privilege' }]);
    expect(a.cells['safeguards-bypassed']).toEqual([{ t: 'Human approval', k: 'human-approval' }]);
    expect(a.cells['claim-statuses']).toEqual([{ t: '1 disputed', k: 'disputed' }]);
    expect(a.cells['source-kinds']).toEqual([{ t: '1 postmortem', k: 'postmortem' }, { t: '1 news', k: 'news' }, { t: '1 analysis', k: 'analysis' }]);
  });

  it('leaves out what the record does not say', () => {
    expect(c.cells.tool).toBeUndefined();
    expect(c.cells.claims).toBeUndefined();
    expect(c.cells['safeguards-failed']).toBeUndefined();
    expect(c.cells.involvement).toEqual([{ t: 'none recorded', k: 'none' }]);
  });

  it('only uses row keys the page has rows for', () => {
    const keys = new Set(COMPARE_ROWS.map((row) => row.key));
    for (const record of records) for (const key of Object.keys(compareColumn(record, names).cells)) expect(keys).toContain(key);
    expect(keys.size).toBe(COMPARE_ROWS.length);
  });

  it('groups rows in order without repeating a group', () => {
    const groups = rowGroups().map((g) => g.group);
    expect(groups).toEqual([...new Set(groups)]);
    expect(rowGroups().flatMap((g) => g.rows)).toEqual(COMPARE_ROWS);
  });
});

describe('where columns differ', () => {
  const item = (t: string, k?: string) => (k ? { t, k } : { t });

  it('marks a value row that is not the same everywhere, counting an empty cell as a value', () => {
    expect(rowDifferences([[item('high')], [item('high')]], 'value').differs).toBe(false);
    expect(rowDifferences([[item('high')], [item('critical')]], 'value').differs).toBe(true);
    expect(rowDifferences([[item('high')], []], 'value').differs).toBe(true);
    expect(rowDifferences([[item('AI agent', 'agent')], [item('agent, differently worded', 'agent')]], 'value').differs).toBe(false);
  });

  it('marks the items of a set row that some column lacks', () => {
    const result = rowDifferences([[item('A', 'a'), item('B', 'b')], [item('B', 'b'), item('C', 'c')], [item('b')]], 'set');
    expect(result.differs).toBe(true);
    expect(result.shared).toEqual([[false, true], [true, false], [true]]);
    expect(rowDifferences([[item('x')], [item('x')]], 'set')).toEqual({ differs: false, shared: [[true], [true]] });
    expect(rowDifferences([[], [item('x')]], 'set').differs).toBe(true);
  });

  it('never marks free text or a single column', () => {
    expect(rowDifferences([[item('one')], [item('two')]], 'none').differs).toBe(false);
    expect(rowDifferences([[item('one')]], 'value').differs).toBe(false);
  });
});

describe('compare URLs', () => {
  it('reads comma lists and repeated ids alike', () => {
    expect(parseCompareIds('?ids=a-1,b-2').ids).toEqual(['a-1', 'b-2']);
    expect(parseCompareIds('?ids=a-1&ids=b-2&ids=a-1').ids).toEqual(['a-1', 'b-2']);
    expect(parseCompareIds('?ids=a-1%2Cb-2&ids=c').ids).toEqual(['a-1', 'b-2', 'c']);
  });

  it('keeps four and reports the rest and anything malformed', () => {
    expect(parseCompareIds('?ids=a,b,c,d,e')).toEqual({ ids: ['a', 'b', 'c', 'd'], extra: ['e'], malformed: [] });
    expect(parseCompareIds('?ids=a,../x,B,,c')).toEqual({ ids: ['a', 'c'], extra: [], malformed: ['../x', 'B'] });
    expect(parseCompareIds('')).toEqual({ ids: [], extra: [], malformed: [] });
  });
});

describe('the file of a compare column', () => {
  it('groups incidents by the first seven characters of their id: a month for dated ids', () => {
    expect(compareGroupOf('2025-12-aws-cost-explorer-kiro')).toBe('2025-12');
    expect(compareGroupOf('2025-12-google-antigravity-drive-wipe')).toBe('2025-12');
    expect(compareGroupOf('aws-s3')).toBe('aws-s3');
    expect(compareGroupOf('no-such-incident')).toBe('no-such');
  });
});

