import type { RecordRule } from './types.ts';

/** `withdrawn` comes with `status: withdrawn` and only then; a duplicate names the record it duplicates. */
export const withdrawnHasReason: RecordRule = (record, report) => {
  const { withdrawn } = record;
  if (record.status === 'withdrawn' && !withdrawn) report(['status'], 'is "withdrawn", so withdrawn must give the date, reason and a note');
  if (record.status !== 'withdrawn' && withdrawn) report(['withdrawn'], `is only for withdrawn records (the status is "${record.status}")`);
  if (!withdrawn) return;
  if (withdrawn.reason === 'duplicate' && !withdrawn.duplicate_of) report(['withdrawn', 'reason'], 'is "duplicate", so withdrawn.duplicate_of must name the record it duplicates');
  if (withdrawn.reason !== 'duplicate' && withdrawn.duplicate_of) report(['withdrawn', 'duplicate_of'], `is only for the reason "duplicate" (the reason is "${withdrawn.reason}")`);
};
