// SQL of hard-to-employ recognitions (AID-1); every read is limited to the caller's scope.
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { hardToEmployRecognitions, householdMembers, households, persons, regions, seekerMatchProfiles } from '../../db/schema.js';
import { anywhereCtx, withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';

export type RecognitionRow = typeof hardToEmployRecognitions.$inferSelect;
export type RecognitionStatus = 'active' | 'expired' | 'revoked';

const r = hardToEmployRecognitions;

/** A recognition's status on a date: revoked, past its validity, or active. */
const statusOn = (today: string) =>
  sql<RecognitionStatus>`CASE WHEN ${r.revokedOn} IS NOT NULL THEN 'revoked' WHEN ${r.validUntil} < ${today}::date THEN 'expired' ELSE 'active' END`;

/** Every recognition of a person in scope, newest first. */
export function recognitionsOf(ctx: Ctx, personId: string) {
  return ctx.db
    .select()
    .from(r)
    .where(and(eq(r.personId, personId), withinScope(ctx, r.regionCode)))
    .orderBy(desc(r.recognisedOn), desc(r.createdAt));
}

/** One recognition in scope, locked for the change. */
export async function findRecognitionForUpdate(ctx: Ctx, id: string): Promise<RecognitionRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(r)
    .where(and(eq(r.id, id), withinScope(ctx, r.regionCode)))
    .for('update');
  return row;
}

/** The person's recognitions not yet revoked, wherever they lie (an event's reaction), locked. */
export function unrevokedOf(ctx: Ctx, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([] as RecognitionRow[]);
  return anywhereCtx(ctx)
    .db.select()
    .from(r)
    .where(and(inArray(r.personId, personIds), isNull(r.revokedOn)))
    .for('update');
}

export async function insertRecognition(ctx: Ctx, row: typeof hardToEmployRecognitions.$inferInsert) {
  await ctx.db.insert(r).values(row);
}

export async function markRevoked(
  ctx: Ctx,
  id: string,
  revoked: { revokedOn: string; revokedReason: string; revokedBy: string; revokedAt: Date },
) {
  await anywhereCtx(ctx).db.update(r).set(revoked).where(eq(r.id, id));
}

/** The person's household's zero-employment state (households module's table, read only), or undefined. */
export async function householdOf(ctx: Ctx, personId: string) {
  const [row] = await anywhereCtx(ctx)
    .db.select({ id: households.id, zeroEmploymentSince: households.zeroEmploymentSince, zeroEmployment: households.zeroEmployment })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(eq(householdMembers.personId, personId));
  return row;
}

export interface RecognitionFilter {
  category?: string | undefined;
  regionCode?: string | undefined;
  status?: RecognitionStatus | undefined;
  today: string;
}

/** A page of recognitions in scope with the person's name and masked ID, newest first. */
export async function listRecognitions(ctx: Ctx, filter: RecognitionFilter, paging: Paging) {
  const status = statusOn(filter.today);
  const conds: SQL[] = [withinScope(ctx, r.regionCode)];
  if (filter.category) conds.push(eq(r.category, filter.category));
  if (filter.regionCode) conds.push(sql`starts_with(${r.regionCode}, ${filter.regionCode.replace(/0+$/, '')}::text)`);
  if (filter.status) conds.push(sql`${status} = ${filter.status}`);
  const where = and(...conds);
  const items = await ctx.db
    .select({
      id: r.id,
      personId: r.personId,
      personName: persons.name,
      idNumber: persons.idNumberMasked,
      regionCode: r.regionCode,
      regionName: regions.name,
      category: r.category,
      recognisedOn: r.recognisedOn,
      validUntil: r.validUntil,
      evidence: r.evidence,
      overrideReason: r.overrideReason,
      recognisedByName: r.recognisedByName,
      revokedOn: r.revokedOn,
      revokedReason: r.revokedReason,
      status,
    })
    .from(r)
    .innerJoin(persons, eq(persons.id, r.personId))
    .leftJoin(regions, eq(regions.code, r.regionCode))
    .where(where)
    .orderBy(desc(r.recognisedOn), asc(persons.name), asc(r.id))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(r)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

/**
 * Seekers whose match profile still carries priority though they hold no active recognition on
 * `today` (their last one passed its validity): the persons' profiles to refresh.
 */
export async function staleProfilePriority(ctx: Ctx, today: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: seekerMatchProfiles.personId })
    .from(seekerMatchProfiles)
    .where(
      and(
        eq(seekerMatchProfiles.priority, true),
        sql`NOT EXISTS (SELECT 1 FROM ${r} WHERE ${r.personId} = ${seekerMatchProfiles.personId} AND ${r.revokedOn} IS NULL
              AND (${r.validUntil} IS NULL OR ${r.validUntil} >= ${today}::date))`,
      ),
    );
  return rows.map((row) => row.id);
}

/** Moves a person's recognitions to the region the person moved to (the new office keeps their file). */
export async function moveRecognitions(ctx: Ctx, personId: string, regionCode: string) {
  await anywhereCtx(ctx).db.update(r).set({ regionCode }).where(eq(r.personId, personId));
}
