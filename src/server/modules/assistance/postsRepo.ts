// SQL of public-welfare posts and placements (AID-4); every read is limited to the caller's scope.
import { and, asc, desc, eq, ilike, isNull, lte, gte, or, sql, type SQL } from 'drizzle-orm';
import { persons, publicWelfarePlacements, publicWelfarePosts, regions } from '../../db/schema.js';
import { inArea, withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';
import type { PlacementExitReason } from '../../../shared/labels.js';

export type PostRow = typeof publicWelfarePosts.$inferSelect;
export type PlacementRow = typeof publicWelfarePlacements.$inferSelect;

const p = publicWelfarePosts;
const pl = publicWelfarePlacements;

/**
 * Persons on the post now (no exit recorded). Written out with the tables' names: where Drizzle
 * names columns bare (a query of one table), the subquery's own columns would be meant.
 */
const occupiedSql = sql<number>`(SELECT count(*)::int FROM public_welfare_placements o WHERE o.post_id = "public_welfare_posts"."id" AND o.exited_on IS NULL)`;

const postColumns = {
  id: p.id,
  name: p.name,
  sponsor: p.sponsor,
  postType: p.postType,
  regionCode: p.regionCode,
  regionName: regions.name,
  places: p.places,
  occupied: occupiedSql,
  startDate: p.startDate,
  endDate: p.endDate,
  createdBy: p.createdBy,
  createdAt: p.createdAt,
};

export async function insertPost(ctx: Ctx, row: typeof publicWelfarePosts.$inferInsert) {
  await ctx.db.insert(publicWelfarePosts).values(row);
}

export async function findPost(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select(postColumns)
    .from(p)
    .leftJoin(regions, eq(regions.code, p.regionCode))
    .where(and(eq(p.id, id), withinScope(ctx, p.regionCode)));
  return row;
}

/** The post's row locked for a placement: two placements on the last place cannot both see it free. */
export async function lockPost(ctx: Ctx, id: string): Promise<PostRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(p)
    .where(and(eq(p.id, id), withinScope(ctx, p.regionCode)))
    .for('update');
  return row;
}

export async function occupiedPlaces(ctx: Ctx, postId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(pl)
    .where(and(eq(pl.postId, postId), isNull(pl.exitedOn)));
  return row?.n ?? 0;
}

export interface PostFilter {
  q?: string | undefined;
  regionCode?: string | undefined;
  /** Posts running on this date. */
  activeOn?: string | undefined;
  /** Only posts with a free place. */
  free?: boolean | undefined;
}

export async function listPosts(ctx: Ctx, filter: PostFilter, paging: Paging) {
  const conds: SQL[] = [withinScope(ctx, p.regionCode)];
  if (filter.q) conds.push(or(ilike(p.name, `%${filter.q}%`), ilike(p.sponsor, `%${filter.q}%`))!);
  if (filter.regionCode) conds.push(inArea(p.regionCode, filter.regionCode.replace(/0+$/, '')));
  if (filter.activeOn) conds.push(lte(p.startDate, filter.activeOn), gte(p.endDate, filter.activeOn));
  if (filter.free) conds.push(sql`${occupiedSql} < ${p.places}`);
  const where = and(...conds);
  const items = await ctx.db
    .select(postColumns)
    .from(p)
    .leftJoin(regions, eq(regions.code, p.regionCode))
    .where(where)
    .orderBy(desc(p.startDate), asc(p.name), asc(p.id))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(p)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

export async function insertPlacement(ctx: Ctx, row: typeof publicWelfarePlacements.$inferInsert) {
  await ctx.db.insert(publicWelfarePlacements).values(row);
}

const placementColumns = {
  id: pl.id,
  postId: pl.postId,
  postName: p.name,
  sponsor: p.sponsor,
  personId: pl.personId,
  personName: persons.name,
  idNumber: persons.idNumberMasked,
  regionCode: pl.regionCode,
  startDate: pl.startDate,
  endDate: pl.endDate,
  exitedOn: pl.exitedOn,
  exitReason: pl.exitReason,
  priorityOverride: pl.priorityOverride,
  createdBy: pl.createdBy,
  createdAt: pl.createdAt,
};

/** A placement in scope (the post's region), locked for an exit when asked. */
export async function findPlacementRow(ctx: Ctx, id: string, lock = false): Promise<PlacementRow | undefined> {
  const q = ctx.db
    .select()
    .from(pl)
    .where(and(eq(pl.id, id), withinScope(ctx, pl.regionCode)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function findPlacement(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select(placementColumns)
    .from(pl)
    .innerJoin(p, eq(p.id, pl.postId))
    .innerJoin(persons, eq(persons.id, pl.personId))
    .where(and(eq(pl.id, id), withinScope(ctx, pl.regionCode)));
  return row;
}

export function placementsOfPost(ctx: Ctx, postId: string) {
  return ctx.db
    .select(placementColumns)
    .from(pl)
    .innerJoin(p, eq(p.id, pl.postId))
    .innerJoin(persons, eq(persons.id, pl.personId))
    .where(and(eq(pl.postId, postId), withinScope(ctx, pl.regionCode)))
    .orderBy(sql`${pl.exitedOn} IS NULL DESC`, desc(pl.startDate));
}

/** Every placement of a person, wherever the post (the term limit counts them all). */
export function placementsOfPerson(ctx: Ctx, personId: string) {
  return ctx.db
    .select({ id: pl.id, startDate: pl.startDate, endDate: pl.endDate, exitedOn: pl.exitedOn })
    .from(pl)
    .where(eq(pl.personId, personId))
    .orderBy(asc(pl.startDate));
}

export async function recordExit(ctx: Ctx, id: string, exitedOn: string, exitReason: PlacementExitReason) {
  await ctx.db.update(pl).set({ exitedOn, exitReason }).where(eq(pl.id, id));
}

/** Placements in scope that ran on some day of the month [first, last]; only one person's when given. */
export function placementsInMonth(ctx: Ctx, first: string, last: string, personId?: string) {
  return ctx.db
    .select(placementColumns)
    .from(pl)
    .innerJoin(p, eq(p.id, pl.postId))
    .innerJoin(persons, eq(persons.id, pl.personId))
    .where(
      and(
        withinScope(ctx, pl.regionCode),
        personId ? eq(pl.personId, personId) : undefined,
        lte(pl.startDate, last),
        gte(pl.endDate, first),
        or(isNull(pl.exitedOn), gte(pl.exitedOn, first)),
      ),
    )
    .orderBy(asc(p.name), asc(persons.name), asc(pl.id));
}
