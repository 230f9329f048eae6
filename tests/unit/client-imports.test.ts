import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Browser code is bundled with everything it imports for its values. The schema library alone is
// more than the search page's own code, so the browser bundles must never reach it.
const SRC = join(import.meta.dirname, '..', '..', 'src');
const ENTRIES = ['client/search-page.ts', 'client/compare-page.ts', 'client/compare-bar.ts'];
const HEAVY_PACKAGES = ['zod', 'astro/zod', 'yaml', 'js-yaml', 'satteri'];

/** The specifiers a file imports for values: `import type …` and type-only braces are left out. */
export function valueImports(text: string): string[] {
  const specifiers: string[] = [];
  for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    const [, , typeOnly, clause, specifier] = match;
    if (typeOnly) continue;
    const braces = /^\{([^}]*)\}$/.exec(clause!.trim());
    if (braces && braces[1]!.split(',').every((name) => !name.trim() || name.trim().startsWith('type '))) continue;
    specifiers.push(specifier!);
  }
  for (const match of text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) specifiers.push(match[1]!);
  return specifiers;
}

/** Every package a browser entry reaches through value imports, with the chain that reaches it. */
function packagesReached(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of valueImports(readFileSync(join(SRC, file), 'utf8'))) {
      if (specifier.startsWith('.')) visit(relative(SRC, resolve(dirname(join(SRC, file)), specifier)), [...chain, file]);
      else if (!reached.has(specifier)) reached.set(specifier, [...chain, file]);
    }
  };
  visit(entry, []);
  return reached;
}

describe('browser code', () => {
  it('reads value imports, not type-only ones', () => {
    expect(valueImports(`import type { A } from './a.ts';\nimport { type B } from './b.ts';\nimport { C, type D } from './c.ts';\nexport { E } from './e.ts';\nimport './f.css';`)).toEqual(['./c.ts', './e.ts', './f.css']);
  });

  it.each(ENTRIES)('%s bundles none of the schema and parsing libraries', (entry) => {
    const heavy = [...packagesReached(entry)].filter(([name]) => HEAVY_PACKAGES.includes(name)).map(([name, chain]) => `${name} via ${chain.join(' -> ')}`);
    expect(heavy).toEqual([]);
  });
});
