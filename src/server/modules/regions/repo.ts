// SQL for administrative divisions.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/connection.js';
import { regions } from '../../db/schema.js';

export type RegionRow = typeof regions.$inferSelect;

/** Children of a code (provinces when parent is null), ordered by code. */
export function childrenOf(db: Database, parent: string | null) {
  return db
    .select({ code: regions.code, name: regions.name, level: regions.level })
    .from(regions)
    .where(parent ? eq(regions.parentCode, parent) : eq(regions.level, 1))
    .orderBy(asc(regions.code));
}

/** The region of a code, if any. */
export async function findRegion(db: Database, code: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row;
}

/** Which of the codes exist. */
export async function existingCodes(db: Database, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.select({ code: regions.code }).from(regions).where(inArray(regions.code, codes));
  return new Set(rows.map((r) => r.code));
}

/** Inserts or renames regions in batches of 1,000. */
export async function upsertRegions(db: Database, rows: RegionRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(regions)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: regions.code,
        set: { name: sql`excluded.name`, level: sql`excluded.level`, parentCode: sql`excluded.parent_code` },
      });
  }
}

/** Number of regions stored. */
export async function countRegions(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(regions);
  return row?.n ?? 0;
}
