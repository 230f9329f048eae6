import { CONTESTED_STATUSES } from '../claim.ts';
import type { RecordRule } from './types.ts';

/** A disputed or denied claim names who disputes it and what they say. */
export const contestedClaimsHaveBothSides: RecordRule = (record, report) => {
  record.claims.forEach((claim, index) => {
    if (CONTESTED_STATUSES.includes(claim.status) && !claim.disputed_by?.length) {
      report(['claims', index, 'status'], `is "${claim.status}", so disputed_by must name who disputes it and their position`);
    }
  });
};
