import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../vitest.config.ts';

// Browser and dev-server tests run on busy machines: they wait for conditions, generously, and never sleep.
const TESTS = join(import.meta.dirname, '..');
const files = ['site', 'support'].flatMap((dir) => readdirSync(join(TESTS, dir)).filter((name) => name.endsWith('.ts')).map((name) => join(dir, name)));
const MIN_WAIT_MS = 30_000;

describe('waits in browser and dev-server tests', () => {
  it('poll for 30 s by default in the site project', () => {
    const site = config.test?.projects?.find((project) => typeof project === 'object' && 'test' in project && project.test?.name === 'site') as { test: { expect?: { poll?: { timeout?: number } } } };
    expect(site.test.expect?.poll?.timeout).toBeGreaterThanOrEqual(MIN_WAIT_MS);
  });

  it.each(files)('%s sets no timeout under 30 s and sleeps for no fixed time', (file) => {
    const text = readFileSync(join(TESTS, file), 'utf8');
    expect(text).not.toMatch(/waitForTimeout\(/);
    for (const [, value] of text.matchAll(/\btimeout(?::|\s*=)\s*([\d_]+)/g)) expect(Number(value!.replace(/_/g, '')), `${file}: timeout ${value}`).toBeGreaterThanOrEqual(MIN_WAIT_MS);
    // A sleep is allowed only as the step of a bounded polling loop.
    for (const match of text.matchAll(/setTimeout\(resolve, (\d+)\)/g)) expect(text.slice(Math.max(0, match.index - 400), match.index), `${file}: sleep of ${match[1]} ms`).toMatch(/for \(let waited = 0; waited < [\d_]+;/);
  });
});
