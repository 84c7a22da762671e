// SQL for service units; every read is limited to the caller's scope.
import { and, asc, eq, ilike, like, sql, type SQL } from 'drizzle-orm';
import { regions, units } from '../../db/schema.js';
import { anywhereCtx, withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';

const unitColumns = {
  id: units.id,
  name: units.name,
  type: units.type,
  regionCode: units.regionCode,
  regionName: regions.name,
  scope: units.scope,
  address: units.address,
  phone: units.phone,
  disabled: units.disabled,
  createdAt: units.createdAt,
};

export interface UnitFilter {
  parentScope?: string | undefined;
  q?: string | undefined;
  type?: string | undefined;
}

/** A page of units in scope, ordered by region code so a tree reads top-down. */
export async function listUnits(ctx: Ctx, filter: UnitFilter, paging: Paging) {
  const conds: SQL[] = [withinScope(ctx, units.regionCode)];
  if (filter.parentScope) conds.push(like(units.scope, `${filter.parentScope}%`));
  if (filter.q) conds.push(ilike(units.name, `%${filter.q}%`));
  if (filter.type) conds.push(eq(units.type, filter.type));
  const where = and(...conds);
  const items = await ctx.db
    .select(unitColumns)
    .from(units)
    .leftJoin(regions, eq(regions.code, units.regionCode))
    .where(where)
    .orderBy(asc(units.regionCode), asc(units.name))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

/** One unit in scope, or undefined (also when it exists outside scope). */
export async function findUnit(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select(unitColumns)
    .from(units)
    .leftJoin(regions, eq(regions.code, units.regionCode))
    .where(and(eq(units.id, id), withinScope(ctx, units.regionCode)));
  return row;
}

/** One unit regardless of scope: only for telling "outside your scope" from "missing" on writes. */
export async function findUnitAnywhere(ctx: Ctx, id: string) {
  const [row] = await anywhereCtx(ctx).db.select().from(units).where(eq(units.id, id));
  return row;
}

/** A unit of the same scope with the same name, if any. */
export async function findUnitByName(ctx: Ctx, scope: string, name: string) {
  const [row] = await ctx.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.scope, scope), eq(units.name, name)));
  return row;
}

export async function insertUnit(ctx: Ctx, row: typeof units.$inferInsert) {
  await ctx.db.insert(units).values(row);
}

export async function updateUnit(ctx: Ctx, id: string, patch: Partial<typeof units.$inferInsert>) {
  await ctx.db
    .update(units)
    .set(patch)
    .where(and(eq(units.id, id), withinScope(ctx, units.regionCode)));
}
