// Test projects: pure unit tests, the API suite on PGlite and on PostgreSQL, and browser tests.
import os from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's order (each project's files together; without timings from an earlier run, larger
 * files first), except that the fuzz suite's parts start first within their project: they are the
 * longest files by far (minutes each on PGlite, where the next longest takes under a minute) and one
 * line each, so by size they would start last and leave one worker finishing them alone.
 */
class FuzzPartsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isPart = (f: TestSpecification) => /fuzz\.part\d+\.api\.test\.ts$/.test(f.moduleId);
    const projects = [...new Set(sorted.map((f) => f.project.name))];
    return projects.flatMap((name) => {
      const own = sorted.filter((f) => f.project.name === name);
      return [...own.filter(isPart), ...own.filter((f) => !isPart(f))];
    });
  }
}

export default defineConfig({
  test: {
    // Vitest's default is one worker per core less one, so on a 2-core CI machine every file ran
    // in turn; API files spend much of their time waiting on PostgreSQL or PGlite, and two
    // workers take the API suites from ~11 to ~7 minutes there.
    maxWorkers: Math.max(2, os.availableParallelism()),
    sequence: { sequencer: FuzzPartsFirst },
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
