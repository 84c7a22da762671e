// The unemployment-insurance fund ledger (失业保险基金台账, UI-5; 条例第二章 基金, seed 003 §(十六)
// 省级调剂金, 社保基金审计): double entry in the manner of TigerBeetle or Formance. A transfer moves
// a positive amount from one account to another; its kind fixes the pair. Posting writes two
// entries (−amount on the debited account, +amount on the credited), so every transfer and the
// whole ledger sum to zero, and the fund's balance is the sum of its account's entries. Entries are
// never changed or removed (a trigger of the migration raises); a correction is a reversing
// transfer, requested by one finance officer and posted by another, at most once per transfer.
//
// Contributions post their income in the transaction that stores them, one transfer per region and
// month of the rows actually inserted (the contributions' own unique key makes that once); payment
// runs post their benefit and bank returns through `postTransfers`. Provincial transfers (上解,
// 下拨), bank interest and subsidies paid from the fund are requested and approved here; one that
// takes money out of the fund may not take its region's balance below zero (checked on request and
// again, under a lock, on approval).
import crypto from 'node:crypto';
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, assertWritableRegion, noScope, requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, forbidden, notFound, validation } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import * as regions from '../regions/index.js';
import { fundTransferKindNames, type FundAccount, type FundTransferKind } from '../../../shared/labels.js';
import { scopeOf } from '../../../shared/region.js';
import * as repo from './fundRepo.js';
import { withCreatorNames } from './staffNames.js';

/** The debited and credited account of each kind (a reversal swaps those of the transfer it names). */
export const transferPairs: Record<Exclude<FundTransferKind, 'reversal'>, { debit: FundAccount; credit: FundAccount }> = {
  contribution: { debit: 'contributors', credit: 'fund' },
  benefit: { debit: 'fund', credit: 'claimants' },
  benefit_returned: { debit: 'claimants', credit: 'fund' },
  subsidy: { debit: 'fund', credit: 'subsidy_recipients' },
  provincial_out: { debit: 'fund', credit: 'provincial_adjustment' },
  provincial_in: { debit: 'provincial_adjustment', credit: 'fund' },
  interest: { debit: 'interest', credit: 'fund' },
};

/** Kinds that are the fund's income; the others are its spending (a bank return lessens the benefit spent). */
export const incomeKinds = ['contribution', 'provincial_in', 'interest'] as const;
export const spendingKinds = ['benefit', 'benefit_returned', 'subsidy', 'provincial_out'] as const;
/** Kinds a finance officer requests by hand; contributions and benefit come from their own records. */
export const requestableKinds = ['provincial_out', 'provincial_in', 'interest', 'subsidy'] as const;
export type RequestableKind = (typeof requestableKinds)[number];

/** Who reads the ledger: finance, the UI office and its reviewers, leaders, auditors. */
const fundReaders = ['finance', 'ui_officer', 'reviewer', 'leader', 'auditor', 'admin'] as const;

export interface TransferToPost {
  kind: Exclude<FundTransferKind, 'reversal'>;
  regionCode: string;
  month: string;
  amountFen: number;
  /** What caused it, e.g. 'ui_payment_run' and the run's id: once per (source, kind, region, month). */
  sourceType: string;
  sourceId: string;
  memo: string;
}

/**
 * Posts transfers whose authority was settled by the caller (a contribution post, a run's
 * approval, a bank return), inside the caller's transaction: each is written posted with its two
 * entries, once per (sourceType, sourceId, kind, regionCode, month) — a transfer already held under
 * its key is skipped, so a retried caller posts nothing twice. Answers the transfers written.
 */
