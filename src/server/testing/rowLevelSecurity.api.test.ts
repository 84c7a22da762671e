// SYS-3 database backstop of jurisdiction (issue 10): on PostgreSQL, row-level security admits
// only rows of the actor's scope, even to a query with no scope filter at all. PGlite runs as its
// one superuser and keeps only the application's check (docs/architecture.md), so these tests
// are skipped there.
import type { FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAppUrl, openDatabase } from '../db/connection.js';
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
 * 0010_match-profiles; docs/architecture.md "Database backstop"). Their writes are tested below.
 */
const readableAnywhere = ['seeker_match_lookup', 'vacancy_match_profiles'];
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
    'SYS-3 the match tables read anywhere (vacancy profiles, seeker lookup keys) are still written only in scope',
    async () => {
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
