import type { Claim, ClaimStatus } from '../../schema/claim.ts';

/** Statuses that leave a claim open: someone contests it, or nobody has confirmed it. */
export const OPEN_CLAIM_STATUSES = ['disputed', 'denied', 'unverified'] as const satisfies readonly ClaimStatus[];

type OpenStatus = (typeof OPEN_CLAIM_STATUSES)[number];

/** A record's open claims, most contested first (disputed, denied, then unverified), otherwise in the record's order. */
export function openClaims(claims: readonly Claim[]): (Claim & { status: OpenStatus })[] {
  const rank = (status: ClaimStatus) => (OPEN_CLAIM_STATUSES as readonly ClaimStatus[]).indexOf(status);
  return claims
    .filter((claim): claim is Claim & { status: OpenStatus } => rank(claim.status) >= 0)
    .map((claim, index) => ({ claim, index }))
    .sort((a, b) => rank(a.claim.status) - rank(b.claim.status) || a.index - b.index)
    .map(({ claim }) => claim);
}

/** True when a record has at least one open claim: the search page's "disputed claims" facet. */
export function hasOpenClaims(claims: readonly Pick<Claim, 'status'>[]): boolean {
  return claims.some((claim) => (OPEN_CLAIM_STATUSES as readonly ClaimStatus[]).includes(claim.status));
}
