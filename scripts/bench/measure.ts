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
  /**
   * User plus system CPU time of the process tree: the larger of `/usr/bin/time -v`'s figure and
   * the last /proc sample (time misses grandchildren that are never reaped, such as Pagefind's service).
   */
  cpuMs?: number;
  /** Largest sum of resident sets over the child's process tree, sampled every `sampleMs`. */
  peakTreeRssBytes: number;
  /** Largest sampled resident set of any one process, by process name (`node`, `pagefind_extended`…). */
  peakByName: Map<string, number>;
  /** CPU time the process tree had used by each sample (ms since start), for the CPU time of phases. */
  cpuSamples: { at: number; cpuMs: number }[];
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
  const peakByName = new Map<string, number>();
  const cpuSamples: { at: number; cpuMs: number }[] = [{ at: 0, cpuMs: 0 }];
  const sample = () => {
    if (child.pid === undefined) return;
    const tree = treeUsage(child.pid);
    peakTreeRssBytes = Math.max(peakTreeRssBytes, tree.rssBytes);
    for (const [name, rss] of tree.largestByName) peakByName.set(name, Math.max(peakByName.get(name) ?? 0, rss));
    cpuSamples.push({ at: performance.now() - started, cpuMs: tree.cpuMs });
  };
  const timer = setInterval(sample, options.sampleMs ?? 100);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  clearInterval(timer);
  const wallMs = performance.now() - started;
  const sampledCpuMs = cpuSamples.at(-1)!.cpuMs;
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
  if (sampledCpuMs > (cpuMs ?? 0)) cpuMs = sampledCpuMs;
  if (timeDir) rmSync(timeDir, { recursive: true, force: true });
  return { exitCode, wallMs, lines, ...(peakRssBytes !== undefined ? { peakRssBytes } : {}), ...(cpuMs !== undefined ? { cpuMs } : {}), peakTreeRssBytes, peakByName, cpuSamples };
}

/** Clock ticks per second of /proc/<pid>/stat times; 100 on Linux. */
const TICKS_PER_SECOND = 100;

/**
 * Resident memory and CPU time of a process and all its descendants, read from /proc (zero
 * where there is none). Each live process counts its own time plus that of the children it has
 * reaped, so every process in the tree is counted once.
 */
export function treeUsage(rootPid: number): { rssBytes: number; cpuMs: number; largestByName: Map<string, number> } {
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return { rssBytes: 0, cpuMs: 0, largestByName: new Map() };
  }
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields are counted after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
    } catch {
      // The process ended while we looked.
    }
  }
  let rssBytes = 0;
  let cpuTicks = 0;
  const largestByName = new Map<string, number>();
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop()!;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      const name = /Name:\s+(\S+)/.exec(status)?.[1] ?? '?';
      rssBytes += rss;
      largestByName.set(name, Math.max(largestByName.get(name) ?? 0, rss));
    } catch {
      // Ended.
    }
    cpuTicks += ticks.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return { rssBytes, cpuMs: (cpuTicks * 1000) / TICKS_PER_SECOND, largestByName };
}
