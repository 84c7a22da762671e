import crypto from 'node:crypto';
import { describe, expect, it, afterAll, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, queryRows, type TestApp } from '../testing/testApp.js';
import { bulkInsert } from './bulk.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

describe('bulk insert through unnest', () => {
  it('stores text with quotes and commas, nulls, dates, arrays and JSON exactly', async () => {
    await t.handle.db.execute(
      sql`CREATE TEMP TABLE bulk_probe (id uuid, name text, born date, at timestamptz, ok boolean, n integer, tags text[], doc jsonb)`,
    );
    const rows = [
      {
        id: crypto.randomUUID(),
        name: '王"小,明\'',
        born: '1980-02-29',
        at: new Date('2026-01-01T01:02:03.004Z'),
        ok: true,
        n: 7,
        tags: ['焊工', 'a,b', '"q"'],
        doc: { k: ['v'] },
      },
      { id: crypto.randomUUID(), name: null, born: null, at: null, ok: false, n: null, tags: [], doc: null },
    ];
    await bulkInsert(
      t.handle.db,
      'bulk_probe',
      [
        { name: 'id', type: 'uuid', value: (r) => r.id },
        { name: 'name', type: 'text', value: (r) => r.name },
        { name: 'born', type: 'date', value: (r) => r.born },
        { name: 'at', type: 'timestamptz', value: (r) => r.at },
        { name: 'ok', type: 'boolean', value: (r) => r.ok },
        { name: 'n', type: 'integer', value: (r) => r.n },
        { name: 'tags', type: 'text[]', value: (r) => r.tags },
        { name: 'doc', type: 'jsonb', value: (r) => r.doc },
      ],
      rows,
    );
    // Read back in a transaction: a plain read at the whole country would run as openpes_anywhere on
    // PostgreSQL (db/rowSecurity.ts), which may not read the login role's temporary table.
    const back = await t.handle.db.transaction((tx) =>
      queryRows<Record<string, unknown>>(
        tx,
        sql`SELECT id, name, born::text AS born, at, ok, n, tags, doc FROM bulk_probe ORDER BY ok DESC`,
      ),
    );
    expect(back[0]).toMatchObject({
      id: rows[0]!.id,
      name: '王"小,明\'',
      born: '1980-02-29',
      ok: true,
      n: 7,
      tags: ['焊工', 'a,b', '"q"'],
      doc: { k: ['v'] },
    });
    expect(new Date(back[0]!.at as string).toISOString()).toBe('2026-01-01T01:02:03.004Z');
    expect(back[1]).toMatchObject({ name: null, born: null, at: null, ok: false, n: null, tags: [], doc: null });
  });
});
