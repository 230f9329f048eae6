// Runs a command as a child process and measures it: wall time, each output line's arrival
// time (for phases), peak memory of the largest process (/usr/bin/time -v when present) and
// of the whole process tree (sampled from /proc).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface TimedLine {
  /** Milliseconds since the child started. */
  at: number;
  text: string;
}

export interface MeasuredRun {
  exitCode: number;
  wallMs: number;
  /** Output lines, stdout and stderr interleaved, each with its arrival time. */
  lines: TimedLine[];
  /** Largest resident set of any one process, from `/usr/bin/time -v`; undefined without it. */
  peakRssBytes?: number;
  /** User plus system CPU time of the child and its descendants, from `/usr/bin/time -v`. */
  cpuMs?: number;
  /** Largest sum of resident sets over the child's process tree, sampled every `sampleMs`. */
  peakTreeRssBytes: number;
}

const TIME = '/usr/bin/time';

/** Runs `command args` in `cwd` and resolves when it exits, with its measurements. */
export async function runMeasured(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; sampleMs?: number; echo?: boolean }): Promise<MeasuredRun> {
  const timeDir = existsSync(TIME) ? mkdtempSync(join(tmpdir(), 'atlas-time-')) : undefined;
  const timeFile = timeDir && join(timeDir, 'time.txt');
  const [file, argv] = timeFile ? [TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: TimedLine[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (text) => {
      lines.push({ at: performance.now() - started, text });
      if (options.echo) process.stderr.write(`  │ ${text}\n`);
    });
  }
  let peakTreeRssBytes = 0;
  const sample = () => {
    if (child.pid !== undefined) peakTreeRssBytes = Math.max(peakTreeRssBytes, treeRssBytes(child.pid));
  };
  const timer = setInterval(sample, options.sampleMs ?? 100);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  clearInterval(timer);
  const wallMs = performance.now() - started;
  let peakRssBytes: number | undefined;
  let cpuMs: number | undefined;
  if (timeFile && existsSync(timeFile)) {
    const report = readFileSync(timeFile, 'utf8');
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
    if (rss) peakRssBytes = Number(rss[1]) * 1024;
    const user = /User time \(seconds\): ([\d.]+)/.exec(report);
    const system = /System time \(seconds\): ([\d.]+)/.exec(report);
    if (user && system) cpuMs = (Number(user[1]) + Number(system[1])) * 1000;
  }
  if (timeDir) rmSync(timeDir, { recursive: true, force: true });
  return { exitCode, wallMs, lines, ...(peakRssBytes !== undefined ? { peakRssBytes } : {}), ...(cpuMs !== undefined ? { cpuMs } : {}), peakTreeRssBytes };
}

/** Sum of VmRSS over a process and all its descendants, read from /proc (0 where /proc is missing). */
export function treeRssBytes(rootPid: number): number {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the parent pid is the second field after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop()!;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) total += Number(match[1]) * 1024;
    } catch {
      // Ended.
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}
