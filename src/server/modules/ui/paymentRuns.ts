// Monthly payment runs of unemployment benefit (UI-3), exactly once: a run for a month pays, per
// approved claim in the finance officer's scope, the months runRules.ts finds due, one payment per
// (claim, month) ever under the partial unique key of ui_payments. The run works in chunks of short
// transactions over the claims in id order (keyset), each chunk committing its payments together
// with the run's progress and cursor, so PGlite's single connection is never held long, a second
// request for the month while the run is building joins it, and a request after a crash resumes
// it where its last chunk committed. Then a finance officer who built no part of it (neither its
// creator nor one who resumed it) approves it (four eyes), or a finance officer discards the draft
// (its payments removed, its months free for a new run); the bank file is exported, and the bank's
// returns mark payments paid or failed (a failed month is paid again by the next run).
import crypto from 'node:crypto';
import { noteAccess } from '../../platform/accessLog.js';
import { writeAudit } from '../../platform/audit.js';
import { bankFileCsv } from '../../platform/bankFile.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, forbidden, notFound, validation, type FieldError } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import { postTransfers } from './fund.js';
import * as repo from './paymentRunsRepo.js';
import { dueMonths, payableMonth } from './runRules.js';
import { staffNamesOf } from './staffNames.js';

/** Who reads runs and payments: the UI office, finance, leaders and auditors. */
const runReaders = ['ui_officer', 'reviewer', 'finance', 'leader', 'auditor', 'admin'] as const;

/** Claims looked at per transaction: a few hundred milliseconds of PGlite's one connection at most. */
export const defaultChunkClaims = 300;

