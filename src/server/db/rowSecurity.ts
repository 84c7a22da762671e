// The database backstop of jurisdiction on PostgreSQL (issue 10; docs/architecture.md "Database
// backstop"): the tables with a region code have row-level security policies that read the
// setting `openpes.scope` (migration 0006), and the application connects as a role that is
// neither superuser nor owner, so the policies bind it. Every Database handle the application
// uses is bound to one scope: each connection it checks out of the pool is set to that scope
// first, for plain queries and transactions alike. PGlite has one superuser and no roles; it
// keeps the application's check only.
import crypto from 'node:crypto';
import { drizzle, NodePgSession, NodePgTransaction, type NodePgSessionOptions } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database } from './database.js';
import * as schema from './schema.js';

/** The setting the policies read (function openpes_in_scope in migration 0006). */
export const scopeSetting = 'openpes.scope';

/** The login role the application connects as when OPENPES_APP_DATABASE_URL is not given. */
export const defaultAppRole = 'openpes_app';

/** Tables the application role may read and append to, but never change (SYS-2: the audit trail). */
const appendOnlyTables = ['audit_log'];

/**
 * The value of `openpes.scope` for an actor's scope. The whole country is '*', never '': once a
 * session has used a custom setting, PostgreSQL answers '' for it when it is not set, and an
 * unset scope must see nothing. A region-code prefix stays as it is; anything else (the
 * anonymous `noScope`, a malformed value) becomes '-', which no region code matches.
 */
export function databaseScope(scope: string): string {
  if (scope === '') return '*';
  return /^[0-9]{1,12}$/.test(scope) ? scope : '-';
}

type Query = pg.Pool['query'];

/**
 * A pool facade bound to one scope. Drizzle treats it as a pool (it checks the class name): plain
 * queries go through `query`, transactions check a client out with `connect`. A connection keeps
 * the session setting it was last given, so the setting is sent only when the scope changes.
 */
class ScopedPool {
  constructor(
    private readonly pool: pg.Pool,
    private readonly scope: string,
    private readonly current: WeakMap<pg.PoolClient, string>,
  ) {}

  /** A client of the shared pool with `openpes.scope` set, for the session, to this facade's scope. */
  private async checkout(): Promise<pg.PoolClient> {
    const client = await this.pool.connect();
    if (this.current.get(client) === this.scope) return client;
    try {
      // Outside any transaction block, so it holds until a later checkout sets another scope.
      await client.query('SELECT set_config($1, $2, false)', [scopeSetting, this.scope]);
    } catch (err) {
      client.release(err as Error);
      throw err;
    }
    this.current.set(client, this.scope);
    return client;
  }

  /** A client for one transaction (drizzle's `transaction`). */
  async connect(): Promise<TransactionClient> {
    return new TransactionClient(new TransactionConnection(await this.checkout(), this.scope), this.scope);
  }

  /** One statement on a scoped client; like pg.Pool#query, a client that failed is discarded. */
  query: Query = (async (config: pg.QueryConfig, values?: unknown[]) => {
    const client = await this.checkout();
    try {
      const result = await client.query(config, values);
      client.release();
      return result;
    } catch (err) {
      client.release(err as Error);
      throw err;
    }
  }) as unknown as Query;
}

/**
 * The connection of one open transaction. A context derived inside the transaction with another
 * scope (anywhereCtx for a re-read, ownRecordCtx) runs its statements on the same connection, so
 * each statement first sets the scope it runs with, local to the transaction, when it differs
 * from the last one; statements run one at a time so none runs with another's scope.
 */
