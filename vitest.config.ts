import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 600_000,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/validation/**/*.test.ts', 'tests/content/**/*.test.ts'] } },
      // Site tests share one build of the real site and one static server, made in the global setup.
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: ['tests/support/site-setup.ts'], fileParallelism: false } },
    ],
  },
});
