/**
 * When a record file was first and last committed, as ISO 8601 datetimes, and the last commit
 * that changed it (the record's own version, which citations name); null when unknown.
 */
export interface RecordHistory {
  added: string | null;
  updated: string | null;
  version: string | null;
}

/** Marks the start of each commit in {@link GIT_LOG_ARGS} output (ASCII record separator). */
const COMMIT_MARK = '\x1e';

/**
 * Arguments for one `git log` pass over the record files: each commit on main's first-parent
 * line, newest first, as a marker, its hash and committer date, and the files it changed against
 * its first parent (paths relative to the working directory). A contributor sets the dates of the
 * commits in a pull request (`GIT_COMMITTER_DATE` is theirs to choose); the merge, squash or
 * rebase that brings them into main is dated by whoever merges, and is the version of main a
 * citation can name. Following the first parent reads only those.
 */
export const GIT_LOG_ARGS = ['log', '--first-parent', '--diff-merges=first-parent', '--format=%x1e%H %cI', '--name-only', '--no-renames', '--relative', '--'];

/**
 * Reads the output of `git log` run with {@link GIT_LOG_ARGS}: for each file, the date of the
 * oldest commit that touched it (added), and the date and hash of the newest (updated, version).
 * A commit line without a hash (the older format, date only) still gives the dates.
 */
export function parseGitLog(output: string): Map<string, RecordHistory> {
  const history = new Map<string, RecordHistory>();
  for (const block of output.split(COMMIT_MARK)) {
    const [head, ...files] = block.split('\n').map((line) => line.trim()).filter(Boolean);
    const [first = '', second] = (head ?? '').split(' ');
    const [hash, date] = second === undefined ? [null, first] : [/^[0-9a-f]{7,64}$/.test(first) ? first : null, second];
    const time = Date.parse(date);
    if (Number.isNaN(time)) continue;
    const iso = new Date(time).toISOString();
    for (const file of files) {
      const known = history.get(file);
      // Newest commits come first: the first commit seen is the update, the last the addition.
      history.set(file, { added: iso, updated: known?.updated ?? iso, version: known ? known.version : hash });
    }
  }
  return history;
}
