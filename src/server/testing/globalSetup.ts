// Vitest global setup of the projects that build test apps: names the run, so test files can share
// bootstrapped databases (testApp.ts), and removes them when the run ends.
import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { pgliteFixtureDir, templatePrefix, testPostgresUrl } from './testApp.js';

/** Sets the run's name once for all projects; workers inherit it. Returns the teardown. */
export default function setup(project: TestProject) {
  process.env.OPENPES_TEST_RUN ??= `${process.pid}${crypto.randomBytes(3).toString('hex')}`;
  const run = process.env.OPENPES_TEST_RUN;
  // PGlite tarballs: every project may read them until the very end, so they go when vitest exits.
  process.once('exit', () => fs.rmSync(pgliteFixtureDir(run), { recursive: true, force: true }));
  return async function teardown() {
    if (project.name !== 'api-postgres') return;
    const client = new pg.Client({ connectionString: testPostgresUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
        `${templatePrefix(run)}%`,
      ]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
}
