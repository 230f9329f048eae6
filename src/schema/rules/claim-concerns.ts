import type { IncidentFields } from '../incident-fields.ts';
import type { Concern } from '../claim.ts';
import type { RecordRule } from './types.ts';

/** Why a concern names nothing the record states, or undefined when it does. */
function missing(record: IncidentFields, concern: Concern): string | undefined {
  if (concern.startsWith('cause:')) {
    const id = concern.slice('cause:'.length);
    return record.cause.categories.includes(id) ? undefined : `names the cause "${id}", which is not under cause.categories`;
  }
  if (concern.startsWith('safeguard:')) {
    const kind = concern.slice('safeguard:'.length);
    return record.safeguards.some((s) => s.kind === kind) ? undefined : `names the safeguard "${kind}", which is not under safeguards`;
  }
  if (concern === 'automation.involvement' && !record.automation) return 'names automation.involvement, but the record has no automation';
  if (concern === 'impact.data_destroyed' && !record.impact.data_destroyed) return 'names impact.data_destroyed, which the record does not give';
  return undefined;
}

/** A claim's `concerns` name classifications the record actually makes, each once. */
export const concernsExist: RecordRule = (record, report) => {
  record.claims.forEach((claim, i) => {
    const seen = new Set<string>();
    (claim.concerns ?? []).forEach((concern, j) => {
      const problem = seen.has(concern) ? `repeats "${concern}"` : missing(record, concern);
      if (problem) report(['claims', i, 'concerns', j], problem);
      seen.add(concern);
    });
  });
};
