// Test projects: pure unit tests, the API suite on PGlite and on PostgreSQL, and browser tests.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.api.test.ts'] } },
      {
        test: {
          name: 'api-pglite',
          include: ['src/**/*.api.test.ts'],
          env: { OPENPES_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'api-postgres',
          include: ['src/**/*.api.test.ts'],
          env: { OPENPES_TEST_DB: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      { test: { name: 'e2e', include: ['e2e/**/*.e2e.test.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
