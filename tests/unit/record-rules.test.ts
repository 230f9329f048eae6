import { describe, expect, it } from 'vitest';
import type { IncidentFields } from '../../src/schema/incident-fields.ts';
import { createIncidentSchema } from '../../src/schema/incident.ts';
import { contestedClaimsHaveBothSides } from '../../src/schema/rules/claim-sides.ts';
import { durationAgrees } from '../../src/schema/rules/duration-agrees.ts';
import { noFutureDates } from '../../src/schema/rules/no-future-dates.ts';
import { occurredInRange } from '../../src/schema/rules/occurred-range.ts';
import { precisionIsCoarser } from '../../src/schema/rules/precision-coarser.ts';
import { sourceReferencesResolve } from '../../src/schema/rules/source-references.ts';
import { timelineInOrder } from '../../src/schema/rules/timeline-order.ts';
import type { RecordRule } from '../../src/schema/rules/types.ts';
import { idsAreUnique } from '../../src/schema/rules/unique-ids.ts';
import { TEST_NOW } from '../support/corpus.ts';
import { validFields } from '../support/record.ts';

/** Runs one rule and returns the paths it reported. */
function run(rule: RecordRule, mutate: (record: IncidentFields) => void = () => {}): string[] {
  const record = validFields();
  mutate(record);
  const paths: string[] = [];
  rule(record, (path) => paths.push(path.join('.')));
  return paths;
}

describe('record rules', () => {
  it('timeline in order: accepts overlapping coarse dates, rejects an earlier event after a later one', () => {
    expect(run(timelineInOrder)).toEqual([]);
    expect(run(timelineInOrder, (r) => { r.timeline[0]!.at = '2024'; r.timeline[1]!.at = '2024-03'; })).toEqual([]);
    expect(run(timelineInOrder, (r) => { r.timeline[2]!.at = '2024-03-04T08:00Z'; })).toEqual(['timeline.2.at']);
    expect(run(timelineInOrder, (r) => { r.timeline[1]!.at = '2023-12-31'; })).toEqual(['timeline.1.at']);
    // A coarse event between two exact ones must not hide that they are out of order.
    expect(run(timelineInOrder, (r) => { const [month, early, late] = r.timeline; r.timeline = [late!, month!, early!]; })).toEqual(['timeline.2.at']);
  });

  it('occurred range: end after start, reported not before start', () => {
    expect(run(occurredInRange)).toEqual([]);
    expect(run(occurredInRange, (r) => { r.occurred.end = '2024-03-04T09:15Z'; })).toEqual(['occurred.end']);
    expect(run(occurredInRange, (r) => { r.occurred.end = '2024-03-03'; })).toEqual(['occurred.end']);
    expect(run(occurredInRange, (r) => { r.occurred.end = '2024-03-04'; })).toEqual([]);
    expect(run(occurredInRange, (r) => { r.reported = '2024-02'; })).toEqual(['reported']);
  });

  it('duration agrees with exact start and end, within the unit it is written in', () => {
    expect(run(durationAgrees)).toEqual([]);
    expect(run(durationAgrees, (r) => { r.duration = 'PT4H'; })).toEqual([]);
    expect(run(durationAgrees, (r) => { r.duration = 'PT3H50M'; })).toEqual(['duration']);
    expect(run(durationAgrees, (r) => { r.duration = 'PT9H'; r.occurred.end = '2024-03-04'; })).toEqual([]);
  });

  it('source references resolve', () => {
    expect(run(sourceReferencesResolve)).toEqual([]);
    expect(run(sourceReferencesResolve, (r) => { r.safeguards[1]!.sources = ['operator-postmortem', 'ghost']; })).toEqual(['safeguards.1.sources.1']);
    expect(run(sourceReferencesResolve, (r) => { r.claims[0]!.disputed_by![0]!.sources = ['ghost']; })).toEqual(['claims.0.disputed_by.0.sources.0']);
  });

  it('ids are unique', () => {
    expect(run(idsAreUnique)).toEqual([]);
    expect(run(idsAreUnique, (r) => { r.sources[1]!.id = 'operator-postmortem'; })).toEqual(['sources.1']);
    expect(run(idsAreUnique, (r) => { r.claims.push({ ...r.claims[0]! }); })).toEqual(['claims.1']);
    expect(run(idsAreUnique, (r) => { r.related = ['a-b', 'a-b']; })).toEqual(['related.1']);
    expect(run(idsAreUnique, (r) => { r.sources[2]!.url = r.sources[0]!.url; })).toEqual(['sources.2']);
  });

  it('contested claims name the other side', () => {
    expect(run(contestedClaimsHaveBothSides)).toEqual([]);
    expect(run(contestedClaimsHaveBothSides, (r) => { delete r.claims[0]!.disputed_by; })).toEqual(['claims.0.status']);
    expect(run(contestedClaimsHaveBothSides, (r) => { delete r.claims[0]!.disputed_by; r.claims[0]!.status = 'unverified'; })).toEqual([]);
  });

  it('no dates in the future, with a day of slack for time zones', () => {
    const rule = noFutureDates(() => TEST_NOW);
    expect(run(rule)).toEqual([]);
    expect(run(rule, (r) => { r.reported = '2026-12-05'; })).toEqual([]);
    expect(run(rule, (r) => { r.reported = '2026-12-06'; })).toEqual(['reported']);
    expect(run(rule, (r) => { r.sources[1]!.published = 2027; })).toEqual(['sources.1.published']);
  });

  it('a stated precision may only be coarser than the written date', () => {
    expect(run(precisionIsCoarser, (r) => { r.timeline[1]!.precision = 'hour'; })).toEqual([]);
    expect(run(precisionIsCoarser, (r) => { r.timeline[0]!.precision = 'day'; })).toEqual(['timeline.0.precision']);
  });

  it('the composed schema runs the rules only once every field is valid', () => {
    const schema = createIncidentSchema(() => TEST_NOW);
    const record = validFields();
    expect(schema.safeParse(record).success).toBe(true);
    const broken = { ...record, occurred: { start: 'not a date', end: '2024-03-04T12:45Z' } };
    const result = schema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['occurred.start']);
  });
});
