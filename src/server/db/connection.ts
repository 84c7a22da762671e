// Opens the database: embedded PGlite (default) or PostgreSQL when DATABASE_URL is set.
// Both go through Drizzle and the same checked-in migrations. On PostgreSQL the migrations run as
// DATABASE_URL's user (the owner) and the application then connects as a role of its own, bound
// by row-level security (db/rowSecurity.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.js';
import type { Database } from './database.js';
import { admitAppRole, assertPoliciesBind, defaultAppRole, derivedAppPassword, scopeSetting, scopedHandles } from './rowSecurity.js';

export type { Database };

export interface DbHandle {
  /**
   * The whole-country handle, for work done for no caller (bootstrap, scheduler, command line,
   * authentication). Request contexts narrow it to their actor's scope (platform/context.ts).
   */
  db: Database;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (a consistent copy, for test fixtures). */
  dumpDataDir?(): Promise<Blob>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Opens PGlite in `dataDir` (or in memory when dataDir is undefined) or PostgreSQL at `url`,
 * and applies pending migrations. On PostgreSQL `appUrl` is where the application connects;
 * unset, it is `url` with the user `openpes_app` (docs/operations.md).
 */
export async function openDatabase(opts: {
  url?: string | undefined;
  appUrl?: string | undefined;
  dataDir?: string;
  loadDataDir?: Blob;
}): Promise<DbHandle> {
  if (opts.url) return openPostgres(opts.url, opts.appUrl);
  let client: PGlite;
  if (opts.dataDir) {
    const dir = path.join(opts.dataDir, 'pglite');
    fs.mkdirSync(dir, { recursive: true });
    client = await PGlite.create(dir);
  } else {
    client = await PGlite.create(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  await migratePglite(db as never, { migrationsFolder });
  return { db, kind: 'pglite', close: () => client.close(), dumpDataDir: () => client.dumpDataDir('none') };
}

/** The application's connection string when none is configured: the owner's, as `openpes_app`. */
export function defaultAppUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  const ownerPassword = decodeURIComponent(url.password);
  url.username = defaultAppRole;
  url.password = ownerPassword ? derivedAppPassword(ownerPassword) : '';
  return url.toString();
}

async function openPostgres(ownerUrl: string, appUrl: string | undefined): Promise<DbHandle> {
  const appConnection = appUrl ?? defaultAppUrl(ownerUrl);
  const app = new URL(appConnection);
  // The owner sees every row while it migrates (FORCE binds owners too, and a later migration may move data).
  const owner = new pg.Pool({ connectionString: ownerUrl, max: 1, options: `-c ${scopeSetting}=*` });
  try {
    await migratePg(drizzlePg(owner, { schema }) as never, { migrationsFolder });
    await admitAppRole(owner, decodeURIComponent(app.username), decodeURIComponent(app.password) || null);
  } finally {
    await owner.end();
  }
  const pool = new pg.Pool({ connectionString: appConnection, max: 10 });
  try {
    await assertPoliciesBind(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const handleFor = scopedHandles(pool);
  return { db: handleFor(''), kind: 'postgres', close: () => pool.end() };
}
