// SYS-3 database backstop of jurisdiction (issue 10): on PostgreSQL, row-level security admits
// only rows of the actor's scope, even to a query with no scope filter at all. PGlite runs as its
// one superuser and keeps only the application's check (docs/architecture.md), so these tests
// are skipped there.
import type { FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAppUrl, openDatabase, type Database } from '../db/connection.js';
import { anywhereRole, assertPoliciesBind } from '../db/rowSecurity.js';
import * as schema from '../db/schema.js';
import { searchPublicNotices } from '../modules/notices/index.js';
import { searchPublic, searchQuery } from '../modules/vacancies/index.js';
import { authenticate } from '../platform/auth.js';
import { anonymousCtx, anywhereCtx, ctxOf, withTransaction, type Ctx } from '../platform/context.js';
import { createPerson } from './factories.js';
import { createTestApp, loginAs, queryRows, testDbKind, type TestApp } from './testApp.js';

const onPostgres = testDbKind === 'postgres';
const reason = 'PGlite has one superuser and no roles: it keeps the application check only (docs/architecture.md)';

let t: TestApp;
/** The context of a street office's clerk, built as a request builds it. */
let street: Ctx;
let streetScope: string;
/** Tables with a region code, read from the catalogue (so a new one cannot be forgotten). */
let regionTables: string[];
/**
 * Region-coded tables whose rows anyone may read, by design, and only a caller in scope may write:
 * published vacancies' match profiles (public, as the board is) and seekers' match lookup keys (ids
 * and keys, no name), whose GIN index PostgreSQL would not use under a row filter (migration
 * 0010_match-profiles; docs/architecture.md "Database backstop"); and contribution import batches
 * (ids and times), since every reader of contributions must see every pending batch to leave its
 * rows out. Their writes are tested below.
 */
const readableAnywhere = ['seeker_match_lookup', 'ui_contribution_import_batches', 'vacancy_match_profiles'];
/** The region-coded tables whose reads are bound to the scope. */
const scopedTables = () => regionTables.filter((table) => !readableAnywhere.includes(table));

