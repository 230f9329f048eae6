import { dateOf } from './dates-of.ts';
import type { RecordRule, ReportIssue } from './types.ts';

/** Reports an item dated before the one listed ahead of it. */
function inOrder(dates: (string | number)[], path: (string | number)[], what: string, report: ReportIssue): void {
  dates.forEach((date, index) => {
    if (index === 0) return;
    const before = dates[index - 1]!;
    if (dateOf(date).latest <= dateOf(before).earliest) report([...path, index, 'date'], `is before the ${what} listed above it (${before}); list them oldest first`);
  });
}

/** Claim histories and corrections are listed oldest first. */
export const lifecycleInOrder: RecordRule = (record, report) => {
  record.claims.forEach((claim, i) => inOrder((claim.history ?? []).map((step) => step.date), ['claims', i, 'history'], 'status', report));
  inOrder((record.corrections ?? []).map((c) => c.date), ['corrections'], 'correction', report);
};
