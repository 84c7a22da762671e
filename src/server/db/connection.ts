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
  /** PGlite only: the whole data directory as a tarball (a consistent copy: PGlite runs one query at a time). */
  dumpDataDir?(compression?: 'none' | 'gzip'): Promise<Blob>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** How many migrations this version of the code knows (the checked-in journal). */
export function knownMigrationCount(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

/** Refusal to open a PGlite data directory that another living process has open. */
export class DataDirBusyError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: number,
  ) {
    super(
      `数据目录正被进程 ${holder} 使用（${lockFile}），请先停止服务；若确认没有进程在使用，删除该文件后重试。` +
        ` / The data directory is in use by process ${holder}; stop the server first, or delete ${lockFile} if no such process is running.`,
    );
  }
}

/** Whether a process with this id exists (EPERM: it does, under another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<dataDir>/pglite.lock` for this process and returns its release. PGlite has no lock of its
 * own: a second process opening the same files (a second server, a backup of a running one) gets
 * no error and corrupts them. A lock left by a dead process (kill -9, power loss) is taken over;
 * so is one naming our own pid, which after a container restart is a previous life's.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'pglite.lock');
  fs.mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return () => fs.rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    if (holder > 0 && holder !== process.pid && processAlive(holder)) throw new DataDirBusyError(file, holder);
    fs.rmSync(file, { force: true });
  }
  throw new DataDirBusyError(file, Number.parseInt(fs.readFileSync(file, 'utf8'), 10));
}

/**
 * Opens PGlite in `dataDir` (or in memory when dataDir is undefined) or PostgreSQL at `url`,
 * and applies pending migrations unless `migrate` is false (backup and restore look at a database
 * as it is, as its owner). A PGlite data directory is locked until close(); `loadDataDir` fills a
 * new one (or the memory) from a tarball of dumpDataDir(). On PostgreSQL `appUrl` is where the
 * application connects; unset, it is `url` with the user `openpes_app` (docs/operations.md).
 */
export async function openDatabase(opts: {
  url?: string | undefined;
  appUrl?: string | undefined;
  dataDir?: string;
  loadDataDir?: Blob;
  migrate?: boolean;
}): Promise<DbHandle> {
  const migrate = opts.migrate ?? true;
  if (opts.url && !migrate) {
    // The owner, seeing every row (row-level security binds owners too: FORCE).
    const pool = poolOf({ connectionString: opts.url, max: 2, options: `-c ${scopeSetting}=*` });
    return { db: drizzlePg(pool, { schema }) as unknown as Database, kind: 'postgres', close: () => pool.end() };
  }
  if (opts.url) return openPostgres(opts.url, opts.appUrl);
  let client: PGlite;
  let unlock = () => {};
  if (opts.dataDir) {
    unlock = lockDataDir(opts.dataDir);
    try {
      const dir = path.join(opts.dataDir, 'pglite');
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      // PGlite writes its files through emscripten with world-readable modes whatever the umask, so
      // the directories around them are what keeps other users out (SYS-3).
      for (const d of [opts.dataDir, dir]) fs.chmodSync(d, 0o700);
      client = await PGlite.create(dir, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
    } catch (err) {
      unlock();
      throw err;
    }
  } else {
    client = await PGlite.create(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  if (migrate) await migratePglite(db as never, { migrationsFolder });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await client.close();
      unlock();
    },
    dumpDataDir: (compression = 'none') => client.dumpDataDir(compression),
  };
}

/** A Drizzle database on one PostgreSQL client (one session: a transaction and its snapshot). */
export function databaseOnClient(client: pg.Client): Database {
  return drizzlePg(client, { schema }) as unknown as Database;
}

/**
 * A pool that survives the loss of an idle connection (a server restart, an administrator ending
 * it): pg reports that as an 'error' event of the pool, which would otherwise end the process. The
 * next query opens a new connection; a query on a lost one fails and is answered as an error.
 */
function poolOf(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', () => undefined);
  return pool;
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
  const owner = poolOf({ connectionString: ownerUrl, max: 1, options: `-c ${scopeSetting}=*` });
  try {
    await migratePg(drizzlePg(owner, { schema }) as never, { migrationsFolder });
    await admitAppRole(owner, decodeURIComponent(app.username), decodeURIComponent(app.password) || null);
  } finally {
    await owner.end();
  }
  const pool = poolOf({ connectionString: appConnection, max: 10 });
  try {
    await assertPoliciesBind(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const handleFor = scopedHandles(pool);
  return { db: handleFor(''), kind: 'postgres', close: () => pool.end() };
}