class TransactionConnection {
  /** The scope statements run with now; null when a rollback to a savepoint made it unknown. */
  private effective: string | null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly client: pg.PoolClient,
    /** The session's scope: what the connection returns to when the transaction ends. */
    private readonly base: string,
  ) {
    this.effective = base;
  }

  run(scope: string, config: string | pg.QueryConfig, values?: unknown[]): Promise<pg.QueryResult> {
    const statement = async () => {
      if (this.effective !== scope) {
        await this.client.query('SELECT set_config($1, $2, true)', [scopeSetting, scope]);
        this.effective = scope;
      }
      try {
        return await this.client.query(config, values);
      } finally {
        const text = (typeof config === 'string' ? config : config.text).trim().toLowerCase();
        if (/^rollback\s+to\b/.test(text)) this.effective = null;
        else if (/^(commit|rollback|end|abort)\b/.test(text)) this.effective = this.base;
      }
    };
    const result = this.queue.then(statement, statement);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** What drizzle's transaction session sees as its client: the connection at one scope. */
class TransactionClient {
  constructor(
    readonly connection: TransactionConnection,
    readonly scope: string,
  ) {}

  query(config: string | pg.QueryConfig, values?: unknown[]): Promise<pg.QueryResult> {
    return this.connection.run(this.scope, config, values);
  }

  release(err?: Error | boolean): void {
    this.connection.client.release(err);
  }
}

/** The parts of a drizzle transaction a scoped copy is built from (drizzle-orm/node-postgres internals). */
interface TransactionInternals {
  dialect: ConstructorParameters<typeof NodePgTransaction>[0];
  session: { client: unknown; schema: unknown; options: NodePgSessionOptions } | undefined;
  schema: ConstructorParameters<typeof NodePgTransaction>[2];
  nestedIndex: number;
}

/** The open transaction `tx` with its statements run at `scope`. */
function rescopedTransaction(tx: TransactionInternals, client: TransactionClient, scope: string): Database {
  const session = new NodePgSession(
    new TransactionClient(client.connection, scope) as never,
    tx.dialect,
    tx.session!.schema as never,
    tx.session!.options,
  );
  return new NodePgTransaction(tx.dialect, session as never, tx.schema, tx.nestedIndex) as unknown as Database;
}

const scopedFamilies = new WeakMap<Database, (scope: string) => Database>();

/**
 * Database handles over one application pool, one per scope (made on first use). Handles of
 * single regions (a public account's own record) are many, so the cache is bounded.
 */
export function scopedHandles(pool: pg.Pool): (scope: string) => Database {
  const current = new WeakMap<pg.PoolClient, string>();
  const handles = new Map<string, Database>();
  const handleFor = (scope: string): Database => {
    const value = databaseScope(scope);
    let db = handles.get(value);
    if (!db) {
      if (handles.size >= 500) handles.delete(handles.keys().next().value!);
      db = drizzle(new ScopedPool(pool, value, current) as unknown as pg.Pool, { schema }) as unknown as Database;
      scopedFamilies.set(db, handleFor);
      handles.set(value, db);
    }
    return db;
  };
  return handleFor;
}

/**
 * `db` as seen with `scope`: a handle of the same pool, or, inside an open transaction, the same
 * transaction with its statements run at that scope. PGlite has no policies and is returned as is.
 */
export function scopedDatabase(db: Database, scope: string): Database {
  const family = scopedFamilies.get(db);
  if (family) return family(scope);
  const tx = db as unknown as TransactionInternals;
  const client = tx.session?.client;
  if (!(client instanceof TransactionClient)) return db;
  const value = databaseScope(scope);
  return value === client.scope ? db : rescopedTransaction(tx, client, value);
}

const isDuplicate = (err: unknown) => ['42710', '23505'].includes((err as { code?: string }).code ?? '');

/**
 * The password of the default application role when the owner's URL has one: derived from it, so
 * every process that shares the owner's URL (parallel test files, a restarted server) agrees.
 */
export function derivedAppPassword(ownerPassword: string): string {
  return crypto.createHmac('sha256', ownerPassword).update(defaultAppRole).digest('base64url');
}

/**
 * As the owner, after migrations: creates the application role if it is missing (roles are
 * cluster-wide and parallel processes may race; a duplicate is fine) and grants it the rows of
 * this database's tables, the audit trail append-only, and nothing else. Grants are per database
 * and repeated at every start, so tables added by later migrations are covered.
 */
export async function admitAppRole(owner: pg.Pool, role: string, password: string | null): Promise<void> {
  const id = pg.escapeIdentifier(role);
  const { rowCount } = await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (!rowCount) {
    const withPassword = password === null ? '' : ` PASSWORD ${pg.escapeLiteral(password)}`;
    try {
      await owner.query(`CREATE ROLE ${id} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE${withPassword}`);
    } catch (err) {
      if (!isDuplicate(err)) {
        throw new Error(
          `无法创建应用数据库角色 ${role}（${(err as Error).message}）：请由数据库管理员创建该登录角色，或设置 OPENPES_APP_DATABASE_URL（见 docs/operations.md）`,
          { cause: err },
        );
      }
    }
  }
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${id}`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${id}`);
  await owner.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${id}`);
  for (const table of appendOnlyTables) await owner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${pg.escapeIdentifier(table)} FROM ${id}`);
}

/**
 * Refuses to run when the policies would not bind the application's connections: a superuser or
 * a BYPASSRLS role skips them, and an owner could switch them off.
 */
export async function assertPoliciesBind(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ role: string; rolsuper: boolean; rolbypassrls: boolean; owns: number }>(
    `SELECT current_user AS role, r.rolsuper, r.rolbypassrls,
            (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid AND c.relkind = 'r'
               AND c.relnamespace = 'public'::regnamespace) AS owns
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  const me = rows[0]!;
  if (me.rolsuper || me.rolbypassrls || me.owns > 0) {
    const why = me.rolsuper ? '超级用户' : me.rolbypassrls ? '拥有 BYPASSRLS 属性' : '是数据表的所有者';
    throw new Error(
      `应用连接数据库所用的角色 ${me.role} ${why}，行级安全策略对它不起作用；请让 OPENPES_APP_DATABASE_URL 使用普通角色（见 docs/operations.md）`,
    );
  }
}
