// npm run validate [files…] — checks content without building the site.
import { relative, resolve } from 'node:path';
import { readCorpus } from '../src/validate/corpus.ts';
import type { Diagnostic } from '../src/core/diagnostic.ts';
import { formatDiagnostic, formatReport, githubWarning } from '../src/validate/report.ts';

const root = process.cwd();
const named = process.argv.slice(2).map((file) => relative(root, resolve(file)).split('\\').join('/'));
// The whole corpus is always read, so references between records resolve; only the named files are reported.
const corpus = await readCorpus({ root });
const unknownFiles: Diagnostic[] = named
  .filter((file) => !corpus.files.includes(file))
  .map((file) => ({ file, line: 1, column: 1, field: 'file', message: 'not a content file (expected content/incidents/*.mdx, content/organizations/*.yaml or content/taxonomy/*.yaml)' }));
const diagnostics = named.length ? [...unknownFiles, ...corpus.diagnostics.filter((d) => named.includes(d.file))] : corpus.diagnostics;
// Thin published records are worth a reviewer's question, not a failure: warnings, printed first.
const warnings = corpus.incidents
  .filter((incident) => !named.length || named.includes(incident.file))
  .flatMap((incident) => incident.warnings ?? []);
for (const warning of warnings) console.log(formatDiagnostic(warning));
if (process.env.CI) for (const warning of warnings) console.log(githubWarning(warning));
if (warnings.length) console.log(`! ${warnings.length} warning${warnings.length === 1 ? '' : 's'} about thin records (they do not fail the check)`);
console.log(formatReport(diagnostics, named.length ? named : corpus.files, { ci: Boolean(process.env.CI) }));
process.exitCode = diagnostics.length ? 1 : 0;
