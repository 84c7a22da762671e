// SQL of contributions and claims (UI-1, UI-2); every read is limited to the caller's scope.
import { and, asc, desc, eq, gt, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import { persons, uiClaims, uiContributionImportBatches, uiContributions } from '../../db/schema.js';
import { withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';
import type { UiClaimStatus, UiStopReason } from '../../../shared/labels.js';

export type ClaimRow = typeof uiClaims.$inferSelect;
export type ContributionInsert = typeof uiContributions.$inferInsert;

/**
 * Contributions every reader may see: all but those of a file import not yet applied (UI-1). The
 * set of pending batches is empty but during an import, so this costs a hashed look-up of nothing.
 * The batches table is readable at any scope (its policy), so a pending batch opened by a wider
 * scope still hides its rows from a narrower one.
 */
export const visibleContribution = sql`(${uiContributions.importBatch} IS NULL OR ${uiContributions.importBatch} NOT IN (SELECT ${uiContributionImportBatches.id} FROM ${uiContributionImportBatches} WHERE ${uiContributionImportBatches.appliedAt} IS NULL))`;

/**
 * The stored contributions of the given persons, for the keys of a post; `pending` marks a row of
 * a file import not yet applied: invisible to readers, but its key is taken until it is applied or
 * discarded.
 */
export function contributionsOf(ctx: Ctx, personIds: string[]) {
  const c = uiContributions;
  return ctx.db
    .select({
      personId: c.personId,
      employerId: c.employerId,
      month: c.month,
      baseFen: c.baseFen,
      paidFen: c.paidFen,
      pending: sql<boolean>`NOT ${visibleContribution}`,
    })
    .from(c)
    .where(and(inArray(c.personId, personIds), withinScope(ctx, c.regionCode)));
}

/** Inserts the rows not yet stored (the unique key decides, rows of pending imports included); answers the keys inserted. */
export async function insertContributions(ctx: Ctx, rows: ContributionInsert[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const c = uiContributions;
  const inserted = await ctx.db
    .insert(c)
    .values(rows)
    .onConflictDoNothing({ target: [c.personId, c.employerId, c.month] })
    .returning({ personId: c.personId, employerId: c.employerId, month: c.month });
  return new Set(inserted.map((r) => `${r.personId}/${r.employerId}/${r.month}`));
}

/** A person's months with a contribution paid (paid > 0), each with its totals and employers, oldest first. */
export function paidMonthsOf(ctx: Ctx, personId: string, throughMonth?: string) {
  const c = uiContributions;
  const conds: SQL[] = [eq(c.personId, personId), gt(c.paidFen, 0), withinScope(ctx, c.regionCode), visibleContribution];
  if (throughMonth) conds.push(lte(c.month, throughMonth));
  return ctx.db
    .select({
      month: c.month,
      paidFen: sql<number>`sum(${c.paidFen})::bigint`.mapWith(Number),
      baseFen: sql<number>`sum(${c.baseFen})::bigint`.mapWith(Number),
      employerIds: sql<string[]>`array_agg(${c.employerId}::text ORDER BY ${c.employerId})`,
    })
    .from(c)
    .where(and(...conds))
    .groupBy(c.month)
    .orderBy(asc(c.month));
}

/**
 * The person's claims that hold contribution months or months to carry, oldest first: not those
 * rejected, nor those stopped before a decision (never in benefit, they count nothing).
 */
export function countingClaimsOf(ctx: Ctx, personId: string) {
  const c = uiClaims;
  return ctx.db
    .select()
    .from(c)
    .where(
      and(
        eq(c.personId, personId),
        ne(c.status, 'rejected'),
        sql`NOT (${c.status} = 'stopped' AND ${c.decidedBy} IS NULL)`,
        withinScope(ctx, c.regionCode),
      ),
    )
    .orderBy(asc(uiClaims.countedThrough), asc(uiClaims.takenAt));
}

export async function insertClaim(ctx: Ctx, row: typeof uiClaims.$inferInsert) {
  await ctx.db.insert(uiClaims).values(row);
}

export async function findClaim(ctx: Ctx, id: string, lock = false): Promise<ClaimRow | undefined> {
  const q = ctx.db
    .select()
    .from(uiClaims)
    .where(and(eq(uiClaims.id, id), withinScope(ctx, uiClaims.regionCode)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function setDecision(ctx: Ctx, id: string, status: 'active' | 'rejected', comment: string) {
  await ctx.db
    .update(uiClaims)
    .set({ status, decidedBy: ctx.actor.username, decidedAt: ctx.now(), decisionComment: comment })
    .where(eq(uiClaims.id, id));
}

/** The person's pending or active claims, locked (an event is about to stop them). */
export function openClaimsOf(ctx: Ctx, personId: string) {
  return ctx.db
    .select()
    .from(uiClaims)
    .where(and(eq(uiClaims.personId, personId), inArray(uiClaims.status, ['pending', 'active'])))
    .for('update');
}

export async function stopClaim(ctx: Ctx, id: string, stoppedOn: string, stopReason: UiStopReason) {
  await ctx.db.update(uiClaims).set({ status: 'stopped', stoppedOn, stopReason }).where(eq(uiClaims.id, id));
}

export async function personNameOf(ctx: Ctx, personId: string): Promise<string | null> {
  const [row] = await ctx.db.select({ name: persons.name }).from(persons).where(eq(persons.id, personId));
  return row?.name ?? null;
}

export interface ClaimFilter {
  status?: UiClaimStatus | undefined;
  personId?: string | undefined;
  /** UI-4: the claims of this caseworker. */
  caseworkerId?: string | undefined;
}

export async function listClaims(ctx: Ctx, filter: ClaimFilter, paging: Paging) {
  const c = uiClaims;
  const conds: SQL[] = [withinScope(ctx, c.regionCode)];
  if (filter.status) conds.push(eq(c.status, filter.status));
  if (filter.personId) conds.push(eq(c.personId, filter.personId));
  if (filter.caseworkerId) conds.push(eq(c.caseworkerId, filter.caseworkerId));
  const where = and(...conds);
  const items = await ctx.db
    .select({
      id: c.id,
      personId: c.personId,
      personName: persons.name,
      regionCode: c.regionCode,
      separationDate: c.separationDate,
      separationReason: c.separationReason,
      status: c.status,
      entitlementMonths: c.entitlementMonths,
      monthlyAmountFen: c.monthlyAmountFen,
      startMonth: c.startMonth,
      stoppedOn: c.stoppedOn,
      takenBy: c.takenBy,
      takenAt: c.takenAt,
      decidedBy: c.decidedBy,
      caseworkerId: c.caseworkerId,
      caseworkerName: c.caseworkerName,
    })
    .from(c)
    .innerJoin(persons, eq(persons.id, c.personId))
    .where(where)
    .orderBy(desc(c.takenAt), asc(c.id))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(c)
    .where(where);
  return { items, total: count?.n ?? 0 };
}
