// Phases of a build, read from the arrival times of its log lines.
import type { TimedLine } from './measure.ts';

export interface PhaseMarker {
  name: string;
  /** The line that opens the phase (its first match). */
  start: RegExp;
  /** The first line after the opening one that closes it. */
  end: RegExp;
}

/**
 * The phases of `astro build` as its log shows them. `after pages` is our integrations' work once
 * the pages are written: the per-record data files, the sitemap, the link check and waiting for
 * the search index (built alongside the pages, see `pagefindFromLog`).
 */
export const ASTRO_BUILD_PHASES: PhaseMarker[] = [
  { name: 'content sync', start: /\[content\] Syncing content/, end: /\[content\] Synced content/ },
  { name: 'types and bundling', start: /\[content\] Synced content/, end: /generating static routes/ },
  { name: 'pages', start: /generating static routes/, end: /Completed in/ },
  { name: 'after pages', start: /\[incident-atlas-record-files\]/, end: /\[build\] Complete!/ },
];

/** Pagefind's own wall time and how long the build then waited for it, as the search index integration logs them. */
export function pagefindFromLog(lines: readonly TimedLine[]): { ms: number; waitedMs: number } | undefined {
  for (const { text } of lines) {
    const match = /Pagefind took ([\d.]+) s, the build waited ([\d.]+) s/.exec(text);
    if (match) return { ms: Number(match[1]) * 1000, waitedMs: Number(match[2]) * 1000 };
  }
  return undefined;
}

export interface Phase {
  name: string;
  /** Wall time; undefined when the log did not show the phase. */
  ms?: number;
  /** CPU time of the whole process tree during the phase, when samples were taken. */
  cpuMs?: number;
}

/** CPU time used by `at`, interpolated between the samples around it. */
export function cpuAt(samples: readonly { at: number; cpuMs: number }[], at: number): number {
  let before = samples[0] ?? { at: 0, cpuMs: 0 };
  for (const sample of samples) {
    if (sample.at >= at) {
      const span = sample.at - before.at;
      return span > 0 ? before.cpuMs + ((sample.cpuMs - before.cpuMs) * (at - before.at)) / span : sample.cpuMs;
    }
    before = sample;
  }
  return before.cpuMs;
}

/**
 * Each phase's duration, from the line that opens it to the first later line that closes it,
 * plus `other` for the rest of the wall time (start-up, anything unmarked, exit).
 */
export function phasesFromLog(
  lines: readonly TimedLine[],
  wallMs: number,
  markers: readonly PhaseMarker[],
  cpuSamples: readonly { at: number; cpuMs: number }[] = [],
): Phase[] {
  const cpu = (from: number, to: number) => (cpuSamples.length > 1 ? { cpuMs: cpuAt(cpuSamples, to) - cpuAt(cpuSamples, from) } : {});
  const phases: Phase[] = markers.map(({ name, start, end }) => {
    const opening = lines.findIndex((line) => start.test(line.text));
    if (opening < 0) return { name };
    const closing = lines.findIndex((line, index) => index > opening && end.test(line.text));
    if (closing < 0) return { name };
    const [from, to] = [lines[opening]!.at, lines[closing]!.at];
    return { name, ms: to - from, ...cpu(from, to) };
  });
  const marked = phases.reduce((sum, phase) => sum + (phase.ms ?? 0), 0);
  const markedCpu = phases.reduce((sum, phase) => sum + (phase.cpuMs ?? 0), 0);
  const totalCpu = cpuSamples.length > 1 ? { cpuMs: Math.max(0, cpuAt(cpuSamples, wallMs) - markedCpu) } : {};
  return [...phases, { name: 'other', ms: Math.max(0, wallMs - marked), ...totalCpu }];
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
