// SQL of deferral agreements (缓发协议, seed 002 §(八)): the agreement of a claim, and the claims
// stopped by re-employment while in benefit in a year with whether they have one. Every read is
// limited to the caller's scope.
import { and, asc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { persons, uiClaims, uiDeferralAgreements } from '../../db/schema.js';
import { inArea, withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';

export type DeferralRow = typeof uiDeferralAgreements.$inferSelect;

const d = uiDeferralAgreements;
const c = uiClaims;

export async function deferralOf(ctx: Ctx, claimId: string): Promise<DeferralRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(d)
    .where(and(eq(d.claimId, claimId), withinScope(ctx, d.regionCode)));
  return row;
}

/** Inserts the agreement unless the claim has one (the unique key decides); true when inserted. */
export async function insertDeferral(ctx: Ctx, row: DeferralRow): Promise<boolean> {
  const inserted = await ctx.db.insert(d).values(row).onConflictDoNothing({ target: d.claimId }).returning({ id: d.id });
  return inserted.length > 0;
}

/**
 * The claims counted by the rate: in scope and under the region prefix, stopped as re-employed
 * (条例第十五条第（一）项) with the stop in the year, after a decision (so the claimant was in
 * benefit: a claim stopped while pending never paid anything).
 */
function reemployedIn(ctx: Ctx, year: number, prefix: string): SQL {
  return and(
    withinScope(ctx, c.regionCode),
    inArea(c.regionCode, prefix),
    eq(c.status, 'stopped'),
    eq(c.stopReason, 're_employed'),
    isNotNull(c.decidedBy),
    sql`${c.stoppedOn} >= ${`${year}-01-01`}::date AND ${c.stoppedOn} <= ${`${year}-12-31`}::date`,
  )!;
}

/** How many claims were stopped by re-employment in the year, and how many of them have an agreement. */
export async function deferralCounts(ctx: Ctx, year: number, prefix: string) {
  const [row] = await ctx.db
    .select({ reemployed: sql<number>`count(*)::int`, signed: sql<number>`count(${d.id})::int` })
    .from(c)
    .leftJoin(d, eq(d.claimId, c.id))
    .where(reemployedIn(ctx, year, prefix));
  return { reemployed: row?.reemployed ?? 0, signed: row?.signed ?? 0 };
}

/** A page of the claims stopped by re-employment in the year without an agreement, oldest stop first. */
export async function missingDeferrals(ctx: Ctx, year: number, prefix: string, paging: Paging) {
  const where = and(reemployedIn(ctx, year, prefix), isNull(d.id));
  const items = await ctx.db
    .select({
      claimId: c.id,
      personId: c.personId,
      personName: persons.name,
      regionCode: c.regionCode,
      startMonth: c.startMonth,
      entitlementMonths: c.entitlementMonths,
      stoppedOn: sql<string>`${c.stoppedOn}::text`,
      caseworkerName: c.caseworkerName,
    })
    .from(c)
    .innerJoin(persons, eq(persons.id, c.personId))
    .leftJoin(d, eq(d.claimId, c.id))
    .where(where)
    .orderBy(asc(c.stoppedOn), asc(c.id))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(c)
    .leftJoin(d, eq(d.claimId, c.id))
    .where(where);
  return { items, total: count?.n ?? 0 };
}
