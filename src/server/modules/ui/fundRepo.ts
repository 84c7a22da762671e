// SQL of the fund ledger (UI-5): transfers and their entries. Every read is limited to the caller's
// scope and, where a region is asked for, to that region's prefix.
import { aliasedTable, and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { uiContributions, uiFundEntries, uiFundTransfers } from '../../db/schema.js';
import { inArea, withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';
import type { FundAccount, FundTransferKind, FundTransferStatus } from '../../../shared/labels.js';
import { visibleContribution } from './repo.js';

export type TransferRow = typeof uiFundTransfers.$inferSelect;
export type TransferInsert = typeof uiFundTransfers.$inferInsert;
export type EntryInsert = typeof uiFundEntries.$inferInsert;

const t = uiFundTransfers;
const e = uiFundEntries;
/** The transfer a reversal reverses, to class the reversal with the kind it cancels. */
const original = aliasedTable(uiFundTransfers, 'original');
const effectiveKind = sql<FundTransferKind>`coalesce(${original.kind}, ${t.kind})`;

/** Inserts transfers not yet held under their source key; answers the rows inserted. */
export async function insertTransfers(ctx: Ctx, rows: TransferInsert[]): Promise<TransferRow[]> {
  if (rows.length === 0) return [];
  return ctx.db
    .insert(t)
    .values(rows)
    .onConflictDoNothing({ target: [t.sourceType, t.sourceId, t.kind, t.regionCode, t.month] })
    .returning();
}

export async function insertTransfer(ctx: Ctx, row: TransferInsert) {
  await ctx.db.insert(t).values(row);
}

export async function insertEntries(ctx: Ctx, rows: EntryInsert[]) {
  if (rows.length > 0) await ctx.db.insert(e).values(rows);
}

export async function findTransfer(ctx: Ctx, id: string, lock = false): Promise<TransferRow | undefined> {
  const q = ctx.db
    .select()
    .from(t)
    .where(and(eq(t.id, id), withinScope(ctx, t.regionCode)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** The reversal of a transfer, requested or posted, if any (at most one by the unique key). */
export async function reversalOf(ctx: Ctx, id: string): Promise<TransferRow | undefined> {
  const [row] = await ctx.db.select().from(t).where(eq(t.reversesId, id));
  return row;
}

export async function markPosted(ctx: Ctx, id: string) {
  await ctx.db.update(t).set({ status: 'posted', approvedBy: ctx.actor.username, approvedAt: ctx.now() }).where(eq(t.id, id));
}

export interface TransferFilter {
  regionPrefix?: string | undefined;
  kind?: FundTransferKind | undefined;
  month?: string | undefined;
  status?: FundTransferStatus | undefined;
}

export async function listTransfers(ctx: Ctx, filter: TransferFilter, paging: Paging) {
  const conds: SQL[] = [withinScope(ctx, t.regionCode)];
  if (filter.regionPrefix) conds.push(inArea(t.regionCode, filter.regionPrefix));
  if (filter.kind) conds.push(eq(t.kind, filter.kind));
  if (filter.month) conds.push(eq(t.month, filter.month));
  if (filter.status) conds.push(eq(t.status, filter.status));
  const where = and(...conds);
  const items = await ctx.db
    .select({
      id: t.id,
      regionCode: t.regionCode,
      month: t.month,
      kind: t.kind,
      debitAccount: t.debitAccount,
      creditAccount: t.creditAccount,
      amountFen: t.amountFen,
      sourceType: t.sourceType,
      sourceId: t.sourceId,
      reversesId: t.reversesId,
      // Spelled out: Drizzle leaves columns of a one-table select unqualified, which the subquery would read as its own.
      reversedById: sql<string | null>`(SELECT r.id FROM ui_fund_transfers r WHERE r.reverses_id = ui_fund_transfers.id)`,
      memo: t.memo,
      status: t.status,
      createdBy: t.createdBy,
      createdAt: t.createdAt,
      approvedBy: t.approvedBy,
      approvedAt: t.approvedAt,
    })
    .from(t)
    .where(where)
    .orderBy(desc(t.createdAt), asc(t.id))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(t)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

export interface EntryFilter {
  regionPrefix?: string | undefined;
  account?: FundAccount | undefined;
  month?: string | undefined;
  transferId?: string | undefined;
}

export async function listEntries(ctx: Ctx, filter: EntryFilter, paging: Paging) {
  const conds: SQL[] = [withinScope(ctx, e.regionCode)];
  if (filter.regionPrefix) conds.push(inArea(e.regionCode, filter.regionPrefix));
  if (filter.account) conds.push(eq(e.account, filter.account));
  if (filter.month) conds.push(eq(e.month, filter.month));
  if (filter.transferId) conds.push(eq(e.transferId, filter.transferId));
  const where = and(...conds);
  const items = await ctx.db
    .select({
      id: e.id,
      transferId: e.transferId,
      kind: t.kind,
      account: e.account,
      regionCode: e.regionCode,
      month: e.month,
      amountFen: e.amountFen,
      memo: t.memo,
      createdAt: e.createdAt,
    })
    .from(e)
    .innerJoin(t, eq(t.id, e.transferId))
    .where(where)
    .orderBy(desc(e.createdAt), asc(e.transferId), asc(e.amountFen))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(e)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

/**
 * The fund account's entries of the regions under `prefix`, months `from`..`to` (either open),
 * summed by month and by the kind they count as (a reversal as the kind it reverses).
 */
export async function fundSumsByMonthAndKind(
  ctx: Ctx,
  prefix: string,
  from: string | null,
  to: string,
): Promise<{ month: string; kind: FundTransferKind; amountFen: number }[]> {
  const conds: SQL[] = [withinScope(ctx, e.regionCode), inArea(e.regionCode, prefix), eq(e.account, 'fund'), lte(e.month, to)];
  if (from) conds.push(gte(e.month, from));
  const rows = await ctx.db
    .select({
      month: e.month,
      kind: effectiveKind,
      amountFen: sql<number>`sum(${e.amountFen})::bigint`.mapWith(Number),
    })
    .from(e)
    .innerJoin(t, eq(t.id, e.transferId))
    .leftJoin(original, eq(original.id, t.reversesId))
    .where(and(...conds))
    .groupBy(e.month, effectiveKind);
  return rows as { month: string; kind: FundTransferKind; amountFen: number }[];
}

/**
 * Serialises the approvals that take money out of a fund (one at a time, whatever the region: they
 * are few, and regions nest), so the balance one of them checks is not spent under it by another.
 */
export async function lockFundSpending(ctx: Ctx) {
  await ctx.db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('ui_fund_spending'))`);
}

/** The fund account's balance of the regions under `prefix`: all its entries, whatever month. */
export async function fundBalanceUnder(ctx: Ctx, prefix: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`coalesce(sum(${e.amountFen}), 0)::bigint`.mapWith(Number) })
    .from(e)
    .where(and(withinScope(ctx, e.regionCode), inArea(e.regionCode, prefix), eq(e.account, 'fund')));
  return row?.n ?? 0;
}

/** The fund account's entries under `prefix` before `month` (the opening balance). */
export async function fundSumBefore(ctx: Ctx, prefix: string, month: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`coalesce(sum(${e.amountFen}), 0)::bigint`.mapWith(Number) })
    .from(e)
    .where(and(withinScope(ctx, e.regionCode), inArea(e.regionCode, prefix), eq(e.account, 'fund'), sql`${e.month} < ${month}`));
  return row?.n ?? 0;
}

/** The sum of every entry of every account under `prefix` through `month`: zero in a sound ledger. */
export async function allEntriesSum(ctx: Ctx, prefix: string, month: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`coalesce(sum(${e.amountFen}), 0)::bigint`.mapWith(Number) })
    .from(e)
    .where(and(withinScope(ctx, e.regionCode), inArea(e.regionCode, prefix), lte(e.month, month)));
  return row?.n ?? 0;
}

/**
 * Transfers under `prefix` through `month` whose entries are not as they must be: a posted one
 * without exactly two entries (debited and credited account) that cancel, a requested one with any.
 */
export async function unbalancedTransfers(
  ctx: Ctx,
  prefix: string,
  month: string,
): Promise<{ id: string; entries: number; sumFen: number }[]> {
  return ctx.db
    .select({
      id: t.id,
      entries: sql<number>`count(${e.id})::int`,
      sumFen: sql<number>`coalesce(sum(${e.amountFen}), 0)::bigint`.mapWith(Number),
    })
    .from(t)
    .leftJoin(e, eq(e.transferId, t.id))
    .where(and(withinScope(ctx, t.regionCode), inArea(t.regionCode, prefix), lte(t.month, month)))
    .groupBy(t.id, t.status, t.debitAccount, t.creditAccount, t.amountFen)
    .having(
      sql`CASE WHEN ${t.status} = 'posted'
        THEN count(${e.id}) <> 2 OR coalesce(sum(${e.amountFen}), 0) <> 0
          OR coalesce(sum(${e.amountFen}) FILTER (WHERE ${e.account} = ${t.creditAccount}), 0) <> ${t.amountFen}
          OR coalesce(sum(${e.amountFen}) FILTER (WHERE ${e.account} = ${t.debitAccount}), 0) <> -${t.amountFen}
        ELSE count(${e.id}) <> 0 END`,
    )
    .limit(100);
}

/** Contributions paid under `prefix`, by contribution month, months `from`..`to`. */
export function contributionsPaidByMonth(ctx: Ctx, prefix: string, from: string, to: string) {
  const c = uiContributions;
  return ctx.db
    .select({ month: c.month, paidFen: sql<number>`sum(${c.paidFen})::bigint`.mapWith(Number) })
    .from(c)
    .where(and(withinScope(ctx, c.regionCode), inArea(c.regionCode, prefix), gte(c.month, from), lte(c.month, to), visibleContribution))
    .groupBy(c.month);
}