export async function postTransfers(ctx: Ctx, transfers: TransferToPost[]): Promise<repo.TransferRow[]> {
  for (const tr of transfers) {
    if (!Number.isSafeInteger(tr.amountFen) || tr.amountFen <= 0)
      throw new Error(`fund transfer amount must be positive fen: ${tr.amountFen}`);
    if (!(tr.kind in transferPairs)) throw new Error(`not a fund transfer kind to post: ${tr.kind}`);
  }
  if (transfers.length === 0) return [];
  return withTransaction(ctx, async (tx) => {
    const now = tx.now();
    const written = await repo.insertTransfers(
      tx,
      transfers.map((tr) => ({
        id: crypto.randomUUID(),
        regionCode: tr.regionCode,
        month: tr.month,
        kind: tr.kind,
        debitAccount: transferPairs[tr.kind].debit,
        creditAccount: transferPairs[tr.kind].credit,
        amountFen: tr.amountFen,
        sourceType: tr.sourceType,
        sourceId: tr.sourceId,
        reversesId: null,
        memo: tr.memo,
        status: 'posted' as const,
        createdBy: tx.actor.username,
        createdAt: now,
        approvedBy: tx.actor.username,
        approvedAt: now,
      })),
    );
    await repo.insertEntries(
      tx,
      written.flatMap((row) => entriesOf(row, now)),
    );
    for (const row of written)
      await writeAudit(tx, { action: 'post', entity: 'ui_fund_transfer', entityId: row.id, regionCode: row.regionCode, after: row });
    return written;
  });
}

/**
 * The fund's income from contributions just stored (UI-5), in the transaction that stored them (or,
 * for a file import, that made them visible): one transfer per region and contribution month of the
 * rows inserted, so a file posted again (nothing inserted) posts nothing. The source is the post's
 * own id, or the import batch: the contributions' unique key is what makes each paid amount count
 * once, and the source key keeps a batch from posting twice.
 */
export async function postContributionIncome(
  ctx: Ctx,
  rows: { regionCode: string; month: string; paidFen: number }[],
  source: { sourceType: string; sourceId: string } = { sourceType: 'ui_contribution_post', sourceId: crypto.randomUUID() },
) {
  const sums = new Map<string, { regionCode: string; month: string; amountFen: number; count: number }>();
  for (const r of rows) {
    const key = `${r.regionCode}/${r.month}`;
    const sum = sums.get(key) ?? { regionCode: r.regionCode, month: r.month, amountFen: 0, count: 0 };
    sum.amountFen += r.paidFen;
    sum.count += 1;
    sums.set(key, sum);
  }
  return postTransfers(
    ctx,
    [...sums.values()]
      .filter((s) => s.amountFen > 0)
      .map((s) => ({
        kind: 'contribution' as const,
        regionCode: s.regionCode,
        month: s.month,
        amountFen: s.amountFen,
        ...source,
        memo: `缴费收入（${s.count} 条缴费记录）`,
      })),
  );
}

/** The two entries of a transfer: −amount on the debited account, +amount on the credited. */
function entriesOf(row: repo.TransferRow, now: Date): repo.EntryInsert[] {
  const side = (account: FundAccount, amountFen: number) => ({
    id: crypto.randomUUID(),
    transferId: row.id,
    account,
    regionCode: row.regionCode,
    month: row.month,
    amountFen,
    createdAt: now,
  });
  return [side(row.debitAccount, -row.amountFen), side(row.creditAccount, row.amountFen)];
}

const yuanText = (fen: number) => (fen / 100).toFixed(2);

/**
 * A transfer that takes money out of the fund (its debited account is the fund: a subsidy, a
 * transfer up to the province, the reversal of income) may not take the fund balance of its region
 * (the regions under it, as the balance shows it) below zero: 422 naming the balance and the amount.
 * Benefit from approved payment runs is not held back here: it is owed to the claimants.
 */
async function assertFundCovers(
  ctx: Ctx,
  row: { kind: FundTransferKind; regionCode: string; debitAccount: FundAccount; amountFen: number },
) {
  if (row.debitAccount !== 'fund') return;
  const balanceFen = await repo.fundBalanceUnder(ctx, scopeOf(row.regionCode));
  if (balanceFen - row.amountFen < 0)
    throw new AppError(
      'RULE_VIOLATION',
      `区划 ${row.regionCode} 的失业保险基金余额为 ${yuanText(balanceFen)} 元，${fundTransferKindNames[row.kind]}支出 ${yuanText(row.amountFen)} 元后将为 ${yuanText(balanceFen - row.amountFen)} 元；基金余额不能为负`,
    );
}

