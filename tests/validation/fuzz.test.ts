import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordText, validateRecordText } from '../support/validate-text.ts';
import { validData } from '../support/record.ts';

// Property-based fuzzing of the validator: mutate the valid fixture record (drop, retype,
// reorder, duplicate, add fields, random text) and check the verdict and its location.
// Each property knows, independently of the validator, whether its mutation must be refused.

const RUNS = 200;
let casesRun = 0;

type Path = (string | number)[];

/** Every path in the data that leads to a value, objects and arrays included. */
function allPaths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...allPaths(item, [...prefix, i])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...allPaths(item, [...prefix, key])]);
  return [];
}

function parentOf(data: any, path: Path): any {
  return path.slice(0, -1).reduce((node, key) => node[key], data);
}

/** Checks the invariant of every verdict: rejections are located inside the file and say what is wrong. */
function verdict(text: string) {
  casesRun++;
  const result = validateRecordText(text);
  const lines = text.split('\n').length;
  for (const p of result.problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lines);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(p.field.length).toBeGreaterThan(0);
    expect(p.message.length).toBeGreaterThan(0);
  }
  return result;
}

const base = validData();
const paths = allPaths(base);
const pathOf = (path: Path) => path.join('.');

describe('validator fuzzing', () => {
  it('the unmutated record is accepted', () => {
    expect(verdict(recordText(base)).problems).toEqual([]);
  });

  it('retyping any field to a type no field accepts is refused at that field', () => {
    fc.assert(fc.property(fc.constantFrom(...paths), fc.constantFrom(null, true, false, { x: 1 }), (path, value) => {
      const data = validData();
      parentOf(data, path)[path.at(-1)!] = value;
      const result = verdict(recordText(data));
      expect(result.accepted).toBe(false);
      expect(result.problems.some((p) => pathOf(path).startsWith(p.field) || p.field.startsWith(pathOf(path)))).toBe(true);
    }), { numRuns: RUNS });
  });

  const REQUIRED = ['title', 'summary', 'status', 'occurred', 'organizations', 'systems', 'impact', 'cause', 'timeline', 'claims', 'safeguards', 'sources',
    'occurred.start', 'impact.severity', 'impact.summary', 'impact.data_loss', 'automation.involvement', 'cause.trigger', 'cause.categories'];
  const OPTIONAL = ['duration', 'reported', 'regions', 'tags', 'occurred.end', 'impact.people_affected', 'automation', 'automation.tool', 'automation.requested',
    'automation.performed', 'automation.permissions', 'cause.contributing'];

  it('dropping a required field is refused and names it; dropping an optional one is accepted', () => {
    fc.assert(fc.property(fc.constantFrom(...REQUIRED, ...OPTIONAL), (dotted) => {
      const data = validData();
      const path = dotted.split('.');
      delete parentOf(data, path)[path.at(-1)!];
      const result = verdict(recordText(data));
      if (REQUIRED.includes(dotted)) {
        expect(result.accepted).toBe(false);
        expect(result.problems.map((p) => p.field)).toContain(dotted);
      } else {
        expect(result.problems).toEqual([]);
      }
    }), { numRuns: RUNS });
  });

  it('an unknown key anywhere is refused at that key', () => {
    const objects = [[], ...paths.filter((path) => { const v = path.reduce((n: any, k) => n[k], base); return v && typeof v === 'object' && !Array.isArray(v); })];
    fc.assert(fc.property(fc.constantFrom(...objects), fc.stringMatching(/^[a-z][a-z_]{2,12}$/), (path, key) => {
      const data = validData();
      const target = path.reduce((n: any, k) => n[k], data);
      fc.pre(!(key in target));
      target[key] = 'x';
      const result = verdict(recordText(data));
      expect(result.accepted).toBe(false);
      expect(result.problems.map((p) => p.field)).toContain(pathOf([...path, key]));
    }), { numRuns: RUNS });
  });

  it('reordering: sources and organizations in any order are accepted, a timeline out of order is refused', () => {
    fc.assert(fc.property(fc.constantFrom('sources', 'organizations', 'timeline'), fc.integer({ min: 0, max: 100 }), (list, seed) => {
      const data = validData();
      const items = data[list] as unknown[];
      const order = items.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13));
      data[list] = order.map((i) => items[i]);
      const result = verdict(recordText(data));
      // In the fixture, event 0 is dated only to the month, which overlaps both others;
      // events 1 (09:15Z) and 2 (12:45Z) are exact, so only their order is certain.
      const misordered = order.indexOf(2) < order.indexOf(1);
      if (list === 'timeline' && misordered) {
        expect(result.accepted).toBe(false);
        expect(result.problems.some((p) => /^timeline\.\d+\.at$/.test(p.field))).toBe(true);
      } else {
        expect(result.problems).toEqual([]);
      }
    }), { numRuns: RUNS });
  });

  it('duplicating a source, claim or organization is refused', () => {
    fc.assert(fc.property(fc.constantFrom('sources', 'claims', 'organizations'), (list) => {
      const data = validData();
      data[list].push(structuredClone(data[list][0]));
      const result = verdict(recordText(data));
      expect(result.accepted).toBe(false);
      expect(result.problems.some((p) => p.field.startsWith(`${list}.`) && /repeats/.test(p.message))).toBe(true);
    }), { numRuns: 30 });
  });

  it('any text in a free-text field is accepted unless blank or carrying bidi controls', () => {
    const fields: Path[] = [['impact', 'summary'], ['cause', 'trigger'], ['timeline', 1, 'event'], ['claims', 0, 'statement'], ['safeguards', 0, 'description'], ['systems', 0]];
    fc.assert(fc.property(fc.constantFrom(...fields), fc.string({ unit: 'binary', maxLength: 80 }), (path, text) => {
      const data = validData();
      parentOf(data, path)[path.at(-1)!] = text;
      const result = verdict(recordText(data));
      const refusable = text.trim() === '' || /[\u202A-\u202E\u2066-\u2069\u061C]/.test(text) || /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/.test(text);
      if (!refusable) expect(result.problems).toEqual([]);
      if (text.trim() === '') expect(result.accepted).toBe(false);
    }), { numRuns: RUNS * 2 });
  });

  it('ran a meaningful number of cases', () => {
    expect(casesRun).toBeGreaterThan(1000);
    console.log(`validator fuzzing: ${casesRun} cases`);
  });
});
