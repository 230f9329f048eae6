/**
 * When each file last changed, read from ONE `git log` over a folder (see `GIT_DATES_ARGS`).
 * The parser is pure so it can be tested on recorded output; `src/git-history.ts` runs git.
 */

/** Arguments for `git log` whose output `parseGitDates` reads: per commit a record separator, hash and committer date, then NUL-separated paths. */
export function gitDatesArgs(folder: string): string[] {
  return ['-c', 'core.quotepath=off', 'log', '-z', '--format=%x1e%H %cI', '--name-only', '--relative', '--', folder];
}

/**
 * Reads `git log` output (newest commit first) into path → ISO date of the newest commit that
 * touched the path. In a shallow clone, the boundary commits list the whole tree as if it were
 * added there, so a path first seen at a boundary commit has no trustworthy date and is left out.
 */
export function parseGitDates(output: string, shallowBoundary: ReadonlySet<string> = new Set()): Map<string, string> {
  const dates = new Map<string, string>();
  const unknown = new Set<string>();
  for (const chunk of output.split('\x1e')) {
    const [header, ...paths] = chunk.split('\0');
    const match = /^([0-9a-f]{7,64}) (\S+)$/.exec(header?.trim() ?? '');
    if (!match) continue;
    const [, hash, date] = match as unknown as [string, string, string];
    if (Number.isNaN(Date.parse(date))) continue;
    for (const raw of paths) {
      const path = raw.replace(/^\n+/, '');
      if (!path || dates.has(path) || unknown.has(path)) continue;
      if (shallowBoundary.has(hash)) unknown.add(path);
      else dates.set(path, date);
    }
  }
  return dates;
}

/** The commits a shallow clone was cut at, from the `shallow` file in the git directory (one hash a line). */
export function parseShallowFile(text: string): Set<string> {
  return new Set(text.split('\n').map((line) => line.trim()).filter((line) => /^[0-9a-f]{7,64}$/.test(line)));
}
