// node scripts/check-scope.ts <base-commit> — flags a pull request that changes files outside content/.
// Run by the pull-request workflow for contributors (not maintainers); exits 1 when it finds any.
import { execFileSync } from 'node:child_process';
import { pathsOutsideContent, scopeAnnotations } from '../src/lib/contributing/pull-request-scope.ts';

const base = process.argv[2];
if (!base || !/^[0-9a-f]{7,64}$/.test(base)) {
  console.error('usage: node scripts/check-scope.ts <base-commit-sha>');
  process.exit(2);
}
// Three dots: what the pull request changed since it branched off, not what the base gained since.
const names = execFileSync('git', ['-c', 'core.quotepath=off', 'diff', '--name-only', '-z', '--no-renames', `${base}...HEAD`], { encoding: 'utf8' });
const outside = pathsOutsideContent(names);
const annotations = scopeAnnotations(outside);
for (const line of annotations) console.log(line);
console.log(outside.length ? `✗ ${outside.length} changed file(s) outside content/` : '✓ every change is under content/');
process.exitCode = outside.length ? 1 : 0;
