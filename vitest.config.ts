import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 600_000,
    projects: [
      { test: { name: 'unit', testTimeout: 60_000, include: ['tests/unit/**/*.test.ts', 'tests/validation/**/*.test.ts', 'tests/content/**/*.test.ts'] } },
      // Site tests share one build of the real site and one static server, made in the global setup.
      // expect.poll waits 30 s by default here (Vitest's own default is 1 s): browser and dev-server
      // tests must hold on a busy machine.
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: ['tests/support/site-setup.ts'], fileParallelism: false, testTimeout: 90_000, hookTimeout: 600_000, expect: { poll: { timeout: 30_000, interval: 100 } } } },
    ],
  },
});
