import { describe, expect, it } from 'vitest';
import { ASTRO_BUILD_PHASES, median, pagefindFromLog, phasesFromLog } from '../../scripts/bench/phases.ts';

// A build log as `astro build` and our integrations write it, with arrival times in ms.
const log = [
  [0, '[content] Syncing content'],
  [9000, '[content] Synced content'],
  [20000, ' generating static routes '],
  [21000, '  ├─ /incidents/a/index.html (+2ms)'],
  [64000, '✓ Completed in 44.0s.'],
  [64500, '[incident-atlas-record-files] Wrote 2 record files under /data/incidents/'],
  [70000, '[incident-atlas-search-index] Search index holds all 2 record pages (Pagefind took 52.3 s, the build waited 1.4 s for it)'],
  [70100, '[build] Complete!'],
].map(([at, text]) => ({ at: at as number, text: text as string }));

describe('reading a build log', () => {
  it('times each phase from its opening line to the line that closes it, and the rest as other', () => {
    const phases = phasesFromLog(log, 72000, ASTRO_BUILD_PHASES);
    expect(Object.fromEntries(phases.map((phase) => [phase.name, phase.ms]))).toEqual({
      'content sync': 9000,
      'types and bundling': 11000,
      pages: 44000,
      'after pages': 5600,
      other: 72000 - 9000 - 11000 - 44000 - 5600,
    });
  });

  it('leaves out a phase the log does not show', () => {
    const phases = phasesFromLog(log.filter((line) => !line.text.includes('record-files')), 72000, ASTRO_BUILD_PHASES);
    expect(phases.find((phase) => phase.name === 'after pages')?.ms).toBeUndefined();
  });

  it('reads Pagefind’s own time and how long the build waited for it', () => {
    expect(pagefindFromLog(log)).toEqual({ ms: 52300, waitedMs: 1400 });
    expect(pagefindFromLog(log.slice(0, 3))).toBeUndefined();
  });

  it('takes medians of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