const count = async (ctx: Ctx, table: string) =>
  Number((await queryRows<{ n: string }>(ctx.db, sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`))[0]!.n);

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestApp();
  const admin = await loginAs(t.app, 'admin');
  // Persons (with unemployment registrations) in the street, elsewhere in its district, and in another district.
  for (const regionCode of ['140105001001', '140105001001', '140105002001', '140107001001'])
    await createPerson(t, admin, { regionCode, unemployedSince: '2026-11-02' });
  const { authorization } = await loginAs(t.app, 's140105001_clerk');
  const actor = (await authenticate(t.handle.db, authorization.replace('Bearer ', ''), new Date()))?.actor;
  street = ctxOf(t.app, { actor, id: 'rls-test' } as unknown as FastifyRequest);
  streetScope = actor!.scope;
  regionTables = (
    await queryRows<{ table_name: string }>(
      t.handle.db,
      sql`SELECT table_name FROM information_schema.columns
          WHERE table_schema = 'public' AND column_name = 'region_code' ORDER BY table_name`,
    )
  ).map((r) => r.table_name);
});
afterAll(() => t?.close());

describe('SYS-3 row-level security on PostgreSQL', () => {
  it.skipIf(!onPostgres)(`SYS-3 the application's role is no superuser, cannot bypass policies and owns no table (${reason})`, async () => {
    const [me] = await queryRows<{ rolsuper: boolean; rolbypassrls: boolean; owned: string }>(
      t.handle.db,
      sql`SELECT rolsuper, rolbypassrls,
                 (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid AND c.relnamespace = 'public'::regnamespace) AS owned
          FROM pg_roles r WHERE rolname = current_user`,
    );
    expect(me).toEqual({ rolsuper: false, rolbypassrls: false, owned: '0' });
  });

  it.skipIf(!onPostgres)('SYS-3 every table with a region code has row-level security enabled and forced, with a policy', async () => {
    expect(regionTables.length).toBeGreaterThanOrEqual(14);
    const rows = await queryRows<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; policies: string }>(
      t.handle.db,
      sql`SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                 (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
          FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relname IN ${regionTables}`,
    );
    expect(rows).toHaveLength(regionTables.length);
    for (const row of rows) expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
    for (const row of rows) expect(Number(row.policies), row.relname).toBeGreaterThan(0);
  });

  it.skipIf(!onPostgres)('SYS-3 every scope policy reads the scope once per statement, not once per row (migration 0029)', async () => {
    const perRow = await queryRows<{ relname: string; polname: string; qual: string }>(
      t.handle.db,
      sql`SELECT c.relname, p.polname, pg_get_expr(p.polqual, p.polrelid) AS qual
          FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
          WHERE pg_get_expr(p.polqual, p.polrelid) LIKE '%openpes_in_scope%'`,
    );
    expect(perRow, 'policies whose USING calls openpes_in_scope per row').toEqual([]);
    const readOnce = await queryRows<{ relname: string }>(
      t.handle.db,
      sql`SELECT c.relname FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
          WHERE pg_get_expr(p.polqual, p.polrelid) = 'starts_with((region_code)::text, ( SELECT openpes_scope_prefix() AS openpes_scope_prefix))'`,
    );
    expect(readOnce.map((r) => r.relname)).toEqual(expect.arrayContaining(['persons', 'vacancies', 'ui_claims', 'registration_events']));
  });

  it.skipIf(!onPostgres)('SYS-3 the read-once scope admits exactly the rows openpes_in_scope admits, for every kind of scope', async () => {
    const codes = ['140105001001', '140105000000', '140106002003', '140100000000', '110101001001', '990000000000'];
    const scopes = ['*', '', '1401', '140105', '140105001001', '14010', '9', 'abc', '1401%', '-', '1234567890123'];
    const pairs = await queryRows<{ scope: string; code: string; before: boolean; now: boolean }>(
      t.handle.db,
      sql`SELECT s.scope, c.code,
                 (SELECT openpes_in_scope(c.code) FROM (SELECT set_config('openpes.scope', s.scope, true)) x) AS before,
                 (SELECT starts_with(c.code, openpes_scope_prefix()) FROM (SELECT set_config('openpes.scope', s.scope, true)) x) AS now
          FROM unnest(${sql.param(scopes)}::text[]) AS s(scope), unnest(${sql.param(codes)}::text[]) AS c(code)`,
    );
    expect(pairs).toHaveLength(codes.length * scopes.length);
    for (const p of pairs) expect(p.now, `scope ${p.scope}, code ${p.code}`).toBe(p.before);
    expect(pairs.filter((p) => p.now).length).toBeGreaterThan(0);
  });

  it.skipIf(!onPostgres)("SYS-3 a street clerk's unfiltered SELECT on each region-coded table counts only the street's rows", async () => {
    const anywhere = anywhereCtx(street);
    for (const table of scopedTables()) {
      const [expected] = await queryRows<{ n: string }>(
        anywhere.db,
        sql`SELECT count(*) AS n FROM ${sql.identifier(table)} WHERE starts_with(region_code, ${streetScope})`,
      );
      expect(await count(street, table), table).toBe(Number(expected!.n));
      expect(await withTransaction(street, (tx) => count(tx, table)), `${table} in a transaction`).toBe(Number(expected!.n));
    }
    // The demo has rows outside the street, so the counts above could have differed.
    for (const table of ['persons', 'units', 'staff', 'registration_events']) {
      expect(await count(anywhere, table), table).toBeGreaterThan(await count(street, table));
    }
  });

  it.skipIf(!onPostgres)(
    'SYS-3 an anonymous context, and a connection that set no scope, see no row of any region-coded table',
    async () => {
      const anonymous = anonymousCtx(t.app, { id: 'rls-test' } as unknown as FastifyRequest);
      for (const table of scopedTables()) expect(await count(anonymous, table), table).toBe(0);
      const raw = new pg.Client({ connectionString: defaultAppUrl(t.databaseUrl!) });
      await raw.connect();
      try {
        for (const table of scopedTables()) {
          const { rows } = await raw.query<{ n: string }>(`SELECT count(*) AS n FROM ${pg.escapeIdentifier(table)}`);
          expect(rows[0]!.n, table).toBe('0');
        }
        // Not even after a transaction set a scope locally and ended (the setting then reads '').
        await raw.query("BEGIN; SELECT set_config('openpes.scope', '14', true); COMMIT");
        expect((await raw.query<{ n: string }>('SELECT count(*) AS n FROM persons')).rows[0]!.n).toBe('0');
      } finally {
        await raw.end();
      }
    },
  );

  it.skipIf(!onPostgres)(
    "SYS-3 a street clerk's UPDATE and DELETE of another district's rows change nothing; moving or adding a row out of scope is refused",
    async () => {
      const [outside] = await queryRows<{ id: string; name: string }>(
        t.handle.db,
        sql`SELECT id, name FROM persons WHERE NOT starts_with(region_code, '140105') LIMIT 1`,
      );
      const [own] = await queryRows<{ id: string }>(street.db, sql`SELECT id FROM units LIMIT 1`);
      expect(outside && own).toBeTruthy();
      const changed = (await street.db.execute(sql`UPDATE persons SET name = 'RLS' WHERE id = ${outside!.id}`)) as unknown as {
        rowCount: number;
      };
      const removed = (await street.db.execute(sql`DELETE FROM units WHERE region_code LIKE '140106%'`)) as unknown as { rowCount: number };
      expect([changed.rowCount, removed.rowCount]).toEqual([0, 0]);
      const [after] = await queryRows<{ name: string }>(t.handle.db, sql`SELECT name FROM persons WHERE id = ${outside!.id}`);
      expect(after!.name).toBe(outside!.name);
      await expect(street.db.execute(sql`UPDATE units SET region_code = '140106000000' WHERE id = ${own!.id}`)).rejects.toMatchObject({
        cause: { code: '42501' },
      });
      await expect(
        street.db.execute(
          sql`INSERT INTO units (id, name, type, region_code, scope, created_at)
            VALUES (gen_random_uuid(), '越权单位', 'street_office', '140106001000', '140106001', now())`,
        ),
      ).rejects.toMatchObject({ cause: { code: '42501' } });
    },
  );

  it.skipIf(!onPostgres)(
    'SYS-3 the tables read anywhere (vacancy profiles, seeker lookup keys, contribution import batches) are still written only in scope',
    async () => {
      const batch = (regionCode: string) =>
        sql`INSERT INTO ui_contribution_import_batches (id, region_code, file_sha256, created_by, created_at, touched_at)
            VALUES (gen_random_uuid(), ${regionCode}, 'rls-test', 'rls-test', now(), now())`;
      await t.handle.db.execute(batch('140106000000'));
      await street.db.execute(batch(streetScope.padEnd(12, '0')));
      await expect(street.db.execute(batch('140106000000'))).rejects.toMatchObject({ cause: { code: '42501' } });
      expect(await count(street, 'ui_contribution_import_batches')).toBe(
        await count(anywhereCtx(street), 'ui_contribution_import_batches'),
      );
      const [lookup] = await queryRows<{ person_id: string; region_code: string }>(
        t.handle.db,
        sql`SELECT person_id, region_code FROM seeker_match_lookup WHERE NOT starts_with(region_code, '140105') LIMIT 1`,
      );
      expect(lookup).toBeTruthy();
      expect(await count(street, 'seeker_match_lookup')).toBe(await count(anywhereCtx(street), 'seeker_match_lookup'));
      const changed = (await street.db.execute(
        sql`UPDATE seeker_match_lookup SET lookup_keys = '{}' WHERE person_id = ${lookup!.person_id}`,
      )) as unknown as { rowCount: number };
      const removed = (await street.db.execute(sql`DELETE FROM seeker_match_lookup WHERE person_id = ${lookup!.person_id}`)) as unknown as {
        rowCount: number;
      };
      expect([changed.rowCount, removed.rowCount]).toEqual([0, 0]);
      for (const table of readableAnywhere)
        await expect(
          street.db.execute(
            sql`UPDATE ${sql.identifier(table)} SET region_code = '140106001001' WHERE starts_with(region_code, ${streetScope})`,
          ),
          table,
        ).rejects.toMatchObject({ cause: { code: '42501' } });
    },
  );

  it.skipIf(!onPostgres)('SYS-2 the application role may append to the audit trail but not change or delete it', async () => {
    await expect(anywhereCtx(street).db.execute(sql`UPDATE audit_log SET reason = 'x'`)).rejects.toMatchObject({
      cause: { code: '42501' },
    });
    await expect(anywhereCtx(street).db.execute(sql`DELETE FROM audit_log`)).rejects.toMatchObject({ cause: { code: '42501' } });
  });

  it.skipIf(!onPostgres)(
    'SYS-3 inside a transaction a context widened with anywhereCtx sees more, and the transaction keeps its own scope after',
    async () => {
      const total = await count(anywhereCtx(street), 'persons');
      const own = await count(street, 'persons');
      const seen = await withTransaction(street, async (tx) => [
        await count(tx, 'persons'),
        await count(anywhereCtx(tx), 'persons'),
        await count(tx, 'persons'),
      ]);
      expect(seen).toEqual([own, total, own]);
    },
  );

  it.skipIf(!onPostgres)('SYS-3 the server refuses to run as a superuser, on which no policy would bind', async () => {
    await expect(openDatabase({ url: t.databaseUrl!, appUrl: t.databaseUrl! })).rejects.toThrow(/超级用户/);
  });
});

