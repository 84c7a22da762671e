// Subsidies paid exactly once (AID-8): an application of a type for a beneficiary and period is
// decided by its rule (422 RULE_VIOLATION naming it), held once by a unique key (409 for the same
// type, beneficiary and period unless rejected, concurrent applications included), decided by a
// second person (403 for the one who applied), and paid by a run that works in short
// transactions: each chunk inserts one payment per subsidy under a unique key, so two concurrent
// runs, a retry or a rerun after a crash never pay a subsidy twice, and a rerun pays what is left.
import crypto from 'node:crypto';
import { and, eq, lte, ne, sql } from 'drizzle-orm';
import { hardToEmployRecognitions, subsidies } from '../../db/schema.js';
import { writeAudit } from '../../platform/audit.js';
import { bankFileCsv } from '../../platform/bankFile.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, forbidden, notFound, validation } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import { resolveParam } from '../../policy/service.js';
import * as certificates from '../certificates/index.js';
import { withEntrantNames } from '../staff/index.js';
import { noteAccess } from '../../platform/accessLog.js';
import * as persons from '../persons/index.js';
import * as registrations from '../registrations/index.js';
import * as postsRepo from './postsRepo.js';
import { addDays, daysBetween, daysInMonth, monthBounds } from './postsRules.js';
import * as repo from './subsidyRepo.js';
import { decideSubsidy, subsidyTypes, type SubsidyType } from './subsidyRules.js';

export interface SubsidyInput {
  type: SubsidyType;
  period: string;
  personId?: string | undefined;
  employerId?: string | undefined;
  regionCode?: string | undefined;
  /** job_creation: facts the applicant declares from the contract and the insurance record. */
  contractYears?: number | undefined;
  insurancePaid?: boolean | undefined;
}

/** A parameter's value and source, or a RULE_VIOLATION naming it where the region has none. */
async function figure(ctx: Ctx, name: Parameters<typeof resolveParam>[1], regionCode: string, date: string) {
  try {
    return await resolveParam(ctx.db, name, regionCode, date);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND')
      throw new AppError('RULE_VIOLATION', `本地区未设定政策参数 ${name}（${date}），无法计算补贴金额，请管理员设置`, [
        { path: '/type', code: 'PARAMETER_NOT_SET', message: `未设定参数 ${name}` },
      ]);
    throw err;
  }
}

/**
 * Whether the person was a recognised hard-to-employ person when hired: a recognition in force the
 * day before the employment began (an employment ends the recognitions resting on unemployment, so
 * "in force now" would never hold for the people these subsidies are for).
 */
