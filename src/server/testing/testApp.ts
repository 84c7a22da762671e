// Test harness: an app on a fresh database per test file. OPENPES_TEST_DB=postgres runs the same
// suite on a throw-away PostgreSQL database (created here, dropped in close()).
import crypto from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import { buildApp, type App } from '../app.js';
import { bootstrap } from '../bootstrap.js';
import { openDatabase, type DbHandle } from '../db/connection.js';
import type { Clock } from '../platform/clock.js';
import { systemActor, type Ctx } from '../platform/context.js';
import { createSealer, type Sealer } from '../platform/crypto.js';

export const testAdminPassword = 'Admin12345';
export const testPostgresUrl = process.env.OPENPES_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestApp {
  app: App;
  handle: DbHandle;
  sealer: Sealer;
  /** A system context on the same database, for arranging data through services. */
  systemCtx: Ctx;
  /** The PostgreSQL URL of the test database (postgres runs only). */
  databaseUrl?: string | undefined;
  close(): Promise<void>;
}

/** Which database the API suite runs on. */
export const testDbKind = (process.env.OPENPES_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

async function openTestDatabase(dataDir?: string): Promise<{ handle: DbHandle; url?: string; drop: () => Promise<void> }> {
  if (testDbKind !== 'postgres') return { handle: await openDatabase({ dataDir }), drop: async () => {} };
  const name = `openpes_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: testPostgresUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Builds the app on a new database with the Taiyuan demo region (regions of Taiyuan only, for speed). */
export async function createTestApp(opts: { demo?: boolean; now?: Clock; webDir?: string; dataDir?: string } = {}): Promise<TestApp> {
  const { handle, url, drop } = await openTestDatabase(opts.dataDir);
  const sealer = createSealer(crypto.randomBytes(32));
  const now = opts.now ?? (() => new Date());
  await bootstrap(handle.db, sealer, now, { adminPassword: testAdminPassword, demo: opts.demo ?? true, regionPrefixes: ['1401'] });
  const app = await buildApp({ db: handle.db, dbKind: handle.kind, sealer, now, version: 'test', webDir: opts.webDir });
  await app.ready();
  return {
    app,
    handle,
    sealer,
    systemCtx: { db: handle.db, actor: systemActor, requestId: 'test', now, sealer },
    databaseUrl: url,
    close: async () => {
      await app.close();
      await handle.close();
      await drop();
    },
  };
}

/** Logs in through the API and returns the bearer header. */
export async function loginAs(app: App, username: string, password = testAdminPassword): Promise<{ authorization: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
}

/** Rows of a raw SQL query (both drivers answer `{ rows }`). */
export async function queryRows<T>(db: DbHandle['db'], query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
