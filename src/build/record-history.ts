import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { GIT_LOG_ARGS, parseGitLog, type RecordHistory } from '../lib/exports/history.ts';

let cached: Map<string, RecordHistory> | undefined;

const git = (root: string, args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });

/**
 * When each record file was first and last committed, and its last commit, from one `git log`
 * pass per build over the content root (`ATLAS_CONTENT_ROOT` when a test or the benchmark builds
 * from a copy). Empty outside a git checkout of its own (a downloaded archive, a temporary
 * benchmark copy) and in a shallow clone, whose history would date every record to its newest
 * commit: every consumer then falls back to dates it can state honestly.
 */
export function recordHistory(root: string = process.env.ATLAS_CONTENT_ROOT ?? process.cwd()): Map<string, RecordHistory> {
  return (cached ??= readRecordHistory(root));
}

/** {@link recordHistory}, read afresh. */
export function readRecordHistory(root: string): Map<string, RecordHistory> {
  try {
    // A copy of the content inside another checkout would otherwise read that checkout's history.
    if (realpathSync(git(root, ['rev-parse', '--show-toplevel']).trim()) !== realpathSync(root)) return new Map();
    if (git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true') return new Map();
    return parseGitLog(git(root, [...GIT_LOG_ARGS, 'content/incidents']));
  } catch {
    return new Map();
  }
}
