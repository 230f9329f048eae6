import { execFileSync } from 'node:child_process';

/** The commit and date a build was made from, for citations and exports. */
export interface BuildInfo {
  commit: string;
  shortCommit: string;
  builtAt: string;
}

let cached: BuildInfo | undefined;

/** Reads the commit from `GIT_COMMIT` or git itself; "unknown" outside a repository. */
export function buildInfo(): BuildInfo {
  if (cached) return cached;
  let commit = process.env.GIT_COMMIT ?? '';
  if (!commit) {
    try {
      commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      commit = 'unknown';
    }
  }
  return (cached = { commit, shortCommit: commit.slice(0, 12), builtAt: new Date().toISOString() });
}
