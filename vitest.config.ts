// Test projects: pure unit tests, the API suite on PGlite and on PostgreSQL, and browser tests.
import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's default is one worker per core less one, so on a 2-core CI machine every file ran
    // in turn; API files spend much of their time waiting on PostgreSQL or PGlite, and two
    // workers take the API suites from ~11 to ~7 minutes there.
    maxWorkers: Math.max(2, os.availableParallelism()),
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.api.test.ts'] } },
      {
        test: {
          name: 'api-pglite',
          include: ['src/**/*.api.test.ts'],
          env: { OPENPES_TEST_DB: 'pglite' },
          globalSetup: ['src/server/testing/globalSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'api-postgres',
          include: ['src/**/*.api.test.ts'],
          env: { OPENPES_TEST_DB: 'postgres' },
          globalSetup: ['src/server/testing/globalSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['src/server/testing/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A page's first data may take seconds when the machine is busy (the API suites run
          // beside the browser in CI); expect.poll's default second failed person-page cards then.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
