// Bulk inserts for imports: one INSERT ... SELECT FROM unnest(...) per chunk, with one array
// parameter per column. Drizzle's insert builder spends ~70 ms building SQL for 1,000 wide rows
// (most of a 100k-row import); unnest needs one parameter per column whatever the row count.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from './connection.js';

export type BulkColumnType = 'uuid' | 'text' | 'varchar' | 'boolean' | 'date' | 'timestamptz' | 'integer' | 'jsonb' | 'text[]' | 'tsvector';

export interface BulkColumn<R> {
  name: string;
  type: BulkColumnType;
  value: (row: R) => unknown;
}

/**
 * Inserts rows in chunks; arrays (text[]) travel as JSON text since unnest flattens nested arrays.
 * A 'tsvector' column takes an array of lexemes per row and stores array_to_tsvector(lexemes).
 */
export async function bulkInsert<R>(db: Database, table: string, columns: BulkColumn<R>[], rows: R[], chunkSize = 5000): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const params: SQL[] = columns.map((c) => {
      const values = chunk.map((r) => {
        const v = c.value(r);
        if (c.type === 'jsonb' || c.type === 'text[]' || c.type === 'tsvector')
          return v === null || v === undefined ? null : JSON.stringify(v);
        if (v instanceof Date) return v.toISOString();
        return v ?? null;
      });
      const arrayType = c.type === 'jsonb' || c.type === 'text[]' || c.type === 'tsvector' ? 'text' : c.type;
      return sql`${sql.param(values)}::${sql.raw(arrayType)}[]`;
    });
    const textArray = (i: number) => `ARRAY(SELECT jsonb_array_elements_text(u.c${i}::jsonb))`;
    const select = columns.map((c, i) =>
      c.type === 'jsonb'
        ? sql.raw(`u.c${i}::jsonb`)
        : c.type === 'text[]'
          ? sql.raw(textArray(i))
          : c.type === 'tsvector'
            ? sql.raw(`array_to_tsvector(${textArray(i)})`)
            : sql.raw(`u.c${i}`),
    );
    await db.execute(
      sql`INSERT INTO ${sql.identifier(table)} (${sql.join(
        columns.map((c) => sql.identifier(c.name)),
        sql`, `,
      )}) SELECT ${sql.join(select, sql`, `)} FROM unnest(${sql.join(params, sql`, `)}) AS u(${sql.raw(columns.map((_, i) => `c${i}`).join(', '))})`,
    );
  }
}

/**
 * Deletes up to `limit` rows of `table` whose id is in `ids` (a subquery) and answers how many went:
 * a caller repeats it in short transactions to remove many rows without holding the database long.
 */
export async function deleteSome(db: Database, table: SQL, ids: SQL, limit: number): Promise<number> {
  const gone = await db.execute(
    sql`DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE id IN ${ids} LIMIT ${limit}) RETURNING id`,
  );
  return (gone as unknown as { rows: unknown[] }).rows.length;
}

/**
 * For the rest of the current transaction, read keys in order instead of sorting. A chunk of a
 * long run takes the next rows after a cursor (`WHERE id > $cursor ORDER BY id LIMIT n`). On
 * PostgreSQL the row-level security policy's scope test (openpes_in_scope, an inlined CASE) is
 * estimated to keep 0.5 % of the rows, so the planner expects a few hundred rows in all and sorts a
 * parallel scan of the whole table: 50 ms per chunk of a payment run over 100,000 claims, 350 ms per
 * approval chunk, against 1 and 4 ms reading the first rows of the key's index
 * (docs/performance.md). Local to the transaction; PGlite takes the same settings.
 */
export async function preferKeyOrder(db: Database): Promise<void> {
  await db.execute(sql`SELECT set_config('enable_sort', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`);
}
