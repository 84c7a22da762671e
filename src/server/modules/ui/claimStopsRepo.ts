// SQL of the stops of 条例第十五条 other than re-employment (UI-3): the refusals recorded on a claim.
// Every read is limited to the caller's scope.
import { and, asc, eq, sql } from 'drizzle-orm';
import { uiClaimRefusals, uiClaims } from '../../db/schema.js';
import { withinScope, type Ctx } from '../../platform/context.js';
import type { UiStopReason } from '../../../shared/labels.js';

export type RefusalRow = typeof uiClaimRefusals.$inferSelect;

export async function insertRefusal(ctx: Ctx, row: typeof uiClaimRefusals.$inferInsert) {
  await ctx.db.insert(uiClaimRefusals).values(row);
}

/** The refusals recorded on a claim, oldest first. */
export function refusalsOf(ctx: Ctx, claimId: string): Promise<RefusalRow[]> {
  const r = uiClaimRefusals;
  return ctx.db
    .select()
    .from(r)
    .where(and(eq(r.claimId, claimId), withinScope(ctx, r.regionCode)))
    .orderBy(asc(r.date), asc(r.recordedAt));
}

export async function countRefusals(ctx: Ctx, claimId: string): Promise<number> {
  const r = uiClaimRefusals;
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(r)
    .where(and(eq(r.claimId, claimId), withinScope(ctx, r.regionCode)));
  return row?.n ?? 0;
}

/** Stops a claim (its status was checked under the row's lock by the caller). */
export async function stopClaimAs(ctx: Ctx, id: string, stoppedOn: string, stopReason: UiStopReason) {
  await ctx.db.update(uiClaims).set({ status: 'stopped', stoppedOn, stopReason }).where(eq(uiClaims.id, id));
}
