// SQL of a claim's caseworker (UI-4): the history rows and the current one copied onto the claim.
// Every read is limited to the caller's scope.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { uiClaimCaseworkers, uiClaims } from '../../db/schema.js';
import { withinScope, type Ctx } from '../../platform/context.js';

export type CaseworkerRow = typeof uiClaimCaseworkers.$inferSelect;

const w = uiClaimCaseworkers;

/** A claim's caseworkers in scope, the current one first, then the newest. */
export function caseworkersOf(ctx: Ctx, claimId: string): Promise<CaseworkerRow[]> {
  return ctx.db
    .select()
    .from(w)
    .where(and(eq(w.claimId, claimId), withinScope(ctx, w.regionCode)))
    .orderBy(sql`${w.endedOn} IS NULL DESC`, desc(w.assignedOn), desc(w.createdAt));
}

/** The claim's current caseworker row (the claim's row is locked by the caller). */
export async function currentCaseworker(ctx: Ctx, claimId: string): Promise<CaseworkerRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(w)
    .where(and(eq(w.claimId, claimId), isNull(w.endedOn)));
  return row;
}

export async function endCaseworker(ctx: Ctx, id: string, endedOn: string) {
  await ctx.db.update(w).set({ endedOn }).where(eq(w.id, id));
}

export async function insertCaseworker(ctx: Ctx, row: CaseworkerRow) {
  await ctx.db.insert(w).values(row);
}

/** Copies the current caseworker onto the claim (the claims list filters by it). */
export async function setClaimCaseworker(ctx: Ctx, claimId: string, caseworkerId: string, caseworkerName: string) {
  await ctx.db.update(uiClaims).set({ caseworkerId, caseworkerName }).where(eq(uiClaims.id, claimId));
}
