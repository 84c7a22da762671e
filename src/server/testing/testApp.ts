// Test harness: an app on a fresh database per test file. OPENPES_TEST_DB=postgres runs the same
// suite on a throw-away PostgreSQL database (created here, dropped in close()). A bootstrapped
// database is built once per run and kind, and copied for each file (see fixtureKey).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { buildApp, type App, type AppDeps } from '../app.js';
import { bootstrap } from '../bootstrap.js';
import { openDatabase, type DbHandle } from '../db/connection.js';
import type { Role } from '../../shared/roles.js';
import type { Clock } from '../platform/clock.js';
import { requestLimitDefaults, type RequestLimits } from '../platform/config.js';
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
  /** The PostgreSQL URL of the test database (postgres runs only), as the owner (a superuser). */
  databaseUrl?: string | undefined;
  /**
   * Runs a statement as the database's owner, past row-level security and the application role's
   * grants: what an attacker with the server's keys could do (PGlite has only that one user).
   */
  asOwner(query: SQL): Promise<void>;
  close(): Promise<void>;
}

/** Which database the API suite runs on. */
export const testDbKind = (process.env.OPENPES_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/**
 * One sealing key for every test database of a run, so a bootstrapped database can be copied
 * between test files (its sealed demo phones were sealed with it). Never a production key.
 */
export const testSecretKey = crypto.createHash('sha256').update('openpes test databases only').digest();

interface BootstrapOptions {
  demo: boolean;
  now: Clock;
  /** Persons per demo community, as `npm start` makes them (OPENPES_DEMO_PEOPLE); none unless given. */
  demoPeople?: number | undefined;
}

/**
 * Bootstrapping a database (migrations, Taiyuan's regions, policy parameters, 49 demo staff with
 * scrypt hashes, the demo job market) takes 6 to 12 s, and most test files need the same one. The
 * first file of a run that needs a kind (database, demo or not, the clock's instant) builds it and
 * keeps a copy — PGlite's data directory as a tarball, PostgreSQL as a template database — and
 * later files copy that in about a second. The copies live only for the run (testing/globalSetup.ts).
 */
function fixtureKey(opts: BootstrapOptions & { fixedClock: boolean }): string | null {
  const run = process.env.OPENPES_TEST_RUN;
  if (!run) return null;
  const instant = opts.fixedClock ? opts.now().toISOString() : `live-${opts.now().toISOString().slice(0, 10)}`;
  const digest = crypto
    .createHash('sha256')
    .update(`${opts.demo}|${opts.demoPeople ?? 0}|${instant}`)
    .digest('hex')
    .slice(0, 12);
  return `${run}_${opts.demo ? 'demo' : 'bare'}_${digest}`;
}

/** Where a run keeps its PGlite fixtures. */
export function pgliteFixtureDir(run: string): string {
  return path.join(os.tmpdir(), `openpes-test-fixtures-${run}`);
}

async function bootstrapped(handle: DbHandle, sealer: Sealer, opts: BootstrapOptions): Promise<void> {
  await bootstrap(handle.db, sealer, opts.now, {
    adminPassword: testAdminPassword,
    demo: opts.demo,
    regionPrefixes: ['1401'],
    demoPeoplePerCommunity: opts.demoPeople,
  });
}

/** An in-memory PGlite, bootstrapped or copied from this run's fixture of the same kind. */
async function openPglite(sealer: Sealer, opts: BootstrapOptions, key: string | null): Promise<DbHandle> {
  const file = key ? path.join(pgliteFixtureDir(process.env.OPENPES_TEST_RUN!), `${key}.tar`) : null;
  if (file && fs.existsSync(file)) return openDatabase({ loadDataDir: new Blob([fs.readFileSync(file)]) });
  const handle = await openDatabase({});
  await bootstrapped(handle, sealer, opts);
  if (file && handle.dumpDataDir) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, Buffer.from(await (await handle.dumpDataDir()).arrayBuffer()));
    fs.renameSync(partial, file); // atomic: a parallel file reads a whole tarball or none
  }
  return handle;
}

