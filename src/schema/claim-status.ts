// The claim statuses without zod, so that browser code which needs them (the search page's facets)
// does not bundle the schema library.

/** Where a contested or thinly sourced statement stands. */
export const CLAIM_STATUSES = ['disputed', 'denied', 'unverified', 'confirmed', 'retracted'] as const;

export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Statuses that mean someone contests the statement, so the other side must be given. */
export const CONTESTED_STATUSES: readonly ClaimStatus[] = ['disputed', 'denied'];

/** Statuses while which the classifications a claim decides are shown and counted as contested. */
export const UNSETTLED_STATUSES: readonly ClaimStatus[] = ['disputed', 'denied', 'unverified'];
