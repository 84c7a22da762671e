// Coverage and collection (UI-6, 种子文件 003 §(十五): 扩面、核定、征缴、稽核、清欠; 对少报漏缴、拒不参保缴费的
// 用人单位进行专项监察): employers' enrolments in unemployment insurance, the registered employers
// not enrolled, the enrolled employers whose months are missing or paid below base × rate (the
// rates of 条例第六条 as parameters), and follow-up tasks to enrol an employer or collect arrears.
import crypto from 'node:crypto';
import { writeAudit } from '../../platform/audit.js';
import { addMonths, shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, notFound, validation } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import { paramLookup } from '../../policy/service.js';
import * as employers from '../employers/index.js';
import type { UiFollowUpKind, UiFollowUpStatus } from '../../../shared/labels.js';
import * as repo from './coverageRepo.js';

/** Who reads coverage and arrears: the UI office, finance, leaders and auditors. */
const coverageReaders = ['ui_officer', 'finance', 'leader', 'auditor', 'admin'] as const;

const monthOf = (ctx: Ctx) => shanghaiDateOf(ctx.now()).slice(0, 7);
const shiftMonth = (month: string, n: number) => addMonths(`${month}-01`, n).slice(0, 7);

export interface EnrolmentInput {
  employerId: string;
  sinceMonth: string;
  untilMonth?: string | null | undefined;
}

/** Enrols an employer in scope from a month (409 when an enrolment of it overlaps the period). */
export async function enrolEmployer(ctx: Ctx, input: EnrolmentInput) {
  requireRole(ctx, 'ui_officer');
  const until = input.untilMonth ?? null;
  if (until && until < input.sinceMonth) throw validation('/untilMonth', 'BEFORE_SINCE', '终止月份不能早于起始月份');
  if (input.sinceMonth > monthOf(ctx)) throw validation('/sinceMonth', 'IN_FUTURE', '参保起始月份不能晚于本月');
  return withTransaction(ctx, async (tx) => {
    const employer = await employers.findEmployer(tx, input.employerId);
    if (!employer) throw validation('/employerId', 'NOT_FOUND', '该用人单位不存在或不在您的管辖范围内');
    const clash = await repo.overlappingEnrolments(anywhereCtx(tx), employer.id, input.sinceMonth, until);
    const row = {
      id: crypto.randomUUID(),
      employerId: employer.id,
      regionCode: employer.regionCode,
      sinceMonth: input.sinceMonth,
      untilMonth: until,
      createdBy: tx.actor.username,
      createdAt: tx.now(),
    };
    if (clash.length > 0 || !(await repo.insertEnrolment(tx, row)))
      throw new AppError('CONFLICT', `${employer.name} 已有与此期间重叠的参保登记`, [
        { path: '/sinceMonth', code: 'OVERLAPS', message: '与已有参保期间重叠' },
      ]);
    await writeAudit(tx, { action: 'create', entity: 'ui_enrolment', entityId: row.id, regionCode: row.regionCode, after: row });
    return (await repo.findEnrolment(tx, row.id))!;
  });
}

/** Ends (or reopens, with null) an enrolment in scope. */
export async function setEnrolmentEnd(ctx: Ctx, id: string, untilMonth: string | null) {
  requireRole(ctx, 'ui_officer');
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findEnrolment(tx, id, true);
    if (!row) throw notFound('参保登记');
    if (untilMonth && untilMonth < row.sinceMonth) throw validation('/untilMonth', 'BEFORE_SINCE', '终止月份不能早于起始月份');
    const clash = await repo.overlappingEnrolments(anywhereCtx(tx), row.employerId, row.sinceMonth, untilMonth, row.id);
    if (clash.length > 0)
      throw new AppError('CONFLICT', '与该单位的其他参保期间重叠', [
        { path: '/untilMonth', code: 'OVERLAPS', message: '与已有参保期间重叠' },
      ]);
    await repo.setEnrolmentUntil(tx, id, untilMonth);
    await writeAudit(tx, {
      action: 'update',
      entity: 'ui_enrolment',
      entityId: id,
      regionCode: row.regionCode,
      before: { untilMonth: row.untilMonth },
      after: { untilMonth },
    });
    return (await repo.findEnrolment(tx, id))!;
  });
}

export async function getEnrolment(ctx: Ctx, id: string) {
  requireRole(ctx, ...coverageReaders);
  const row = await repo.findEnrolment(ctx, id);
  if (!row) throw notFound('参保登记');
  return row;
}

