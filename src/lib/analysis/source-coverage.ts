/** How well the corpus's sources are kept: how many are primary, dated and archived. */
import type { Source } from '../../schema/source.ts';

/** Kinds of source that are the organization's or a witness's own account. */
export const PRIMARY_KINDS: readonly Source['kind'][] = ['postmortem', 'statement', 'regulator', 'first-hand'];

export interface SourceCoverage {
  total: number;
  primary: number;
  dated: number;
  archived: number;
}

export function sourceCoverage(records: readonly { sources: readonly Source[] }[]): SourceCoverage {
  const sources = records.flatMap((record) => record.sources);
  return {
    total: sources.length,
    primary: sources.filter((source) => PRIMARY_KINDS.includes(source.kind)).length,
    dated: sources.filter((source) => source.published !== undefined).length,
    archived: sources.filter((source) => source.archived !== undefined).length,
  };
}

/** A share as a whole percentage, "0%" of nothing. */
export function percentOf(part: number, whole: number): string {
  return `${whole ? Math.round((part / whole) * 100) : 0}%`;
}
