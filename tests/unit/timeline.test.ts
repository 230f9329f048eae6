import { describe, expect, it } from 'vitest';
import { recordsInView, timelineSections, timelineViewPath, timePositions, TIMELINE_VIEWS } from '../../src/lib/analysis/timeline.ts';
import { fixtureCollection } from '../support/collection.ts';

const records = fixtureCollection();

describe('timeline', () => {
  it('groups records by year, oldest first, with the empty years between', () => {
    expect(timelineSections(records)).toEqual([
      { year: 2022, ids: ['c-operator-2022', 'd-tooling-2022'] },
      { gap: [2023, 2023] },
      { year: 2024, ids: ['a-agent-2024', 'b-agent-2024'] },
      { year: 2025, ids: ['e-assisted-2025'] },
    ]);
    expect(timelineSections([])).toEqual([]);
  });

  it('places each record on an axis from the first year to the end of the last', () => {
    const at = new Map(timePositions(records).map((p) => [p.id, p.at]));
    const span = Date.UTC(2026, 0) - Date.UTC(2022, 0);
    // "2022" is the whole year, so it sits mid-2022; "2024-03" sits mid-March 2024.
    expect(at.get('c-operator-2022')).toBeCloseTo((Date.UTC(2023, 0) - Date.UTC(2022, 0)) / 2 / span, 6);
    expect(at.get('a-agent-2024')).toBeCloseTo(((Date.UTC(2024, 2) + Date.UTC(2024, 3)) / 2 - Date.UTC(2022, 0)) / span, 6);
    for (const value of at.values()) {
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('splits the records into views that together hold each record once, each with a page of its own', () => {
    const ids = (slug: string) => recordsInView(records, TIMELINE_VIEWS.find((view) => view.slug === slug)!).map((r) => r.id);
    expect(ids('')).toEqual(records.map((r) => r.id));
    expect(ids('ai')).toEqual(['a-agent-2024', 'b-agent-2024', 'e-assisted-2025']);
    expect(ids('tooling')).toEqual(['d-tooling-2022']);
    expect(ids('none')).toEqual(['c-operator-2022']);
    expect(TIMELINE_VIEWS.map(timelineViewPath)).toEqual(['/timeline/', '/timeline/ai/', '/timeline/tooling/', '/timeline/none/']);
  });
});