export function listEnrolments(ctx: Ctx, filter: { employerId?: string | undefined }, paging: Paging) {
  requireRole(ctx, ...coverageReaders);
  return repo.listEnrolments(ctx, filter, paging);
}

/** Registered employers in scope not enrolled in the month (default this month). */
export function notEnrolled(ctx: Ctx, month: string | undefined, paging: Paging) {
  requireRole(ctx, ...coverageReaders);
  return repo.notEnrolled(ctx, month ?? monthOf(ctx), paging);
}

const rateNames = ['ui.contribution_rate.employer', 'ui.contribution_rate.person'] as const;

/**
 * The combined rate (employer + person, percent) of a region in a month, from the rate parameters
 * read once for the whole report; RULE_VIOLATION where a rate is not set.
 */
function combinedRate(lookup: (name: (typeof rateNames)[number], regionCode: string, date: string) => number | undefined) {
  return (regionCode: string, month: string): number => {
    const [employer, person] = rateNames.map((name) => lookup(name, regionCode, `${month}-01`));
    if (employer === undefined || person === undefined)
      throw new AppError('RULE_VIOLATION', `本地区未设定失业保险费率（${month}），无法计算欠费，请管理员设置`, [
        { path: '/from', code: 'PARAMETER_NOT_SET', message: '未设定参数 ui.contribution_rate.*' },
      ]);
    return employer + person;
  };
}

export interface ArrearsMonth {
  month: string;
  /** missing: nothing declared (base estimated from the last declared month, when any); short: paid below base × rate. */
  status: 'missing' | 'short';
  baseFen: number | null;
  ratePercent: number;
  dueFen: number | null;
  paidFen: number;
  owedFen: number | null;
  estimated: boolean;
}

/**
 * Enrolled employers in scope with arrears in [from, through] (default: the twelve months before
 * this one): each enrolled month without any contribution declared, or whose paid total is below
 * the declared base × (employer rate + person rate) of 条例第六条 as parameters of the employer's
 * region for that month. Largest amount owed first. Computed in memory over the scope's enrolments.
 */
export async function arrears(ctx: Ctx, query: { from?: string | undefined; through?: string | undefined }, paging: Paging) {
  requireRole(ctx, ...coverageReaders);
  const through = query.through ?? shiftMonth(monthOf(ctx), -1);
  const from = query.from ?? shiftMonth(through, -11);
  if (from > through) throw validation('/from', 'AFTER_THROUGH', '起始月份不能晚于截止月份');
  if (through >= monthOf(ctx)) throw validation('/through', 'NOT_DUE', '截止月份须早于本月（本月缴费尚未到期）');
  if (shiftMonth(from, 120) <= through) throw validation('/from', 'RANGE_TOO_LONG', '一次最多查询 120 个月');
  const enrolments = await repo.enrolmentsOverlapping(ctx, from, through);
  const ids = [...new Set(enrolments.map((e) => e.employerId))];
  // Totals of all the employer's insured persons, wherever they live: the employer is in scope.
  const totals = await repo.employerMonthTotals(anywhereCtx(ctx), ids, from, through);
  const lastBase = new Map((await repo.lastBaseBefore(anywhereCtx(ctx), ids, from)).map((r) => [r.employerId, r.baseFen]));
  const byKey = new Map(totals.map((r) => [`${r.employerId}/${r.month}`, r]));
  const rateOf = combinedRate(await paramLookup(ctx.db, rateNames));
  const rows = [];
  for (const e of enrolments) {
    const months: ArrearsMonth[] = [];
    let known = lastBase.get(e.employerId) ?? null;
    const first = e.sinceMonth > from ? e.sinceMonth : from;
    const last = e.untilMonth && e.untilMonth < through ? e.untilMonth : through;
    for (let m = first; m <= last; m = shiftMonth(m, 1)) {
      const rate = rateOf(e.regionCode, m);
      const held = byKey.get(`${e.employerId}/${m}`);
      if (held) {
        known = held.baseFen;
        const due = Math.round((held.baseFen * rate) / 100);
        if (held.paidFen < due)
          months.push({
            month: m,
            status: 'short',
            baseFen: held.baseFen,
            ratePercent: rate,
            dueFen: due,
            paidFen: held.paidFen,
            owedFen: due - held.paidFen,
            estimated: false,
          });
      } else {
        const due = known === null ? null : Math.round((known * rate) / 100);
        months.push({
          month: m,
          status: 'missing',
          baseFen: known,
          ratePercent: rate,
          dueFen: due,
          paidFen: 0,
          owedFen: due,
          estimated: true,
        });
      }
    }
    if (months.length === 0) continue;
    rows.push({
      employerId: e.employerId,
      employerName: e.employerName,
      creditCode: e.creditCode,
      regionCode: e.regionCode,
      enrolmentId: e.id,
      sinceMonth: e.sinceMonth,
      untilMonth: e.untilMonth,
      missingMonths: months.filter((m) => m.status === 'missing').length,
      shortMonths: months.filter((m) => m.status === 'short').length,
      owedFen: months.reduce((sum, m) => sum + (m.owedFen ?? 0), 0),
      months,
    });
  }
  rows.sort(
    (a, b) => b.owedFen - a.owedFen || a.employerName.localeCompare(b.employerName, 'zh') || a.enrolmentId.localeCompare(b.enrolmentId),
  );
  return { from, through, items: rows.slice(paging.offset, paging.offset + paging.limit), total: rows.length };
}