/** Runs `sql` on the PostgreSQL server's maintenance database. */
async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const databaseUrl = (name: string) => {
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** The name of a run's PostgreSQL template databases start with this. */
export const templatePrefix = (run: string) => `openpes_tpl_${run}`;

/**
 * A throw-away PostgreSQL database, bootstrapped or copied from this run's template of the same
 * kind. The template is built under an advisory lock, so parallel files build it once.
 */
async function openPostgres(
  sealer: Sealer,
  opts: BootstrapOptions,
  key: string | null,
): Promise<{ handle: DbHandle; url: string; drop: () => Promise<void> }> {
  const name = `openpes_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const drop = () => onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined);
  if (!key) {
    await onServer((c) => c.query(`CREATE DATABASE ${name}`));
    const handle = await openDatabase({ url: databaseUrl(name) });
    await bootstrapped(handle, sealer, opts);
    return { handle, url: databaseUrl(name), drop };
  }
  const template = `openpes_tpl_${key}`.toLowerCase();
  await onServer(async (c) => {
    await c.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    try {
      const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (!rowCount) {
        await c.query(`CREATE DATABASE ${template}`);
        const builder = await openDatabase({ url: databaseUrl(template) });
        await bootstrapped(builder, sealer, opts);
        await builder.close();
      }
      await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await c.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
  return { handle: await openDatabase({ url: databaseUrl(name) }), url: databaseUrl(name), drop };
}

/**
 * Builds the app on a new database with the Taiyuan demo region (regions of Taiyuan only, for
 * speed). With `dataDir`, PGlite keeps its files there (durability tests) and nothing is copied.
 */
export async function createTestApp(
  opts: {
    demo?: boolean;
    now?: Clock;
    webDir?: string;
    dataDir?: string;
    /** Further app dependencies under test: an SMS gateway, a trusted proxy, a log stream. */
    deps?: Pick<AppDeps, 'sms' | 'trustProxy' | 'logger'>;
    requireTwoFactorRoles?: Role[];
    /** Demo persons per community, made on first start as `npm start` does (slow: tens of seconds). */
    demoPeople?: number;
    /** Request-rate limits other than the production defaults (tests of a limit set a small one; nothing switches them off). */
    requestLimits?: Partial<RequestLimits>;
  } = {},
): Promise<TestApp> {
  const sealer = createSealer(testSecretKey);
  const now = opts.now ?? (() => new Date());
  const boot = { demo: opts.demo ?? true, now, demoPeople: opts.demoPeople };
  const key = opts.dataDir ? null : fixtureKey({ ...boot, fixedClock: !!opts.now });
  let handle: DbHandle;
  let url: string | undefined;
  let drop = async () => {};
  if (testDbKind === 'postgres') ({ handle, url, drop } = await openPostgres(sealer, boot, key));
  else if (opts.dataDir) {
    handle = await openDatabase({ dataDir: opts.dataDir });
    await bootstrapped(handle, sealer, boot);
  } else handle = await openPglite(sealer, boot, key);
  const app = await buildApp({
    db: handle.db,
    dbKind: handle.kind,
    sealer,
    now,
    version: 'test',
    webDir: opts.webDir,
    requireTwoFactorRoles: opts.requireTwoFactorRoles ?? [],
    requestLimits: { ...requestLimitDefaults, ...opts.requestLimits },
    ...opts.deps,
  });
  await app.ready();
  return {
    app,
    handle,
    sealer,
    systemCtx: { db: handle.db, actor: systemActor, requestId: 'test', now, sealer },
    databaseUrl: url,
    asOwner: async (query) => {
      if (!url) {
        await handle.db.execute(query);
        return;
      }
      const { sql: text, params } = new PgDialect().sqlToQuery(query);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(text, params);
      } finally {
        await client.end();
      }
    },
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