export interface RunOptions {
  /** Claims per transaction (tests and the bench set small ones). */
  chunkClaims?: number;
  /**
   * Called after each committed chunk with the chunk's number (1, 2 ...), the run's id and how long
   * the chunk's transaction took (ms): tests stop or kill the run here, the bench times the chunks.
   */
  afterChunk?: (chunk: number, runId: string, ms: number) => void | Promise<void>;
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs as the API shows them, with the names of the staff who built, resumed and approved them
 * (one look-up of names for all of them).
 */
async function runViews(ctx: Ctx, runs: repo.RunRow[]) {
  const nameOf = await staffNamesOf(
    ctx,
    runs.flatMap((r) => [r.createdBy, r.approvedBy, ...r.resumedBy]),
  );
  return runs.map((run) => ({
    ...runFields(run),
    createdByName: nameOf(run.createdBy)!,
    approvedByName: nameOf(run.approvedBy),
    resumedByNames: run.resumedBy.map((login) => nameOf(login)!),
  }));
}

async function runView(ctx: Ctx, run: repo.RunRow) {
  return (await runViews(ctx, [run]))[0]!;
}

function runFields(run: repo.RunRow) {
  return {
    id: run.id,
    regionCode: run.regionCode,
    month: run.month,
    status: run.status,
    payments: run.payments,
    totalFen: run.totalFen,
    createdBy: run.createdBy,
    createdAt: run.createdAt,
    resumedBy: run.resumedBy,
    approvedBy: run.approvedBy,
    approvedAt: run.approvedAt,
    finishedAt: run.finishedAt,
    progress: { claimsSeen: run.claimsSeen, claimsTotal: run.claimsTotal },
  };
}

/**
 * Creates (or resumes) the payment run of `month` for the finance officer's scope and builds it to
 * a draft: chunk by chunk, each its own transaction holding the run's row lock, so two processes on
 * one run take turns and neither pays what the other did. A second run of a month pays only what
 * earlier runs did not (it may have no payments).
 */
export async function createPaymentRun(ctx: Ctx, month: string, opts: RunOptions = {}) {
  requireRole(ctx, 'finance');
  const thisMonth = shanghaiDateOf(ctx.now()).slice(0, 7);
  if (month > thisMonth) throw validation('/month', 'IN_FUTURE', '发放月份不能晚于本月');
  const chunkClaims = opts.chunkClaims ?? defaultChunkClaims;
  const regionCode = ctx.actor.scope.padEnd(12, '0').slice(0, 12);
  const runId = await withTransaction(ctx, async (tx) => {
    const { run, created } = await repo.insertOrFindBuilding(tx, {
      id: crypto.randomUUID(),
      regionCode,
      month,
      status: 'building',
      createdBy: tx.actor.username,
      createdAt: tx.now(),
      payments: 0,
      totalFen: 0,
      claimsSeen: 0,
      claimsTotal: await repo.countCandidates(tx, month),
      cursorClaimId: null,
    });
    if (!created) await repo.noteResumer(tx, run.id, tx.actor.username);
    await writeAudit(tx, {
      action: created ? 'create' : 'resume',
      entity: 'ui_payment_run',
      entityId: run.id,
      regionCode: run.regionCode,
      after: created ? { month, status: 'building', claimsTotal: run.claimsTotal } : { claimsSeen: run.claimsSeen, payments: run.payments },
    });
    return run.id;
  });
  for (let chunk = 1; ; chunk++) {
    const began = performance.now();
    const done = await withTransaction(ctx, async (tx) => {
      const run = await repo.findRun(tx, runId, true);
      if (!run || run.status !== 'building') return true; // finished by another request meanwhile
      const { seen, last, claims } = await repo.candidatesAfter(tx, month, run.cursorClaimId, chunkClaims);
      if (last === null) return true;
      const live = new Map<string, Set<string>>();
      for (const row of await repo.liveMonthsOf(
        tx,
        claims.map((c) => c.id),
      )) {
        const months = live.get(row.claimId) ?? new Set<string>();
        months.add(row.month);
        live.set(row.claimId, months);
      }
      const rows = claims.flatMap((c) =>
        dueMonths(c, month, live.get(c.id) ?? new Set()).map((m) => ({
          claimId: c.id,
          personId: c.personId,
          regionCode: c.regionCode,
          month: m,
          amountFen: c.monthlyAmountFen,
        })),
      );
      const inserted = await repo.insertPayments(tx, runId, rows);
      await repo.advanceRun(tx, runId, {
        claims: seen,
        cursor: last,
        payments: inserted.length,
        totalFen: inserted.reduce((sum, p) => sum + p.amountFen, 0),
      });
      return false;
    });
    if (done) break;
    await opts.afterChunk?.(chunk, runId, performance.now() - began);
    await yieldToOthers();
  }
  return withTransaction(ctx, async (tx) => {
    const run = (await repo.findRun(tx, runId, true))!;
    if (run.status === 'building') {
      const totals = await repo.runTotals(tx, runId);
      await repo.finishRun(tx, runId, totals);
      await writeAudit(tx, {
        action: 'build',
        entity: 'ui_payment_run',
        entityId: runId,
        regionCode: run.regionCode,
        before: { status: 'building' },
        after: { status: 'draft', ...totals },
      });
    }
    return runView(tx, (await repo.findRun(tx, runId))!);
  });
}

/** A run in scope with its progress. */
export async function getPaymentRun(ctx: Ctx, id: string) {
  requireRole(ctx, ...runReaders);
  const run = await repo.findRun(ctx, id);
  if (!run) throw notFound('失业保险金发放批次');
  return runView(ctx, run);
}

export async function listPaymentRuns(ctx: Ctx, filter: repo.RunFilter, paging: Paging) {
  requireRole(ctx, ...runReaders);
  const { items, total } = await repo.listRuns(ctx, filter, paging);
  return { items: await runViews(ctx, items), total };
}

export async function listRunPayments(ctx: Ctx, runId: string, filter: repo.PaymentFilter, paging: Paging) {
  requireRole(ctx, ...runReaders);
  if (!(await repo.findRun(ctx, runId))) throw notFound('失业保险金发放批次');
  return repo.listPayments(ctx, runId, filter, paging);
}

type RunStatus = 'building' | 'draft' | 'approving' | 'approved' | 'discarded';

/**
 * The guard of a decision on a run: locks the run in scope (404 when there is none) and answers it
 * when its status is one of `statuses`; in any other status a 409 says why, by the status's own
 * message or `otherwise`. The lock holds until the transaction ends, so two decisions take turns.
 */
async function lockRunInStatus(
  tx: Ctx,
  id: string,
  statuses: readonly RunStatus[],
  messages: Partial<Record<RunStatus, string>> & { otherwise: string },
): Promise<repo.RunRow> {
  const run = await repo.findRun(tx, id, true);
  if (!run) throw notFound('失业保险金发放批次');
  const status = run.status as RunStatus;
  if (!statuses.includes(status)) throw new AppError('CONFLICT', messages[status] ?? messages.otherwise);
  return run;
}

/** Payments approved per transaction. */
const approveChunk = 1000;

/**
 * Approves a draft run (finance; a run neither draft nor being approved: 409; then neither its
 * creator nor one who resumed building it: 403). The decision is recorded at once (status `approving`, approver, audit row); then the
 * payments are approved in chunks of short transactions, each taking out a draft payment whose
 * month is no longer payable (a stop recorded after the run was built, 条例第十五条) and making
 * exhausted the claims whose approved months reach their entitlement (第十七条); the last
 * transaction sets the totals and `approved`. A request for a run still `approving` (its process
 * died) continues it.
 */
export async function approvePaymentRun(
  ctx: Ctx,
  id: string,
  opts: { chunkPayments?: number; afterChunk?: (chunk: number) => void | Promise<void> } = {},
) {
  requireRole(ctx, 'finance');
  await withTransaction(ctx, async (tx) => {
    const run = await lockRunInStatus(tx, id, ['draft', 'approving'], {
      building: '该发放批次尚未生成完毕，不能审批',
      discarded: '该发放批次已作废，不能审批',
      otherwise: '该发放批次已审批，不能再次审批',
    });
    if (run.createdBy === tx.actor.username) throw forbidden('失业保险金发放批次须由生成人以外的财务人员审批（双人复核）');
    if (run.resumedBy.includes(tx.actor.username))
      throw forbidden('您接续生成过该发放批次，不能审批；须由未参与生成的财务人员审批（双人复核）');
    if (run.status === 'approving') return;
    await repo.beginApproval(tx, id);
    await writeAudit(tx, {
      action: 'approve',
      entity: 'ui_payment_run',
      entityId: id,
      regionCode: run.regionCode,
      before: { status: run.status, payments: run.payments, totalFen: run.totalFen },
      after: { status: 'approved' },
    });
  });
  for (let chunk = 1; ; chunk++) {
    const done = await withTransaction(ctx, async (tx) => {
      const run = await repo.findRun(tx, id, true);
      if (!run || run.status !== 'approving') return true;
      const batch = await repo.draftPaymentsWithClaims(tx, id, opts.chunkPayments ?? approveChunk);
      if (batch.length === 0) return true;
      const stale = batch.filter((p) => !payableMonth(p, p.month));
      await repo.dropDraftPayments(
        tx,
        stale.map((p) => p.id),
      );
      const staleIds = new Set(stale.map((p) => p.id));
      await repo.approvePayments(
        tx,
        batch.filter((p) => !staleIds.has(p.id)).map((p) => p.id),
      );
      for (const p of stale)
        await writeAudit(tx, {
          action: 'withdraw_payment',
          entity: 'ui_claim',
          entityId: p.claimId,
          regionCode: p.regionCode,
          after: { runId: id, month: p.month },
          reason: `${p.stoppedOn} 停发，${p.month} 起不再发放（条例第十五条），审批时从发放批次中撤出`,
        });
      const exhausted = await repo.exhaustClaims(tx, [...new Set(batch.map((p) => p.claimId))]);
      for (const claim of exhausted)
        await writeAudit(tx, {
          action: 'exhaust',
          entity: 'ui_claim',
          entityId: claim.id,
          regionCode: claim.regionCode,
          before: { status: 'active' },
          after: { status: 'exhausted' },
          reason: `发放批次 ${id} 审批后已发放月数达到领取期限（条例第十七条）`,
        });
      return false;
    });
    if (done) break;
    await opts.afterChunk?.(chunk);
    await yieldToOthers();
  }
  return withTransaction(ctx, async (tx) => {
    const run = await repo.findRun(tx, id, true);
    if (!run) throw notFound('失业保险金发放批次');
    if (run.status === 'approving') {
      const totals = await repo.runTotals(tx, id);
      await repo.finishApproval(tx, id, totals);
      // The benefit leaves the fund (UI-5) in the transaction that approves the run: one transfer
      // per claimants' region, booked in the run's month, once by the ledger's key on the run.
      await postTransfers(
        tx,
        (await repo.approvedRunTotalsByRegion(tx, id))
          .filter((r) => r.amountFen > 0)
          .map((r) => ({
            kind: 'benefit' as const,
            regionCode: r.regionCode,
            month: run.month,
            amountFen: r.amountFen,
            sourceType: 'ui_payment_run',
            sourceId: id,
            memo: `失业保险金 ${run.month} 发放批次（${r.count} 笔）`,
          })),
      );
      if (totals.payments !== run.payments)
        await writeAudit(tx, {
          action: 'update',
          entity: 'ui_payment_run',
          entityId: id,
          regionCode: run.regionCode,
          before: { payments: run.payments, totalFen: run.totalFen },
          after: totals,
          reason: '审批时撤出停发月份后的笔数与合计',
        });
    }
    return runView(tx, (await repo.findRun(tx, id))!);
  });
}

/**
 * Discards a draft run never approved (finance in scope; 404 outside, 409 for a run not a draft):
 * its draft payments are removed in one transaction, so they stop holding their months under the
 * partial unique key and a new run of the month pays them; the run stays as `discarded`, the audit
 * keeping what it held and why it was discarded. Nothing was paid or posted to the fund by a draft.
 */
export async function discardPaymentRun(ctx: Ctx, id: string, reason: string) {
  requireRole(ctx, 'finance');
  if (!reason.trim()) throw validation('/reason', 'REQUIRED', '须写明作废原因');
  return withTransaction(ctx, async (tx) => {
    const run = await lockRunInStatus(tx, id, ['draft'], {
      building: '该发放批次尚未生成完毕，不能作废；请再次提交同月发放以继续生成',
      discarded: '该发放批次已作废',
      otherwise: '该发放批次已审批，不能作废',
    });
    await repo.discardRun(tx, id);
    await writeAudit(tx, {
      action: 'discard',
      entity: 'ui_payment_run',
      entityId: id,
      regionCode: run.regionCode,
      before: { status: run.status, payments: run.payments, totalFen: run.totalFen },
      after: { status: 'discarded', payments: 0, totalFen: 0 },
      reason: reason.trim(),
    });
    return runView(tx, (await repo.findRun(tx, id))!);
  });
}

/** An approved run's spending per claim region: what the fund ledger posts. Empty for a run not approved or out of scope. */
export function approvedRunTotals(ctx: Ctx, runId: string) {
  return repo.approvedRunTotalsByRegion(ctx, runId);
}

/**
 * The bank's payment file of an approved run (finance; 404 outside scope, 409 for a run not yet
 * approved): one line per payment with the claimant's name, full ID number, the amount in fen, the
 * benefit month and the payment's id (the key of the bank's return), the last line the count and
 * total in fen. An export of personal data: each person's access log notes it, the audit records it.
 */
export async function paymentRunBankFile(ctx: Ctx, runId: string): Promise<{ filename: string; csv: string }> {
  requireRole(ctx, 'finance');
  const run = await repo.findRun(ctx, runId);
  if (!run) throw notFound('失业保险金发放批次');
  if (run.status !== 'approved') throw new AppError('CONFLICT', '发放批次审批后才能导出银行代发文件');
  const lines = await repo.bankLines(ctx, runId);
  const header = ['序号', '姓名', '身份证号码', '金额（分）', '待遇月份', '支付编号'];
  // A person paid back months has a line per month: their ID number is opened once.
  const idNumbers = new Map<string, string>();
  const idNumberOf = (l: (typeof lines)[number]) => {
    let id = idNumbers.get(l.personId);
    if (id === undefined) {
      id = l.idNumberSealed ? ctx.sealer.open('idNumber', l.idNumberSealed) : '';
      idNumbers.set(l.personId, id);
    }
    return id;
  };
  const body = lines.map((l, i) => [i + 1, l.name, idNumberOf(l), l.amountFen, l.month, l.id]);
  const total = lines.reduce((sum, l) => sum + l.amountFen, 0);
  await withTransaction(ctx, async (tx) => {
    await writeAudit(tx, {
      action: 'export',
      entity: 'ui_payment_run',
      entityId: runId,
      regionCode: run.regionCode,
      after: { payments: lines.length, totalFen: total },
    });
  });
  noteAccess(
    ctx,
    lines.map((l) => ({ personId: l.personId, regionCode: l.regionCode, action: 'export' as const, rows: lines.length })),
  );
  return {
    filename: `失业保险金银行代发文件-${run.month}-${run.id.slice(0, 8)}.csv`,
    csv: bankFileCsv(header, body, total),
  };
}

export interface BankReturnItem {
  paymentId: string;
  result: 'paid' | 'failed';
  reason?: string | undefined;
}

/**
 * The bank's returns for an approved run (finance), all or nothing: every payment must be one of
 * the run's (400 naming /items/i/paymentId otherwise, nothing changed); a payment with the same
 * result already is unchanged (a return posted twice changes nothing), one with the other result
 * already is a 409. Paid → paid; failed → failed with its reason, no longer counting, so the next
 * run pays that month again (and an exhausted claim is in benefit again until it is paid).
 */
export async function postBankReturns(ctx: Ctx, runId: string, items: BankReturnItem[]) {
  requireRole(ctx, 'finance');
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.paymentId);
    if (first !== undefined)
      errors.push({ path: `/items/${i}/paymentId`, code: 'DUPLICATE_ITEM', message: `与第 ${first + 1} 条的支付编号相同` });
    else seen.set(item.paymentId, i);
    if (item.result === 'failed' && !item.reason?.trim())
      errors.push({ path: `/items/${i}/reason`, code: 'REQUIRED', message: '发放失败须写明银行退回原因' });
  });
  return withTransaction(ctx, async (tx) => {
    const run = await lockRunInStatus(tx, runId, ['approved'], { otherwise: '发放批次审批后才能登记银行回盘' });
    const held = new Map(
      (
        await repo.paymentsOfRun(
          tx,
          runId,
          items.map((i) => i.paymentId),
        )
      ).map((p) => [p.id, p]),
    );
    const conflicts: FieldError[] = [];
    items.forEach((item, i) => {
      const payment = held.get(item.paymentId);
      if (!payment) errors.push({ path: `/items/${i}/paymentId`, code: 'NOT_FOUND', message: '该支付不属于本发放批次' });
      else if (payment.status !== 'approved' && payment.status !== item.result)
        conflicts.push({
          path: `/items/${i}/result`,
          code: 'ALREADY_RETURNED',
          message: `该支付已登记为${payment.status === 'paid' ? '已发放' : '发放失败'}`,
        });
    });
    if (errors.length > 0) {
      errors.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
      throw new AppError(
        'VALIDATION_FAILED',
        `银行回盘有 ${errors.length} 处错误，整批未登记：${errors[0]!.path} ${errors[0]!.message}`,
        errors,
      );
    }
    if (conflicts.length > 0) throw new AppError('CONFLICT', `有 ${conflicts.length} 笔支付已登记为另一结果，整批未登记`, conflicts);
    const fresh = items.filter((item) => held.get(item.paymentId)!.status === 'approved');
    const paid = fresh.filter((i) => i.result === 'paid').map((i) => i.paymentId);
    await repo.setPaymentResult(tx, paid, 'paid', null);
    const failed = fresh.filter((i) => i.result === 'failed');
    for (const item of failed) await repo.setPaymentResult(tx, [item.paymentId], 'failed', item.reason!.trim());
    // What the bank returned is back in the fund (UI-5), booked in the month it came back; the next
    // run pays the month again and spends it anew.
    const returnMonth = shanghaiDateOf(tx.now()).slice(0, 7);
    await postTransfers(
      tx,
      failed.map((item) => {
        const payment = held.get(item.paymentId)!;
        return {
          kind: 'benefit_returned' as const,
          regionCode: payment.regionCode,
          month: returnMonth,
          amountFen: payment.amountFen,
          sourceType: 'ui_payment',
          sourceId: item.paymentId,
          memo: `银行退回：${item.reason!.trim()}`,
        };
      }),
    );
    const reopened = await repo.reopenExhausted(
      tx,
      failed.map((i) => held.get(i.paymentId)!.claimId),
    );
    if (fresh.length > 0)
      await writeAudit(tx, {
        action: 'bank_return',
        entity: 'ui_payment_run',
        entityId: runId,
        regionCode: run.regionCode,
        after: { paid, failed: failed.map((i) => ({ paymentId: i.paymentId, reason: i.reason })) },
      });
    for (const claim of reopened)
      await writeAudit(tx, {
        action: 'reopen',
        entity: 'ui_claim',
        entityId: claim.id,
        regionCode: claim.regionCode,
        before: { status: 'exhausted' },
        after: { status: 'active' },
        reason: `发放批次 ${runId} 的支付被银行退回，待下一批次补发`,
      });
    return { paid: paid.length, failed: failed.length, unchanged: items.length - fresh.length };
  });
}