export interface FollowUpInput {
  employerId: string;
  kind: UiFollowUpKind;
  dueDate: string;
  note?: string | undefined;
}

/** A follow-up task on an employer in scope: to enrol it or collect its arrears. */
export async function createFollowUp(ctx: Ctx, input: FollowUpInput) {
  requireRole(ctx, 'ui_officer');
  if (input.dueDate < shanghaiDateOf(ctx.now())) throw validation('/dueDate', 'IN_PAST', '办结期限不能早于今天');
  return withTransaction(ctx, async (tx) => {
    const employer = await employers.findEmployer(tx, input.employerId);
    if (!employer) throw validation('/employerId', 'NOT_FOUND', '该用人单位不存在或不在您的管辖范围内');
    const row = {
      id: crypto.randomUUID(),
      employerId: employer.id,
      regionCode: employer.regionCode,
      kind: input.kind,
      dueDate: input.dueDate,
      note: input.note?.trim() || null,
      status: 'open' as const,
      createdBy: tx.actor.username,
      createdAt: tx.now(),
    };
    await repo.insertFollowUp(tx, row);
    await writeAudit(tx, { action: 'create', entity: 'ui_follow_up', entityId: row.id, regionCode: row.regionCode, after: row });
    return (await repo.findFollowUp(tx, row.id))!;
  });
}

export interface FollowUpChange {
  status?: UiFollowUpStatus | undefined;
  result?: string | undefined;
  dueDate?: string | undefined;
  note?: string | undefined;
}

/** Changes a follow-up in scope: done needs its result; reopening clears who closed it. */
export async function updateFollowUp(ctx: Ctx, id: string, change: FollowUpChange) {
  requireRole(ctx, 'ui_officer');
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findFollowUp(tx, id, true);
    if (!row) throw notFound('跟进任务');
    const status = change.status ?? row.status;
    const result = change.result !== undefined ? change.result.trim() || null : row.result;
    if (status === 'done' && !result) throw validation('/result', 'RESULT_REQUIRED', '办结须填写办理结果');
    const set = {
      status,
      result,
      ...(change.dueDate ? { dueDate: change.dueDate } : {}),
      ...(change.note !== undefined ? { note: change.note.trim() || null } : {}),
      ...(status === 'done' && row.status !== 'done' ? { doneBy: tx.actor.username, doneAt: tx.now() } : {}),
      ...(status === 'open' && row.status === 'done' ? { doneBy: null, doneAt: null } : {}),
    };
    await repo.updateFollowUp(tx, id, set);
    await writeAudit(tx, {
      action: 'update',
      entity: 'ui_follow_up',
      entityId: id,
      regionCode: row.regionCode,
      before: { status: row.status, result: row.result, dueDate: row.dueDate, note: row.note },
      after: set,
    });
    return (await repo.findFollowUp(tx, id))!;
  });
}

export async function getFollowUp(ctx: Ctx, id: string) {
  requireRole(ctx, ...coverageReaders);
  const row = await repo.findFollowUp(ctx, id);
  if (!row) throw notFound('跟进任务');
  return row;
}

export function listFollowUps(ctx: Ctx, filter: repo.FollowUpFilter, paging: Paging) {
  requireRole(ctx, ...coverageReaders);
  return repo.listFollowUps(ctx, filter, paging);
}