const thisMonthOf = (ctx: Ctx) => shanghaiDateOf(ctx.now()).slice(0, 7);

/**
 * The region prefix a read asks for: a 12-digit code stands for the regions under it, a shorter
 * prefix for itself, none for the caller's scope. Outside the caller's scope it does not exist (404).
 */
function regionPrefixOf(ctx: Ctx, regionCode: string | undefined): string {
  const prefix = regionCode === undefined ? ctx.actor.scope : regionCode.length === 12 ? scopeOf(regionCode) : regionCode;
  if (ctx.actor.scope === noScope || !prefix.startsWith(ctx.actor.scope)) throw notFound('区划');
  return prefix;
}

export interface BalanceQuery {
  regionCode?: string | undefined;
  month?: string | undefined;
}

/** Income and spending of each kind, from the fund account's sums by kind (a reversal counts as its kind). */
function byKind(sums: { kind: FundTransferKind; amountFen: number }[]) {
  const total = (kind: FundTransferKind) => sums.filter((s) => s.kind === kind).reduce((n, s) => n + s.amountFen, 0);
  const income = Object.fromEntries(incomeKinds.map((k) => [k, total(k)])) as Record<(typeof incomeKinds)[number], number>;
  const spending = Object.fromEntries(spendingKinds.map((k) => [k, -total(k)])) as Record<(typeof spendingKinds)[number], number>;
  const incomeFen = incomeKinds.reduce((n, k) => n + income[k], 0);
  const spendingFen = spendingKinds.reduce((n, k) => n + spending[k], 0);
  return { income, spending, incomeFen, spendingFen };
}

/**
 * The fund's balance (UI-5) for the regions under `regionCode` through the end of `month` (default
 * this month): income and spending by kind, `balanceFen = incomeFen − spendingFen`, which is the
 * sum of the fund account's entries.
 */
export async function fundBalance(ctx: Ctx, query: BalanceQuery) {
  requireRole(ctx, ...fundReaders);
  const prefix = regionPrefixOf(ctx, query.regionCode);
  const month = query.month ?? thisMonthOf(ctx);
  const sums = await repo.fundSumsByMonthAndKind(ctx, prefix, null, month);
  const { income, spending, incomeFen, spendingFen } = byKind(sums);
  return {
    regionPrefix: prefix,
    month,
    balanceFen: sums.reduce((n, s) => n + s.amountFen, 0),
    incomeFen,
    spendingFen,
    income,
    spending,
  };
}

export interface TransferRequest {
  kind: RequestableKind;
  regionCode: string;
  month: string;
  amountFen: number;
  memo: string;
}

/** The transfer as the API shows it, with the reversal that names it, if any. */
async function transferView(ctx: Ctx, row: repo.TransferRow) {
  const reversal = await repo.reversalOf(anywhereCtx(ctx), row.id);
  const [named] = await withCreatorNames(ctx, [row]);
  return { ...named!, reversedById: reversal?.id ?? null };
}

/**
 * Requests a provincial transfer (上解/下拨), bank interest or a subsidy paid from the fund: one
 * finance officer requests, another approves (then it is posted). The region must be a stored
 * division in the caller's scope (403 outside), the month not in the future.
 */
export async function requestTransfer(ctx: Ctx, input: TransferRequest) {
  requireRole(ctx, 'finance');
  if (input.month > thisMonthOf(ctx)) throw validation('/month', 'IN_FUTURE', '会计期间不能晚于本月');
  assertWritableRegion(ctx, input.regionCode);
  return withTransaction(ctx, async (tx) => {
    await regions.assertRegionExists(tx, input.regionCode);
    await assertFundCovers(tx, { ...input, debitAccount: transferPairs[input.kind].debit });
    const id = crypto.randomUUID();
    const row = {
      id,
      regionCode: input.regionCode,
      month: input.month,
      kind: input.kind,
      debitAccount: transferPairs[input.kind].debit,
      creditAccount: transferPairs[input.kind].credit,
      amountFen: input.amountFen,
      sourceType: 'fund_request',
      sourceId: id,
      reversesId: null,
      memo: input.memo,
      status: 'requested' as const,
      createdBy: tx.actor.username,
      createdAt: tx.now(),
    };
    await repo.insertTransfer(tx, row);
    await writeAudit(tx, { action: 'request', entity: 'ui_fund_transfer', entityId: id, regionCode: row.regionCode, after: row });
    return transferView(tx, (await repo.findTransfer(tx, id))!);
  });
}

