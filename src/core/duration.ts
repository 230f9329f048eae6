/**
 * ISO 8601 durations as the record format uses them: `PT13H`, `PT2H30M`, `P1DT4H`, `P3D`.
 * Years and months are left out on purpose: their length is not fixed, so they cannot be
 * checked against a start and an end.
 */

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const UNIT_MS = { W: 604_800_000, D: 86_400_000, H: 3_600_000, M: 60_000, S: 1_000 } as const;

export interface Duration {
  text: string;
  /** Length in milliseconds. */
  ms: number;
  /** Length of the smallest unit written: how precise the figure claims to be. */
  resolutionMs: number;
}

/** Parses an ISO 8601 duration of weeks, days, hours, minutes and seconds; undefined when malformed or zero-free. */
export function parseDuration(text: string): Duration | undefined {
  const match = DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const units = ['W', 'D', 'H', 'M', 'S'] as const;
  let ms = 0;
  let resolutionMs = 0;
  units.forEach((unit, index) => {
    const value = match[index + 1];
    if (value === undefined) return;
    ms += Number(value) * UNIT_MS[unit];
    resolutionMs = UNIT_MS[unit];
  });
  return { text, ms, resolutionMs };
}

/** Hours in a duration, rounded to two decimals (used in exports and tables). */
export function durationHours(ms: number): number {
  return Math.round((ms / 3_600_000) * 100) / 100;
}

/** Short human form: "13 h", "2 h 30 min", "3 d 4 h", "45 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = [days && `${days} d`, hours && `${hours} h`, mins && `${mins} min`].filter(Boolean);
  return parts.length ? parts.join(' ') : 'under a minute';
}
