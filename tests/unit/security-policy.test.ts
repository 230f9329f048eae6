import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspHeaderValue, SCRIPT_SOURCES } from '../../src/security-policy.ts';

describe('Content-Security-Policy', () => {
  it('allows Pagefind to compile WebAssembly, and nothing inline or evaluated', () => {
    expect(SCRIPT_SOURCES).toContain("'wasm-unsafe-eval'");
    expect(cspHeaderValue()).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  });

  it('the _headers file for static hosts carries the same policy', () => {
    const headers = readFileSync(join(import.meta.dirname, '..', '..', 'public', '_headers'), 'utf8');
    expect(headers).toContain(`Content-Security-Policy: ${cspHeaderValue()}\n`);
    for (const header of ['X-Content-Type-Options: nosniff', 'Permissions-Policy: ', 'Referrer-Policy: ']) expect(headers).toContain(`\n  ${header}`);
  });

  it('the Netlify configuration publishes the built folder, where _headers lands', () => {
    const config = readFileSync(join(import.meta.dirname, '..', '..', 'netlify.toml'), 'utf8');
    expect(config).toMatch(/^\s*publish = "dist"$/m);
    expect(config).toMatch(/^\s*command = "npm run validate && npm run build"$/m);
  });
});
