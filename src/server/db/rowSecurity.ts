// The database backstop of jurisdiction on PostgreSQL (issue 10; docs/architecture.md "Database
// backstop"): the tables with a region code have row-level security policies that read the
// setting `openpes.scope` (migration 0006), and the application connects as a role that is
// neither superuser nor owner, so the policies bind it. Every Database handle the application
// uses is bound to one scope: each connection it checks out of the pool is set to that scope
// first, for plain queries and transactions alike. PGlite has one superuser and no roles; it
// keeps the application's check only.
//
// At the whole-country scope '*' the scoped policy admits every row but is still a row filter,
// under which PostgreSQL answers no operator that is not leakproof (@@, &&, LIKE) from an index
// (issue 11). Plain reads at '*' therefore run as the role `openpes_anywhere`, whose read policies
// are USING (true) (migration 0014): the planner sees no filter and uses the GIN indexes. That role
// may only read; writes, and every statement of a transaction, run as the application's role.
import crypto from 'node:crypto';
import { drizzle, NodePgSession, NodePgTransaction, type NodePgSessionOptions } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database } from './database.js';
import * as schema from './schema.js';

/** The setting the policies read (function openpes_in_scope in migration 0006). */
export const scopeSetting = 'openpes.scope';

/** The login role the application connects as when OPENPES_APP_DATABASE_URL is not given. */
export const defaultAppRole = 'openpes_app';

/**
 * The role plain reads at the whole-country scope run as (migration 0016_anywhere-reader): it may
 * SELECT every table and nothing else, and its read policies admit every row, which is what the
 * scoped policy does at '*' anyway. The application's role is a member that does not inherit it.
 */
export const anywhereRole = 'openpes_anywhere';

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
 * Whether a statement only reads, so that at the whole country it may run as `anywhereRole`: a
 * SELECT (or WITH, or EXPLAIN of either) with no word that could make it write or lock (INSERT,
 * UPDATE, DELETE, MERGE, INTO, FOR SHARE). A read taken for a write only runs slower, under the
 * scoped policy; a write taken for a read would fail (the role has no write grant), never pass.
 */
export function isPlainRead(text: string): boolean {
  const body = text.replace(/^\s*explain\s*(\([^)]*\)\s*)?(analyze\s+|verbose\s+)*/i, '');
  if (!/^[\s(]*(select|with)\b/i.test(body)) return false;
  return !/\b(insert|update|delete|merge|into|share)\b/i.test(body);
}

/** What a pooled connection was last set to: the scope, and whether it runs as `anywhereRole`. */
interface SessionState {
  scope: string;
  reader: boolean;
}

/**
 * A pool facade bound to one scope. Drizzle treats it as a pool (it checks the class name): plain
 * queries go through `query`, transactions check a client out with `connect`. A connection keeps
 * the session settings it was last given, so they are sent only when they change.
 */
class ScopedPool {
  constructor(
    private readonly pool: pg.Pool,
    private readonly scope: string,
    private readonly current: WeakMap<pg.PoolClient, SessionState>,
  ) {}

  /**
   * A client of the shared pool with `openpes.scope` set, for the session, to this facade's scope,
   * running as `anywhereRole` when `reader` (a plain read at the whole country) and as the
   * application's own role otherwise.
   */
  private async checkout(reader: boolean): Promise<pg.PoolClient> {
    const client = await this.pool.connect();
    const last = this.current.get(client);
    if (last?.scope === this.scope && last.reader === reader) return client;
    try {
      // Outside any transaction block, so they hold until a later checkout changes them; one
      // statement, so a failure leaves neither set. 'none' is RESET ROLE: the login role.
      await client.query('SELECT set_config($1, $2, false), set_config($3, $4, false)', [
        scopeSetting,
        this.scope,
        'role',
        reader ? anywhereRole : 'none',
      ]);
    } catch (err) {
      client.release(err as Error);
      throw err;
    }
    this.current.set(client, { scope: this.scope, reader });
    return client;
  }

  /** A client for one transaction (drizzle's `transaction`): always the application's role. */
  async connect(): Promise<TransactionClient> {
    return new TransactionClient(new TransactionConnection(await this.checkout(false), this.scope), this.scope);
  }

