import { printable } from '../core/characters.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import { workflowData, workflowProperty } from '../core/workflow-commands.ts';

/**
 * `path:line:col  field.path  message`, the format editors and terminals link. File names,
 * fields and messages carry contributors' text, so each is printed on one line with every
 * control character escaped: no value can start a line of its own (a forged `::error::` or
 * `::stop-commands::` in CI) or send escape sequences to a terminal.
 */
export function formatDiagnostic(d: Diagnostic): string {
  return `${printable(d.file)}:${d.line}:${d.column}  ${printable(d.field)}  ${printable(d.message)}`;
}

/** A GitHub Actions workflow command, which shows the error on the line in the pull request. */
export function githubAnnotation(d: Diagnostic, level: 'error' | 'warning' = 'error'): string {
  return `::${level} file=${workflowProperty(d.file)},line=${d.line},col=${d.column},title=${workflowProperty(d.field)}::${workflowData(d.message)}`;
}

/** The same as a warning, which shows in the pull request without failing it. */
export function githubWarning(d: Diagnostic): string {
  return githubAnnotation(d, 'warning');
}

/** The kinds of content file, by folder, as the summary line counts them. */
const FILE_KINDS: [prefix: string, one: string, many: string][] = [
  ['content/incidents/', 'record', 'records'],
  ['content/organizations/', 'organization', 'organizations'],
  ['content/taxonomy/', 'taxonomy', 'taxonomies'],
];

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Counts files by kind, skipping kinds with none: "20 records, 21 organizations", or with `among`, "2 of 20 records". */
function countByKind(files: readonly string[], among?: readonly string[]): string {
  const inKind = (list: readonly string[], prefix: string) => list.filter((file) => file.startsWith(prefix)).length;
  return FILE_KINDS.flatMap(([prefix, one, many]) => {
    const count = inKind(files, prefix);
    if (!count) return [];
    return [among ? `${count} of ${plural(inKind(among, prefix), one, many)}` : plural(count, one, many)];
  }).join(', ');
}

/**
 * The full report: one line per problem (plus annotations in CI), then a summary line. Given the
 * list of checked files rather than their number, the summary also counts each kind of file.
 */
export function formatReport(diagnostics: Diagnostic[], checked: number | readonly string[], options: { ci?: boolean } = {}): string {
  const lines = diagnostics.map(formatDiagnostic);
  if (options.ci) lines.push(...diagnostics.map((d) => githubAnnotation(d)));
  const count = typeof checked === 'number' ? checked : checked.length;
  const withProblems = [...new Set(diagnostics.map((d) => d.file))];
  let kinds = '';
  if (typeof checked !== 'number') kinds = diagnostics.length ? countByKind(withProblems, checked) : countByKind(checked);
  const detail = kinds ? ` (${kinds})` : '';
  lines.push(
    diagnostics.length
      ? `✗ ${plural(diagnostics.length, 'problem', 'problems')} in ${withProblems.length} of ${plural(count, 'file', 'files')}${detail}`
      : `✓ ${plural(count, 'file', 'files')} checked${detail}, no problems`,
  );
  return lines.join('\n');
}