export async function getTransfer(ctx: Ctx, id: string) {
  requireRole(ctx, ...fundReaders);
  const row = await repo.findTransfer(ctx, id);
  if (!row) throw notFound('基金划转');
  return transferView(ctx, row);
}

/** Approves a requested transfer or reversal (finance, not its requester: 403) and posts its two entries. */
export async function approveTransfer(ctx: Ctx, id: string) {
  requireRole(ctx, 'finance');
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findTransfer(tx, id, true);
    if (!row) throw notFound('基金划转');
    if (row.createdBy === tx.actor.username) throw forbidden('基金划转须由提出人以外的财务人员复核入账（双人复核）');
    if (row.status !== 'requested') throw new AppError('CONFLICT', '该划转已入账，不能再次复核');
    if (row.debitAccount === 'fund') {
      await repo.lockFundSpending(tx);
      await assertFundCovers(tx, row);
    }
    await repo.markPosted(tx, id);
    const posted = (await repo.findTransfer(tx, id))!;
    await repo.insertEntries(tx, entriesOf(posted, tx.now()));
    await writeAudit(tx, {
      action: 'approve',
      entity: 'ui_fund_transfer',
      entityId: id,
      regionCode: row.regionCode,
      before: { status: row.status },
      after: { status: 'posted', kind: row.kind, amountFen: row.amountFen, reversesId: row.reversesId },
    });
    return transferView(tx, posted);
  });
}

/**
 * Requests the reversal of a posted transfer (冲正): a transfer of the same amount between the same
 * accounts the other way, in this month's accounts (a closed month is not rewritten), posted on
 * approval by another finance officer. At most once per transfer (409). Contribution income and
 * benefit payments are corrected at their source, not here (422), so the ledger keeps agreeing
 * with the contribution records and the payment runs.
 */
export async function requestReversal(ctx: Ctx, id: string, reason: string) {
  requireRole(ctx, 'finance');
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findTransfer(tx, id, true);
    if (!row) throw notFound('基金划转');
    if (row.kind === 'reversal') throw new AppError('RULE_VIOLATION', '冲正记录不能再冲正；如有错误，请重新提出划转');
    if (!(requestableKinds as readonly string[]).includes(row.kind))
      throw new AppError(
        'RULE_VIOLATION',
        `${fundTransferKindNames[row.kind]}由其业务记录入账，不能在基金台账中冲正，请在缴费记录或发放批次中更正`,
      );
    if (row.status !== 'posted') throw new AppError('CONFLICT', '该划转尚未入账，不能冲正');
    const earlier = await repo.reversalOf(anywhereCtx(tx), id);
    if (earlier) throw new AppError('CONFLICT', `该划转已冲正（${earlier.id}），不能重复冲正`);
    const thisMonth = thisMonthOf(tx);
    const reversal = {
      id: crypto.randomUUID(),
      regionCode: row.regionCode,
      month: row.month > thisMonth ? row.month : thisMonth,
      kind: 'reversal' as const,
      debitAccount: row.creditAccount,
      creditAccount: row.debitAccount,
      amountFen: row.amountFen,
      sourceType: 'reversal',
      sourceId: row.id,
      reversesId: row.id,
      memo: `冲正：${reason}`,
      status: 'requested' as const,
      createdBy: tx.actor.username,
      createdAt: tx.now(),
    };
    await assertFundCovers(tx, reversal);
    await repo.insertTransfer(tx, reversal);
    await writeAudit(tx, {
      action: 'reverse',
      entity: 'ui_fund_transfer',
      entityId: row.id,
      regionCode: row.regionCode,
      after: reversal,
      reason,
    });
    return transferView(tx, (await repo.findTransfer(tx, reversal.id))!);
  });
}

