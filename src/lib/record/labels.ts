import type { ClaimStatus } from '../../schema/claim.ts';
import type { Involvement } from '../../schema/automation.ts';
import type { SafeguardStatus } from '../../schema/safeguard.ts';
import type { WithdrawalReason } from '../../schema/withdrawn.ts';
import type { SOURCE_KINDS } from '../../schema/source.ts';

/** How the facts card and badges word each involvement level. */
export const INVOLVEMENT_LABELS: Record<Involvement, string> = {
  none: 'none',
  tooling: 'automation tooling',
  assisted: 'AI-assisted',
  agent: 'AI agent',
};

/** Headings for the safeguard groups, in the order a reader wants them. */
export const SAFEGUARD_STATUS_LABELS: Record<SafeguardStatus, string> = {
  failed: 'Failed',
  bypassed: 'Bypassed',
  absent: 'Absent',
  held: 'Held',
  added: 'Added afterwards',
  recommended: 'Recommended',
};

/** One-line explanations of claim statuses, shown beside the badge. */
export const CLAIM_STATUS_NOTES: Record<ClaimStatus, string> = {
  disputed: 'asserted by one party, contested by another',
  denied: 'asserted, and denied by the party concerned',
  unverified: 'reported, not independently confirmed',
  confirmed: 'once contested or single-sourced, now confirmed',
  retracted: 'withdrawn by the party that made it',
};

/** How the source list names each kind of source. */
export const SOURCE_KIND_LABELS: Record<(typeof SOURCE_KINDS)[number], string> = {
  postmortem: 'postmortem',
  statement: 'official statement',
  regulator: 'regulator',
  'first-hand': 'first-hand account',
  news: 'news report',
  analysis: 'analysis',
};

/** Title-cases a kebab id for display when no better name is known. */
export function humanize(id: string): string {
  const text = id.replace(/-/g, ' ');
  return text[0]!.toUpperCase() + text.slice(1);
}

/** Why a record was withdrawn, as the tombstone page says it. */
export const WITHDRAWAL_REASON_LABELS: Record<WithdrawalReason, string> = {
  duplicate: 'it duplicates another record',
  'not-an-incident': 'what it describes is not an incident',
  unverifiable: 'its facts could not be verified',
  'source-retracted': 'its sources were retracted',
};
