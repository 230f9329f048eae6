import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of src/, bottom first, and what each may import (docs/architecture.md). A file may
// import from its own layer and from the layers listed for it; the facts files are open to all.
const SRC = join(import.meta.dirname, '..', '..', 'src');
const FACTS = ['site.ts', 'security-policy.ts'];
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  schema: ['core'],
  body: ['core', 'schema'],
  lib: ['core', 'schema', 'body'],
  validate: ['core', 'schema', 'body', 'lib'],
  build: ['core', 'schema', 'body', 'lib', 'validate'],
  client: ['core', 'lib'],
  components: ['core', 'schema', 'body', 'lib', 'build'],
  layouts: ['core', 'lib', 'build', 'components', 'styles'],
  pages: ['core', 'schema', 'body', 'lib', 'validate', 'build', 'components', 'layouts', 'client', 'styles'],
  styles: [],
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Relative import specifiers of a source file, resolved to paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((s) => relative(SRC, resolve(dirname(file), s)));
}

// content.config.ts is Astro's entry into the build glue.
const layerOf = (path: string) => (path === 'content.config.ts' ? 'build' : path.split('/')[0]!);
const sources = filesUnder(SRC).filter((file) => /\.(ts|astro|css)$/.test(file));

describe('the layout of src/', () => {
  it('holds folders, the content config and the facts files only', () => {
    const loose = readdirSync(SRC).filter((name) => !statSync(join(SRC, name)).isDirectory());
    expect(loose.sort()).toEqual(['content.config.ts', ...FACTS].sort());
  });

  it('keeps src/lib grouped: at most ten files at its top level', () => {
    const top = readdirSync(join(SRC, 'lib')).filter((name) => !statSync(join(SRC, 'lib', name)).isDirectory());
    expect(top.length).toBeLessThanOrEqual(10);
  });

  it('has a rule for every folder', () => {
    const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    expect(folders.filter((folder) => !(folder in MAY_IMPORT))).toEqual([]);
  });

  it('never imports upward', () => {
    const upward: string[] = [];
    for (const file of sources) {
      const layer = layerOf(relative(SRC, file));
      for (const target of importsOf(file)) {
        if (target.startsWith('..')) continue; // outside src/ (package files, scripts)
        const to = layerOf(target);
        if (to !== layer && !FACTS.includes(target) && !MAY_IMPORT[layer]?.includes(to)) upward.push(`${relative(SRC, file)} -> ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
