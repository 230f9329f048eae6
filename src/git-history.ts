import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { formatPartialDate } from './lib/format-date.ts';
import { gitDatesArgs, parseGitDates, parseShallowFile } from './lib/git-dates.ts';

const cache = new Map<string, Map<string, string>>();

/**
 * Path (relative to `root`) → ISO date of its last commit, for every file under `folder`, read
 * in one `git log` pass and cached per build. Empty when git or the history is missing: pages
 * then simply leave the date out.
 */
export function lastCommitDates(root: string, folder = 'content/incidents'): Map<string, string> {
  const key = `${root}\0${folder}`;
  let dates = cache.get(key);
  if (!dates) cache.set(key, (dates = read(root, folder)));
  return dates;
}

function read(root: string, folder: string): Map<string, string> {
  const git = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  try {
    const shallowPath = git(['rev-parse', '--git-path', 'shallow']).trim();
    let boundary = new Set<string>();
    try {
      boundary = parseShallowFile(readFileSync(isAbsolute(shallowPath) ? shallowPath : join(root, shallowPath), 'utf8'));
    } catch {
      // No shallow file: the history is complete.
    }
    return parseGitDates(git(gitDatesArgs(folder)), boundary);
  } catch {
    return new Map();
  }
}

/** When a record file last changed, for "Last updated" on its page; undefined without git history. */
export function recordLastUpdated(file: string): { iso: string; text: string } | undefined {
  // The same root the content loaders read from (a temporary copy in tests and benchmarks).
  const root = process.env.ATLAS_CONTENT_ROOT ?? process.cwd();
  const iso = lastCommitDates(root).get(file);
  return iso ? { iso, text: formatPartialDate(new Date(iso).toISOString().slice(0, 10)) } : undefined;
}
