// SQL of campaigns (AID-7); every read is limited to the caller's scope.
import { and, asc, desc, eq, gte, ilike, lte, sql, type SQL } from 'drizzle-orm';
import { campaigns, regions } from '../../db/schema.js';
import { withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';

export type CampaignRow = typeof campaigns.$inferSelect;

const c = campaigns;
const columns = {
  id: c.id,
  name: c.name,
  kind: c.kind,
  regionCode: c.regionCode,
  regionName: sql<string>`COALESCE(${regions.name}, ${c.regionCode})`,
  startDate: c.startDate,
  endDate: c.endDate,
  targetGroups: c.targetGroups,
  targets: c.targets,
  note: c.note,
  createdBy: c.createdBy,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
};

export async function insertCampaign(ctx: Ctx, row: typeof campaigns.$inferInsert) {
  await ctx.db.insert(campaigns).values(row);
}

export async function updateCampaign(ctx: Ctx, id: string, change: Partial<typeof campaigns.$inferInsert>) {
  await ctx.db
    .update(campaigns)
    .set(change)
    .where(and(eq(c.id, id), withinScope(ctx, c.regionCode)));
}

/** The stored row in scope, locked for an edit. */
export async function lockCampaign(ctx: Ctx, id: string): Promise<CampaignRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(c)
    .where(and(eq(c.id, id), withinScope(ctx, c.regionCode)))
    .for('update');
  return row;
}

export async function findCampaign(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select(columns)
    .from(c)
    .leftJoin(regions, eq(regions.code, c.regionCode))
    .where(and(eq(c.id, id), withinScope(ctx, c.regionCode)));
  return row;
}

export interface CampaignFilter {
  q?: string | undefined;
  kind?: string | undefined;
  /** Campaigns running on this date. */
  activeOn?: string | undefined;
}

export async function listCampaigns(ctx: Ctx, filter: CampaignFilter, paging: Paging) {
  const conds: SQL[] = [withinScope(ctx, c.regionCode)];
  if (filter.q) conds.push(ilike(c.name, `%${filter.q}%`));
  if (filter.kind) conds.push(eq(c.kind, filter.kind));
  if (filter.activeOn) conds.push(lte(c.startDate, filter.activeOn), gte(c.endDate, filter.activeOn));
  const where = and(...conds);
  const items = await ctx.db
    .select(columns)
    .from(c)
    .leftJoin(regions, eq(regions.code, c.regionCode))
    .where(where)
    .orderBy(desc(c.startDate), asc(c.name), asc(c.id))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(c)
    .where(where);
  return { items, total: count?.n ?? 0 };
}