export interface TransferListQuery {
  regionCode?: string | undefined;
  kind?: FundTransferKind | undefined;
  month?: string | undefined;
  status?: repo.TransferFilter['status'];
}

export async function listFundTransfers(ctx: Ctx, query: TransferListQuery, paging: Paging) {
  requireRole(ctx, ...fundReaders);
  const regionPrefix = regionPrefixOf(ctx, query.regionCode);
  const { items, total } = await repo.listTransfers(
    ctx,
    { regionPrefix, kind: query.kind, month: query.month, status: query.status },
    paging,
  );
  return { items: await withCreatorNames(ctx, items), total };
}

export interface EntryListQuery {
  regionCode?: string | undefined;
  account?: FundAccount | undefined;
  month?: string | undefined;
  transferId?: string | undefined;
}

export function listFundEntries(ctx: Ctx, query: EntryListQuery, paging: Paging) {
  requireRole(ctx, ...fundReaders);
  const regionPrefix = regionPrefixOf(ctx, query.regionCode);
  return repo.listEntries(ctx, { ...query, regionPrefix }, paging);
}

const monthsFrom = (first: string, last: string) => {
  const out: string[] = [];
  for (let m = first; m <= last;) {
    out.push(m);
    const [y, mm] = m.split('-').map(Number) as [number, number];
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  return out;
};

/**
 * The reconciliation an auditor asks for (UI-5, 社保基金审计): for each month of the year up to
 * `month`, the opening balance, income and spending by kind and the closing balance; and the
 * checks: the ledger's contribution income of each month equals the contributions recorded for
 * that month (recomputed from the contribution records), all entries sum to zero, and every
 * posted transfer has two entries that cancel (a requested one none).
 */
export async function fundReconciliation(ctx: Ctx, query: BalanceQuery) {
  requireRole(ctx, ...fundReaders);
  const prefix = regionPrefixOf(ctx, query.regionCode);
  const month = query.month ?? thisMonthOf(ctx);
  const first = `${month.slice(0, 4)}-01`;
  let opening = await repo.fundSumBefore(ctx, prefix, first);
  const openingOfYearFen = opening;
  const sums = await repo.fundSumsByMonthAndKind(ctx, prefix, first, month);
  const recorded = new Map((await repo.contributionsPaidByMonth(ctx, prefix, first, month)).map((r) => [r.month, r.paidFen]));
  const months = monthsFrom(first, month).map((m) => {
    const { income, spending, incomeFen, spendingFen } = byKind(sums.filter((s) => s.month === m));
    const row = { month: m, openingFen: opening, income, spending, incomeFen, spendingFen, closingFen: opening + incomeFen - spendingFen };
    opening = row.closingFen;
    return row;
  });
  const entriesSum = await repo.allEntriesSum(ctx, prefix, month);
  const unbalanced = await repo.unbalancedTransfers(ctx, prefix, month);
  const checks = [
    ...months.map((m) => {
      const expected = recorded.get(m.month) ?? 0;
      return {
        check: 'contribution_income' as const,
        label: `${m.month} 缴费收入与缴费记录一致`,
        month: m.month,
        expected,
        found: m.income.contribution,
        ok: expected === m.income.contribution,
        transferIds: [] as string[],
      };
    }),
    {
      check: 'entries_sum_zero' as const,
      label: '全部分录借贷相抵（合计为零）',
      month: null,
      expected: 0,
      found: entriesSum,
      ok: entriesSum === 0,
      transferIds: [] as string[],
    },
    {
      check: 'transfers_balanced' as const,
      label: '每笔已入账划转两条分录相抵，待复核划转无分录（不符笔数）',
      month: null,
      expected: 0,
      found: unbalanced.length,
      ok: unbalanced.length === 0,
      transferIds: unbalanced.map((u) => u.id),
    },
  ];
  return {
    regionPrefix: prefix,
    month,
    openingOfYearFen,
    closingFen: months.at(-1)!.closingFen,
    months,
    checks,
    ok: checks.every((c) => c.ok),
  };
}
