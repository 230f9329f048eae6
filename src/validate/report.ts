import type { Diagnostic } from './diagnostic.ts';

/** `path:line:col  field.path  message`, the format editors and terminals link. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.field}  ${d.message}`;
}

/** A GitHub Actions workflow command, which shows the error on the line in the pull request. */
export function githubAnnotation(d: Diagnostic): string {
  const escape = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (text: string) => escape(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::error file=${property(d.file)},line=${d.line},col=${d.column},title=${property(d.field)}::${escape(d.message)}`;
}

/** The full report: one line per problem (plus annotations in CI), then a summary line. */
export function formatReport(diagnostics: Diagnostic[], checkedFiles: number, options: { ci?: boolean } = {}): string {
  const lines = diagnostics.map(formatDiagnostic);
  if (options.ci) lines.push(...diagnostics.map(githubAnnotation));
  const files = new Set(diagnostics.map((d) => d.file)).size;
  lines.push(
    diagnostics.length
      ? `✗ ${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} in ${files} of ${checkedFiles} file${checkedFiles === 1 ? '' : 's'}`
      : `✓ ${checkedFiles} file${checkedFiles === 1 ? '' : 's'} checked, no problems`,
  );
  return lines.join('\n');
}