async function recognisedWhenHired(ctx: Ctx, personId: string, hiredOn: string | null): Promise<boolean> {
  if (!hiredOn) return false;
  const r = hardToEmployRecognitions;
  const dayBefore = addDays(hiredOn, -1);
  const [row] = await anywhereCtx(ctx)
    .db.select({ id: r.id })
    .from(r)
    .where(
      and(
        eq(r.personId, personId),
        lte(r.recognisedOn, dayBefore),
        sql`(${r.revokedOn} IS NULL OR ${r.revokedOn} > ${dayBefore}::date)`,
        sql`(${r.validUntil} IS NULL OR ${r.validUntil} >= ${dayBefore}::date)`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Applies for a subsidy: the rule of its type decides eligibility and amount as of the period. */
export async function applyForSubsidy(ctx: Ctx, input: SubsidyInput) {
  requireRole(ctx, 'clerk');
  const definition = subsidyTypes[input.type];
  const today = shanghaiDateOf(ctx.now());
  if (input.period > today.slice(0, 7)) throw validation('/period', 'IN_FUTURE', '补贴所属期不能晚于本月');
  if (!input.personId) throw validation('/personId', 'REQUIRED', `${definition.name}须指明享受补贴的人员`);
  if (definition.needsEmployer && !input.employerId) throw validation('/employerId', 'REQUIRED', `${definition.name}须指明安置单位`);
  const { first, last } = monthBounds(input.period);
  return withTransaction(ctx, async (tx) => {
    const person = await persons.findPerson(tx, input.personId!);
    if (!person) throw validation('/personId', 'NOT_FOUND', '该人员不存在或不在您的管辖范围内');
    const beneficiaryKey = input.employerId ? `e:${input.employerId}/p:${person.id}` : `p:${person.id}`;
    const [held] = await tx.db
      .select({ id: subsidies.id, status: subsidies.status })
      .from(subsidies)
      .where(
        and(
          eq(subsidies.type, input.type),
          eq(subsidies.beneficiaryKey, beneficiaryKey),
          eq(subsidies.period, input.period),
          ne(subsidies.status, 'rejected'),
        ),
      );
    if (held)
      throw new AppError('CONFLICT', `${person.name} ${input.period} 的${definition.name}已有申请（${held.id}），同一补贴每期只能享受一次`);
    // The facts of the period: time on posts, a recognition in force and the status at the month's end.
    const placements = await postsRepo.placementsInMonth(anywhereCtx(tx), first, last, person.id);
    const postDays = placements.reduce((sum, p) => sum + daysInMonth(p, input.period), 0);
    const status = await registrations.statusAsOf(tx, person.id, last < today ? last : today);
    const amount = await figure(tx, definition.amountParam, person.regionCode, last);
    const minContract =
      input.type === 'job_creation' ? await figure(tx, 'job_creation_subsidy.min_contract', person.regionCode, last) : undefined;
    const decision = decideSubsidy(
      input.type,
      {
        period: input.period,
        postDays,
        postName: placements[0]?.postName ?? null,
        monthDays: daysBetween(first, last),
        recognised: await recognisedWhenHired(tx, person.id, status.employmentStatus === 'employed' ? status.statusSince : null),
        employmentStatus: status.employmentStatus,
        statusSince: status.statusSince,
        contractYears: input.contractYears,
        insurancePaid: input.insurancePaid,
      },
      { amountFen: amount.value, amountSource: `参数 ${definition.amountParam}：${amount.source}`, minContractYears: minContract?.value },
    );
    if (!decision.eligible) {
      const failed = decision.reasons.at(-1)!;
      throw new AppError('RULE_VIOLATION', `不符合${definition.name}条件：${failed.detail}（${failed.source}）`, [
        { path: '/type', code: failed.rule, message: failed.detail },
      ]);
    }
    const row = {
      id: crypto.randomUUID(),
      type: input.type,
      period: input.period,
      personId: person.id,
      employerId: input.employerId ?? null,
      regionCode: person.regionCode,
      beneficiaryKey,
      amountFen: decision.amountFen,
      status: 'applied' as const,
      reasons: decision.reasons,
      declared: input.type === 'job_creation' ? { contractYears: input.contractYears, insurancePaid: input.insurancePaid } : {},
      budgetLine: definition.budgetLine,
      appliedBy: tx.actor.username,
      appliedAt: tx.now(),
    };
    await repo.insertSubsidy(tx, row);
    await writeAudit(tx, { action: 'apply', entity: 'subsidy', entityId: row.id, regionCode: row.regionCode, after: row });
    return getSubsidy(tx, row.id);
  });
}

/** The names of the staff who applied for and decided on subsidies (the page shows names, not usernames). */
async function withStaffNames<T extends { appliedBy: string; decidedBy: string | null }>(ctx: Ctx, rows: T[]) {
  const applied = await withEntrantNames(
    ctx,
    rows.map((r) => ({ createdBy: r.appliedBy })),
  );
  const decided = await withEntrantNames(
    ctx,
    rows.map((r) => ({ createdBy: r.decidedBy ?? '' })),
  );
  return rows.map((r, i) => ({
    ...r,
    appliedByName: applied[i]!.createdByName,
    decidedByName: r.decidedBy ? decided[i]!.createdByName : null,
  }));
}

/** A subsidy in scope with the names of its beneficiary, its applicant and decider, and its payments. */
export async function getSubsidy(ctx: Ctx, id: string) {
  const row = await repo.findSubsidy(ctx, id);
  if (!row) throw notFound('补贴申请');
  const [named] = await withStaffNames(ctx, [row]);
  return { ...named!, ...(await repo.namesOf(ctx, row)), payments: await repo.paymentsOf(ctx, id) };
}

export async function listSubsidies(ctx: Ctx, filter: repo.SubsidyFilter, paging: Paging) {
  const { items, total } = await repo.listSubsidies(ctx, filter, paging);
  return { items: await withStaffNames(ctx, items), total };
}

/**
 * The bank's payment file of a run (finance; 404 outside scope): one line per payment with the
 * person's name, full ID number and the amount in fen, the last line the count and the total in
 * fen. The ledger holds no bank account numbers, so the bank pays by ID number (社会保障卡). An
 * export of personal data: each person's access log notes it, and the audit records the export.
 */
export async function subsidyRunBankFile(ctx: Ctx, runId: string): Promise<{ filename: string; csv: string }> {
  requireRole(ctx, 'finance');
  const run = await repo.findRun(ctx, runId);
  if (!run) throw notFound('补贴发放批次');
  const lines = await repo.runPaymentLines(ctx, runId);
  const header = ['序号', '姓名', '身份证号码', '金额（分）', '补贴类型', '所属期', '资金科目'];
  const body = lines.map((l, i) => [
    i + 1,
    l.name ?? '',
    l.idNumberSealed ? ctx.sealer.open('idNumber', l.idNumberSealed) : '',
    l.amountFen,
    subsidyTypes[l.type].name,
    l.period,
    l.budgetLine,
  ]);
  const total = lines.reduce((sum, l) => sum + l.amountFen, 0);
  await withTransaction(ctx, async (tx) => {
    await writeAudit(tx, {
      action: 'export',
      entity: 'subsidy_run',
      entityId: runId,
      regionCode: run.regionCode,
      after: { payments: lines.length, totalFen: total },
    });
  });
  noteAccess(
    ctx,
    lines
      .filter((l) => l.personId !== null)
      .map((l) => ({ personId: l.personId!, regionCode: l.regionCode, action: 'export' as const, rows: lines.length })),
  );
  return {
    filename: `补贴发放银行文件-${run.period}-${run.id.slice(0, 8)}.csv`,
    csv: bankFileCsv(header, body, total),
  };
}

/** Approves or rejects an application: a reviewer who did not apply for it (four eyes). */
export async function decideOnSubsidy(ctx: Ctx, id: string, decision: 'approve' | 'reject', comment: string) {
  requireRole(ctx, 'reviewer');
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findSubsidy(tx, id, true);
    if (!row) throw notFound('补贴申请');
    if (row.appliedBy === tx.actor.username) throw forbidden('补贴须由申请人以外的审核人员审批（双人复核）');
    if (row.status !== 'applied') throw new AppError('CONFLICT', `该申请已${row.status === 'rejected' ? '驳回' : '审批'}，不能再次审批`);
    const status = decision === 'approve' ? 'approved' : 'rejected';
    await repo.setDecision(tx, id, status, comment);
    await writeAudit(tx, {
      action: decision,
      entity: 'subsidy',
      entityId: id,
      regionCode: row.regionCode,
      before: { status: row.status },
      after: { status },
      reason: comment,
    });
    return getSubsidy(tx, id);
  });
}

/** Subsidies paid per transaction: a chunk holds PGlite's one connection for a few milliseconds. */
const runChunk = 200;

/**
 * Pays every approved, unpaid subsidy of the period in the finance officer's scope, once ever:
 * chunk by chunk, each its own short transaction, each payment under the unique key of its subsidy.
 */
export async function runSubsidies(ctx: Ctx, period: string) {
  requireRole(ctx, 'finance');
  const today = shanghaiDateOf(ctx.now());
  if (period > today.slice(0, 7)) throw validation('/period', 'IN_FUTURE', '发放所属期不能晚于本月');
  const run = {
    id: crypto.randomUUID(),
    period,
    regionCode: ctx.actor.scope.padEnd(12, '0').slice(0, 12),
    createdBy: ctx.actor.username,
    createdAt: ctx.now(),
  };
  await withTransaction(ctx, async (tx) => {
    await repo.insertRun(tx, run);
    await writeAudit(tx, { action: 'create', entity: 'subsidy_run', entityId: run.id, regionCode: run.regionCode, after: run });
  });
  for (;;) {
    const done = await withTransaction(ctx, async (tx) => {
      const due = await repo.unpaidApproved(tx, period, runChunk);
      if (due.length === 0) return true;
      const paid = new Set(await repo.insertPayments(tx, run.id, due));
      // The policy each person beneficiary enjoyed, recorded by the certificates module in this
      // transaction (AID-5); once per subsidy, so a rerun or a concurrent run adds nothing.
      await certificates.recordPoliciesEnjoyed(
        tx,
        due
          .filter((s) => paid.has(s.id) && s.personId !== null)
          .map((s) => ({
            personId: s.personId!,
            regionCode: s.regionCode,
            policyType: `subsidy.${s.type}` as const,
            date: today,
            amountFen: s.amountFen,
            sourceType: 'subsidy',
            sourceId: s.id,
          })),
      );
      return false;
    });
    if (done) break;
  }
  const totals = await repo.runTotals(ctx, run.id);
  await withTransaction(ctx, async (tx) => {
    await repo.finishRun(tx, run.id);
    await writeAudit(tx, { action: 'pay', entity: 'subsidy_run', entityId: run.id, regionCode: run.regionCode, after: totals });
  });
  return { id: run.id, period, ...totals };
}