describe('JOB-7 whole-country reads under row-level security on PostgreSQL (issue 11)', () => {
  /** A client of the application's role with the scope (and the role plain reads take at the whole country) set. */
  async function appClient(scope: string, role: string): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: defaultAppUrl(t.databaseUrl!) });
    await client.connect();
    await client.query("SELECT set_config('openpes.scope', $1, false), set_config('role', $2, false)", [scope, role]);
    return client;
  }

  type Statement = { text: string; params: unknown[] };

  /** The statements a board search sends, as its repo builds them (on a connection with no scope: its rows do not matter). */
  async function statementsOf(search: (db: Database) => Promise<unknown>): Promise<Statement[]> {
    const statements: Statement[] = [];
    const pool = new pg.Pool({ connectionString: defaultAppUrl(t.databaseUrl!), max: 2 });
    try {
      await search(
        drizzle(pool, { schema, logger: { logQuery: (text, params) => void statements.push({ text, params }) } }) as unknown as Database,
      );
    } finally {
      await pool.end();
    }
    return statements.filter((s) => s.text.includes('@@'));
  }

  /**
   * The plans of the statements as the whole country's reader and as the application's role at a
   * district. The demo's few rows would be read whole whatever the policies, so the plans are taken
   * in a transaction, rolled back, where the owner has set aside the table's other indexes and priced
   * sequential scans out: what is left is whether @@ may be answered from the search index.
   */
  async function plansWithOnly(searchIndex: string, table: string, statements: Statement[]) {
    const [app] = await queryRows<{ who: string }>(street.db, sql`SELECT session_user AS who`);
    const owner = new pg.Client({ connectionString: t.databaseUrl! });
    await owner.connect();
    const plansAs = async (role: string, scope: string) => {
      await owner.query("SELECT set_config('role', $1, true), set_config('openpes.scope', $2, true)", [role, scope]);
      const out: string[] = [];
      for (const { text, params } of statements)
        out.push((await owner.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n'));
      await owner.query("SELECT set_config('role', 'none', true)");
      return out;
    };
    try {
      await owner.query('BEGIN');
      const others = await owner.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          WHERE i.indrelid = $1::regclass AND c.relname <> $2 AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
        [table, searchIndex],
      );
      for (const { name } of others.rows) await owner.query(`DROP INDEX ${pg.escapeIdentifier(name)}`);
      await owner.query(`ANALYZE ${pg.escapeIdentifier(table)}`);
      await owner.query('SET LOCAL enable_seqscan = off');
      return { anywhere: await plansAs(anywhereRole, '*'), district: await plansAs(app!.who, '140105') };
    } finally {
      await owner.query('ROLLBACK').catch(() => undefined);
      await owner.end();
    }
  }

  /** Plain reads at the whole country run as the reader (checked below); a district's keep the scoped policy. */
  function expectIndexAtWholeCountryOnly(searchIndex: string, plans: { anywhere: string[]; district: string[] }) {
    const searchFromIndex = new RegExp(`Bitmap Index Scan on ${searchIndex}.*\\n\\s*Index Cond: \\(search @@`);
    for (const plan of plans.anywhere) {
      expect(plan).toMatch(searchFromIndex);
      expect(plan).not.toMatch(/openpes\.scope|openpes_scope_prefix/);
    }
    // At a district the policy is a row filter: the non-leakproof @@ is no index condition but a
    // filter applied after the policy's (the partial index may still be read whole). The policy
    // compares with the scope's prefix, computed once by an initplan ($n).
    for (const plan of plans.district) {
      expect(plan).not.toMatch(searchFromIndex);
      expect(plan).toMatch(/InitPlan \d+ \(returns \$\d+\)/);
      expect(plan).toMatch(/Filter: \(starts_with\(\(?region_code\)?(::text)?, \$\d+\) AND .*search @@/);
    }
  }

  it.skipIf(!onPostgres)(`JOB-7 the whole-country board search reads the bigram index under row-level security (${reason})`, async () => {
    const statements = await statementsOf((db) =>
      searchPublic(db, { today: '2026-11-30', tsquery: searchQuery('叉车司机') }, { limit: 20, offset: 0 }),
    );
    expect(statements.length).toBeGreaterThanOrEqual(2);
    expectIndexAtWholeCountryOnly('vacancies_search_idx', await plansWithOnly('vacancies_search_idx', 'vacancies', statements));
  });

  it.skipIf(!onPostgres)(`JOB-8 the board's notice search reads the bigram index under row-level security (${reason})`, async () => {
    const statements = await statementsOf((db) => searchPublicNotices(db, '2026-11-30', { q: '就业补贴' }, { limit: 20, offset: 0 }));
    expect(statements.length).toBeGreaterThanOrEqual(2);
    expectIndexAtWholeCountryOnly(
      'policy_notices_search_idx',
      await plansWithOnly('policy_notices_search_idx', 'policy_notices', statements),
    );
  });

  it.skipIf(!onPostgres)(
    'SYS-3 plain reads at the whole country run as the read-only role; writes, transactions and narrower scopes as the application role',
    async () => {
      const whoami = async (db: Database) => (await queryRows<{ who: string }>(db, sql`SELECT current_user AS who`))[0]!.who;
      const anywhere = anywhereCtx(street);
      const [app] = await queryRows<{ who: string }>(street.db, sql`SELECT session_user AS who`);
      // Alternating, so that pooled connections go from one role to the other and back.
      for (let i = 0; i < 3; i++) {
        expect(await whoami(anywhere.db)).toBe(anywhereRole);
        expect(await whoami(street.db)).toBe(app!.who);
        expect(await withTransaction(anywhere, (tx) => whoami(tx.db))).toBe(app!.who);
      }
      const [outside] = await queryRows<{ id: string }>(
        anywhere.db,
        sql`SELECT id FROM persons WHERE NOT starts_with(region_code, '140105') LIMIT 1`,
      );
      const updated = (await anywhere.db.execute(sql`UPDATE persons SET name = name WHERE id = ${outside!.id}`)) as unknown as {
        rowCount: number;
      };
      expect(updated.rowCount).toBe(1);
      const locked = await queryRows<{ id: string }>(anywhere.db, sql`SELECT id FROM persons WHERE id = ${outside!.id} FOR UPDATE`);
      expect(locked).toHaveLength(1);
    },
  );

  it.skipIf(!onPostgres)('SYS-3 the whole-country read-only role can insert, update or delete no region-coded table', async () => {
    const reader = await appClient('*', anywhereRole);
    try {
      expect((await reader.query<{ n: string }>('SELECT count(*) AS n FROM persons')).rows[0]!.n).not.toBe('0');
      for (const table of regionTables) {
        const id = pg.escapeIdentifier(table);
        for (const statement of [`INSERT INTO ${id} DEFAULT VALUES`, `UPDATE ${id} SET region_code = region_code`, `DELETE FROM ${id}`])
          await expect(reader.query(statement), statement).rejects.toMatchObject({ code: '42501' });
      }
      const policies = await reader.query<{ relname: string }>(
        `SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relrowsecurity
            AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polcmd = 'r'
                              AND p.polroles = ARRAY[(SELECT oid FROM pg_roles WHERE rolname = $1)]
                              AND pg_get_expr(p.polqual, p.polrelid) = 'true')`,
        [anywhereRole],
      );
      expect(
        policies.rows.map((r) => r.relname),
        'row-secured tables without a whole-country read policy',
      ).toEqual([]);
    } finally {
      await reader.end();
    }
  });

  it.skipIf(!onPostgres)(
    'SYS-3 the server refuses an application role that inherits the whole-country reader, or cannot switch to it',
    async () => {
      const probe = `openpes_rls_probe_${process.pid}`;
      const owner = new pg.Client({ connectionString: t.databaseUrl! });
      await owner.connect();
      const url = new URL(t.databaseUrl!);
      url.username = probe;
      const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
      try {
        await owner.query(`DROP ROLE IF EXISTS ${probe}`);
        await owner.query(`CREATE ROLE ${probe} LOGIN INHERIT`);
        await expect(assertPoliciesBind(pool)).rejects.toThrow(/不是全国只读角色/);
        await owner.query(`GRANT ${anywhereRole} TO ${probe}`);
        await expect(assertPoliciesBind(pool)).rejects.toThrow(/继承了全国只读角色/);
        await owner.query(`ALTER ROLE ${probe} NOINHERIT`);
        await expect(assertPoliciesBind(pool)).resolves.toBeUndefined();
      } finally {
        await pool.end();
        await owner.query(`DROP ROLE IF EXISTS ${probe}`);
        await owner.end();
      }
    },
  );
});