  /** One statement on a scoped client; like pg.Pool#query, a client that failed is discarded. */
  query: Query = (async (config: string | pg.QueryConfig, values?: unknown[]) => {
    const reader = this.scope === '*' && isPlainRead(typeof config === 'string' ? config : config.text);
    const client = await this.checkout(reader);
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
  const current = new WeakMap<pg.PoolClient, SessionState>();
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
  await admitAnywhereRole(owner, role);
}

/**
 * As the owner, after admitAppRole: the whole country's reader (made by migration 0014) may read
 * every table of this database and change none, and the application's role may switch to it but
 * does not inherit it. Inheriting would matter: a policy `TO openpes_anywhere` binds every role
 * that has its privileges, so an inheriting application role would see every row at any scope.
 * PostgreSQL 15 makes inheritance an attribute of the member, so the application's role is made
 * NOINHERIT (its privileges are all granted to it directly, above) before it becomes a member.
 */
async function admitAnywhereRole(owner: pg.Pool, role: string): Promise<void> {
  const id = pg.escapeIdentifier(role);
  const reader = pg.escapeIdentifier(anywhereRole);
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${reader}`);
  await owner.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${reader}`);
  await owner.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${reader}`);
  // Roles are shared by the cluster's databases, so parallel processes may race to change them:
  // a change that fails is fine when another process has made it meanwhile.
  const state = async () =>
    (
      await owner.query<{ inherits: boolean; member: boolean }>(
        `SELECT r.rolinherit AS inherits, pg_has_role(r.oid, $2, 'MEMBER') AS member FROM pg_roles r WHERE r.rolname = $1`,
        [role, anywhereRole],
      )
    ).rows[0];
  const change = async (statement: string, done: (now: { inherits: boolean; member: boolean }) => boolean) => {
    try {
      await owner.query(statement);
    } catch (err) {
      const now = await state();
      if (now && done(now)) return;
      throw new Error(
        `无法为应用数据库角色 ${role} 设置全国只读角色 ${anywhereRole}（${(err as Error).message}）：请由数据库管理员执行 ALTER ROLE ${role} NOINHERIT; GRANT ${anywhereRole} TO ${role};（见 docs/operations.md）`,
        { cause: err },
      );
    }
  };
  const before = await state();
  if (!before) return; // A role that does not exist cannot connect either; assertPoliciesBind says so.
  if (before.inherits) await change(`ALTER ROLE ${id} NOINHERIT`, (now) => !now.inherits);
  if (!before.member) await change(`GRANT ${reader} TO ${id}`, (now) => now.member);
}

/**
 * Refuses to run when the policies would not bind the application's connections: a superuser or
 * a BYPASSRLS role skips them, and an owner could switch them off. The same holds for the whole
 * country's reader, which in addition must not be able to write (its read policies admit every
 * row); the application's role must be able to switch to it without inheriting it.
 */
export async function assertPoliciesBind(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ role: string; rolsuper: boolean; rolbypassrls: boolean; owns: number }>(
    `SELECT r.rolname AS role, r.rolsuper, r.rolbypassrls,
            (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid AND c.relkind = 'r'
               AND c.relnamespace = 'public'::regnamespace) AS owns
       FROM pg_roles r WHERE r.rolname IN (current_user, $1) ORDER BY r.rolname = $1`,
    [anywhereRole],
  );
  for (const me of rows) {
    if (me.rolsuper || me.rolbypassrls || me.owns > 0) {
      const why = me.rolsuper ? '超级用户' : me.rolbypassrls ? '拥有 BYPASSRLS 属性' : '是数据表的所有者';
      throw new Error(
        me.role === anywhereRole
          ? `全国只读数据库角色 ${me.role} ${why}，行级安全策略对它不起作用；请去掉该属性（见 docs/operations.md）`
          : `应用连接数据库所用的角色 ${me.role} ${why}，行级安全策略对它不起作用；请让 OPENPES_APP_DATABASE_URL 使用普通角色（见 docs/operations.md）`,
      );
    }
  }
  const [reader] = (
    await pool.query<{ exists: boolean; member: boolean; inherits: boolean; writable: string[] }>(
      `SELECT true AS exists,
              pg_has_role(current_user, r.oid, 'MEMBER') AS member,
              pg_has_role(current_user, r.oid, 'USAGE') AS inherits,
              ARRAY(SELECT c.relname::text FROM pg_class c
                     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
                       AND has_table_privilege(r.oid, c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')
                     ORDER BY c.relname) AS writable
         FROM pg_roles r WHERE r.rolname = $1`,
      [anywhereRole],
    )
  ).rows;
  const role = rows.find((r) => r.role !== anywhereRole)?.role ?? '';
  if (!reader) throw new Error(`数据库中没有全国只读角色 ${anywhereRole}（迁移 0014 创建）；请由数据库管理员创建（见 docs/operations.md）`);
  if (reader.writable.length > 0)
    throw new Error(
      `全国只读数据库角色 ${anywhereRole} 可以修改数据表（${reader.writable.join('、')}）；请收回这些权限（见 docs/operations.md）`,
    );
  if (!reader.member || reader.inherits)
    throw new Error(
      reader.member
        ? `应用连接数据库所用的角色 ${role} 继承了全国只读角色 ${anywhereRole}，其读取策略将对所有查询生效；请执行 ALTER ROLE ${role} NOINHERIT（见 docs/operations.md）`
        : `应用连接数据库所用的角色 ${role} 不是全国只读角色 ${anywhereRole} 的成员；请执行 GRANT ${anywhereRole} TO ${role}（见 docs/operations.md）`,
    );
}
