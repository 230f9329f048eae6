import { UNSETTLED_STATUSES } from '../../schema/claim-status.ts';
import type { Concern } from '../../schema/claim.ts';
import type { IncidentFields } from '../../schema/incident-fields.ts';

/** A classification that hangs on an unsettled claim, and the claims it hangs on. */
export interface ContestedClassification {
  concern: Concern;
  /** Ids of the claims (disputed, denied or unverified) that decide it. */
  claims: string[];
}

/**
 * The classifications of a record that are contested: named in the `concerns` of a claim that is
 * disputed, denied or unverified. A confirmed or retracted claim settles what it concerns.
 */
export function contestedClassifications(record: Pick<IncidentFields, 'claims'>): Map<Concern, string[]> {
  const contested = new Map<Concern, string[]>();
  for (const claim of record.claims) {
    if (!UNSETTLED_STATUSES.includes(claim.status)) continue;
    for (const concern of claim.concerns ?? []) contested.set(concern, [...(contested.get(concern) ?? []), claim.id]);
  }
  return contested;
}

/** Whether one classification of the record is contested. */
export function isContested(record: Pick<IncidentFields, 'claims'>, concern: Concern): boolean {
  return contestedClassifications(record).has(concern);
}

/** The contested classifications as a list, in the order the claims name them. */
export function contestedList(record: Pick<IncidentFields, 'claims'>): ContestedClassification[] {
  return [...contestedClassifications(record)].map(([concern, claims]) => ({ concern, claims }));
}
