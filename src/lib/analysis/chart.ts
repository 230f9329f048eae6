/** Geometry for the build-time SVG charts: scales, ticks and text alternatives. No drawing. */

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 1), so an axis ends on a round number. */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= value)!;
  return step * power;
}

/** Round ticks from 0 to a nice maximum at or above `max`, about `count` of them, whole numbers only. */
export function countTicks(max: number, count = 4): number[] {
  const step = Math.max(1, niceCeiling(Math.ceil(max / count)));
  const top = Math.max(step, Math.ceil(max / step) * step);
  return Array.from({ length: top / step + 1 }, (_, index) => index * step);
}

/** Maps [0, domainMax] onto [0, length]. */
export function linearScale(domainMax: number, length: number): (value: number) => number {
  return (value) => (domainMax > 0 ? (value / domainMax) * length : 0);
}

/** Maps [min, max] (both > 0) onto [0, length] on a log scale; values outside are clamped. */
export function logScale(min: number, max: number, length: number): (value: number) => number {
  const [low, span] = [Math.log(min), Math.log(max) - Math.log(min)];
  return (value) => Math.min(length, Math.max(0, ((Math.log(Math.max(value, min)) - low) / span) * length));
}

/** Every `step`-th label fits: how many slots one label needs when slots are `slot` wide. */
export function labelStep(labelWidth: number, slot: number): number {
  return Math.max(1, Math.ceil(labelWidth / Math.max(slot, 1)));
}

/** Rough width of a label in SVG units, for layout (average glyph ≈ 0.56 em in a sans-serif). */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.56;
}

/**
 * A sentence naming the largest values, as a chart's text alternative:
 * "Largest: Slow recovery, 13; Latent defect, 9; … (15 categories, 42 in all)."
 */
export function describeLargest(values: readonly { label: string; value: number }[], shown = 5, noun = 'categories'): string {
  const ranked = values.map((v, index) => ({ ...v, index })).filter((v) => v.value > 0).sort((a, b) => b.value - a.value || a.index - b.index);
  if (!ranked.length) return 'No values.';
  const listed = ranked.slice(0, shown).map((v) => `${v.label}, ${v.value}`).join('; ');
  const rest = ranked.length > shown ? `; and ${ranked.length - shown} more` : '';
  return `Largest: ${listed}${rest} (${ranked.length} ${noun} with at least one).`;
}
