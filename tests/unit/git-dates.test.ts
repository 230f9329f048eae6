import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lastCommitDates } from '../../src/git-history.ts';
import { parseGitDates, parseShallowFile } from '../../src/lib/git-dates.ts';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
/** Output of `git log -z --format=%x1e%H %cI --name-only`, newest commit first. */
const LOG = [
  `\x1e${A} 2026-03-02T10:00:00+01:00\0\ncontent/incidents/x.mdx\0`,
  `\x1e${B} 2026-02-01T09:00:00Z\0\ncontent/incidents/x.mdx\0content/incidents/y z.mdx\0`,
  `\x1e${C} 2026-01-01T08:00:00Z\0\ncontent/incidents/x.mdx\0content/incidents/y z.mdx\0content/incidents/old.mdx\0`,
].join('');

describe('git dates (parser)', () => {
  it('keeps the newest commit date of every path', () => {
    expect(parseGitDates(LOG)).toEqual(
      new Map([
        ['content/incidents/x.mdx', '2026-03-02T10:00:00+01:00'],
        ['content/incidents/y z.mdx', '2026-02-01T09:00:00Z'],
        ['content/incidents/old.mdx', '2026-01-01T08:00:00Z'],
      ]),
    );
  });

  it('leaves out paths first seen at the boundary of a shallow clone', () => {
    const dates = parseGitDates(LOG, new Set([B]));
    expect(dates.get('content/incidents/x.mdx')).toBe('2026-03-02T10:00:00+01:00');
    expect(dates.has('content/incidents/y z.mdx')).toBe(false);
    // Older commits are not in a shallow clone; if they were listed, the boundary still hides the path.
    expect(dates.has('content/incidents/old.mdx')).toBe(true);
  });

  it('ignores empty and malformed output', () => {
    expect(parseGitDates('')).toEqual(new Map());
    expect(parseGitDates('fatal: not a git repository\n')).toEqual(new Map());
    expect(parseGitDates(`\x1e${A} not-a-date\0x.mdx\0`)).toEqual(new Map());
  });

  it('reads the shallow file', () => {
    expect(parseShallowFile(`${A}\n${B}\n\n`)).toEqual(new Set([A, B]));
  });
});

describe('git dates (reader, on real repositories)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-git-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const git = (cwd: string, args: string[], date?: string) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    });
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, 'content', 'incidents'), { recursive: true });
  git(repo, ['init', '-q']);
  const commit = (file: string, text: string, date: string) => {
    writeFileSync(join(repo, 'content', 'incidents', file), text);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', file], date);
  };
  commit('a.mdx', '1', '2026-01-01T08:00:00Z');
  commit('b.mdx', '1', '2026-02-01T08:00:00Z');
  commit('a.mdx', '2', '2026-03-01T08:00:00Z');

  it('reads every file in one pass', () => {
    const dates = lastCommitDates(repo);
    expect(Object.fromEntries(dates)).toEqual({
      'content/incidents/a.mdx': '2026-03-01T08:00:00+00:00',
      'content/incidents/b.mdx': '2026-02-01T08:00:00+00:00',
    });
  });

  it('gives no date it cannot trust in a shallow clone', () => {
    // Depth 2 keeps the last two commits; b.mdx was last changed in the cut-off one, whose real history is missing.
    git(dir, ['clone', '-q', '--depth', '2', `file://${repo}`, 'depth-2']);
    expect(Object.fromEntries(lastCommitDates(join(dir, 'depth-2')))).toEqual({ 'content/incidents/a.mdx': '2026-03-01T08:00:00+00:00' });
    git(dir, ['clone', '-q', '--depth', '1', `file://${repo}`, 'depth-1']);
    expect(lastCommitDates(join(dir, 'depth-1'))).toEqual(new Map());
  });

  it('gives nothing, without failing, outside a repository', () => {
    expect(lastCommitDates(join(dir))).toEqual(new Map());
  });
});
