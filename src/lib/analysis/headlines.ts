/** The sentences and figures that open the patterns page, counted from the patterns of the whole corpus. */
import { top, type Patterns, type Tally } from './patterns.ts';

export interface Headlines {
  /** Incidents with any automation (tooling, assisted or agent). */
  automated: number;
  /** Incidents with an AI agent or AI assistance. */
  ai: number;
  /** The most frequent cause category. */
  topCause: Tally | undefined;
  /** The safeguard kind most often failed or bypassed. */
  topDefeated: Tally | undefined;
  /** A text alternative for the safeguard-outcome chart, naming the leaders of each outcome. */
  outcomeDescription: string;
}

const countOf = (patterns: Patterns, keys: readonly string[]) =>
  patterns.involvement.filter((t) => keys.includes(t.key)).reduce((sum, t) => sum + t.count, 0);

export function headlines(patterns: Patterns, safeguardName: (id: string) => string): Headlines {
  const byOutcome = (count: (o: Patterns['outcomes'][number]) => number) => patterns.outcomes.map((o) => ({ key: o.kind, count: count(o), ids: [] }));
  const defeated = byOutcome((o) => o.byStatus.failed + o.byStatus.bypassed);
  const list = (tallies: Tally[]) => tallies.map((t) => `${safeguardName(t.key)} (${t.count})`).join(', ');
  const outcomeDescription =
    `Stacked bar chart of ${patterns.outcomes.length} safeguard kinds, each split into incidents where it held, failed, was bypassed, was absent or was added afterwards. ` +
    `Most often failed or bypassed: ${list(top(defeated, 3))}. ` +
    `Most often held: ${list(top(byOutcome((o) => o.byStatus.held), 2))}. ` +
    `Most often added afterwards: ${list(top(byOutcome((o) => o.byStatus.added), 2))}.`;
  return {
    automated: countOf(patterns, ['tooling', 'assisted', 'agent']),
    ai: countOf(patterns, ['assisted', 'agent']),
    topCause: top(patterns.causes, 1)[0],
    topDefeated: top(defeated, 1)[0],
    outcomeDescription,
  };
}
