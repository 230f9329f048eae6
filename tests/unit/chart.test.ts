import { describe, expect, it } from 'vitest';
import { countTicks, describeLargest, labelStep, linearScale, logScale, niceCeiling } from '../../src/lib/analysis/chart.ts';

describe('chart geometry', () => {
  it('rounds an axis up to 1, 2 or 5 × 10ⁿ', () => {
    expect([0, 1, 3, 7, 10, 11, 24, 60, 130].map(niceCeiling)).toEqual([1, 1, 5, 10, 10, 20, 50, 100, 200]);
  });

  it('gives whole-number ticks that reach the maximum', () => {
    expect(countTicks(13)).toEqual([0, 5, 10, 15]);
    expect(countTicks(2)).toEqual([0, 1, 2]);
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(100)).toEqual([0, 50, 100]);
  });

  it('scales linearly and logarithmically, clamping outside the domain', () => {
    expect(linearScale(10, 200)(5)).toBe(100);
    expect(linearScale(0, 200)(5)).toBe(0);
    const log = logScale(1, 1000, 300);
    expect(log(10)).toBeCloseTo(100);
    expect(log(100)).toBeCloseTo(200);
    expect(log(0.5)).toBe(0);
    expect(log(10_000)).toBe(300);
  });

  it('spaces labels so they do not collide', () => {
    expect(labelStep(28, 30)).toBe(1);
    expect(labelStep(28, 20)).toBe(2);
    expect(labelStep(28, 0)).toBe(28);
  });

  it('names the largest values as a text alternative', () => {
    const values = [{ label: 'A', value: 2 }, { label: 'B', value: 5 }, { label: 'C', value: 0 }, { label: 'D', value: 2 }];
    expect(describeLargest(values, 2)).toBe('Largest: B, 5; A, 2; and 1 more (3 categories with at least one).');
    expect(describeLargest([])).toBe('No values.');
  });
});
