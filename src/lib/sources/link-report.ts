/** What check-sources found, as a verdict per address and as a table, JSON and Markdown. */

/** One hop or final answer for an address: its status, or why there was none. */
export interface Check {
  url: string;
  /** The last HTTP status seen, after following redirects. */
  status?: number;
  /** Network failure (DNS, refused, timeout), when there was no answer. */
  error?: string;
  /** Where a permanent redirect (301, 308) first sent the request. */
  movedTo?: string;
  /** Where the request ended after every redirect. */
  finalUrl?: string;
}

export type Verdict = 'ok' | 'dead' | 'moved' | 'unsure';

/**
 * dead: 4xx or 5xx at the end, or no answer at all; moved: reachable, but through a permanent
 * redirect, so the record should carry the new address; unsure: rate-limited (429), which says
 * nothing about the page.
 */
export function verdictOf(check: Check): Verdict {
  if (check.status === 429) return 'unsure';
  if (check.error !== undefined || check.status === undefined || check.status >= 400) return 'dead';
  return check.movedTo ? 'moved' : 'ok';
}

/** Where a source is cited: record file and source id. */
export interface Citation {
  file: string;
  source: string;
}

export interface ReportRow extends Check, Citation {
  verdict: Verdict;
}

export interface LinkReport {
  checked: number;
  counts: Record<Verdict, number>;
  /** Dead, moved and unsure addresses with every record that cites them; working ones are counted only. */
  problems: ReportRow[];
}

export function linkReport(checks: readonly Check[], citations: ReadonlyMap<string, readonly Citation[]>): LinkReport {
  const counts: Record<Verdict, number> = { ok: 0, dead: 0, moved: 0, unsure: 0 };
  const problems: ReportRow[] = [];
  for (const check of checks) {
    const verdict = verdictOf(check);
    counts[verdict]++;
    if (verdict === 'ok') continue;
    for (const citation of citations.get(check.url) ?? []) problems.push({ ...citation, ...check, verdict });
  }
  const order: Verdict[] = ['dead', 'moved', 'unsure', 'ok'];
  problems.sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict) || a.file.localeCompare(b.file) || a.source.localeCompare(b.source));
  return { checked: checks.length, counts, problems };
}

const detail = (row: ReportRow) =>
  row.verdict === 'moved' ? `→ ${row.movedTo}` : row.error ?? (row.status !== undefined ? `HTTP ${row.status}` : '');

/** A plain-text table for the terminal. */
export function reportTable(report: LinkReport): string {
  const rows = report.problems.map((row) => [row.verdict, row.file, row.source, row.url, detail(row)]);
  const head = ['verdict', 'record', 'source', 'url', 'detail'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  const summary = `${report.checked} addresses checked: ${report.counts.ok} ok, ${report.counts.dead} dead, ${report.counts.moved} moved permanently, ${report.counts.unsure} rate-limited`;
  return rows.length ? [line(head), ...rows.map(line), '', summary].join('\n') : summary;
}

/** Markdown for the issue the monthly workflow keeps up to date. Cells are escaped: addresses come from records. */
export function reportMarkdown(report: LinkReport, date: string): string {
  const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
  const rows = report.problems.map((row) => `| ${row.verdict} | \`${cell(row.file)}\` | ${cell(row.source)} | ${cell(row.url)} | ${cell(detail(row))} |`);
  return [
    `Source check of ${date}: ${report.checked} addresses, ${report.counts.dead} dead, ${report.counts.moved} moved permanently, ${report.counts.unsure} rate-limited.`,
    '',
    'A dead source needs its new address, or its `archived` copy to stand for it; a moved one needs the new address in `url`.',
    '',
    ...(rows.length ? ['| verdict | record | source | url | detail |', '| --- | --- | --- | --- | --- |', ...rows] : ['Every source answered.']),
  ].join('\n');
}
