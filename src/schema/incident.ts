import { IncidentFieldsSchema, type IncidentFields } from './incident-fields.ts';
import { concernsExist } from './rules/claim-concerns.ts';
import { contestedClaimsHaveBothSides } from './rules/claim-sides.ts';
import { durationAgrees } from './rules/duration-agrees.ts';
import { lifecycleInOrder } from './rules/lifecycle-order.ts';
import { noFutureDates } from './rules/no-future-dates.ts';
import { occurredInRange } from './rules/occurred-range.ts';
import { precisionIsCoarser } from './rules/precision-coarser.ts';
import { sourceReferencesResolve } from './rules/source-references.ts';
import { timelineInOrder } from './rules/timeline-order.ts';
import { noTrackingParameters } from './rules/tracking-parameters.ts';
import type { RecordRule } from './rules/types.ts';
import { idsAreUnique } from './rules/unique-ids.ts';
import { withdrawnHasReason } from './rules/withdrawn-status.ts';

/** The rules that relate fields of one record, run once every field is well-typed. */
export function recordRules(now?: () => number): RecordRule[] {
  return [
    precisionIsCoarser,
    timelineInOrder,
    occurredInRange,
    durationAgrees,
    sourceReferencesResolve,
    idsAreUnique,
    contestedClaimsHaveBothSides,
    concernsExist,
    lifecycleInOrder,
    noTrackingParameters,
    withdrawnHasReason,
    noFutureDates(now),
  ];
}

/** The full frontmatter schema of an incident record: fields, then the rules between them. */
export function createIncidentSchema(now?: () => number) {
  const rules = recordRules(now);
  return IncidentFieldsSchema.superRefine(
    (record, ctx) => {
      for (const rule of rules) {
        rule(record, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
      }
    },
    // The rules relate fields to each other, so they only make sense once every field is valid.
    { when: (payload) => payload.issues.length === 0 },
  );
}

/** The incident schema on the real clock. */
export const IncidentSchema = createIncidentSchema();

export type Incident = IncidentFields;
