// Unemployment insurance (UI-1, UI-2): contribution records and individual accounts, benefit
// claims decided by the rules of rules.ts and by a second person, and the stop on re-employment
// (UI-3's first part). Payment runs and the fund ledger are to come: they read a claim's start
// month, entitlement, monthly amount, status and stop date.
import crypto from 'node:crypto';
import { noteAccess } from '../../platform/accessLog.js';
import { writeAudit } from '../../platform/audit.js';
import { addMonths, shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, forbidden, notFound, validation, type FieldError } from '../../platform/errors.js';
import type { DomainEvents } from '../../platform/events.js';
import type { Paging } from '../../platform/http.js';
import { resolveParam, type ParamName } from '../../policy/service.js';
import * as employers from '../employers/index.js';
import * as persons from '../persons/index.js';
import * as registrations from '../registrations/index.js';
import type { SeparationReason } from '../../../shared/labels.js';
import * as deferralRepo from './deferralRepo.js';
import * as paymentRunsRepo from './paymentRunsRepo.js';
import { postContributionIncome } from './fund.js';
import * as repo from './repo.js';
import { decideClaim, usedMonths, type ClaimFigures } from './rules.js';
import { staffNamesOf } from './staffNames.js';

/** Who reads contribution accounts and claims: the UI office, its reviewers and finance, leaders and auditors. */
const uiReaders = ['ui_officer', 'reviewer', 'finance', 'leader', 'auditor', 'admin'] as const;

export interface ContributionItem {
  personId: string;
  employerId: string;
  month: string;
  baseFen: number;
  paidFen: number;
}

const keyOf = (i: { personId: string; employerId: string; month: string }) => `${i.personId}/${i.employerId}/${i.month}`;

/**
 * Records contributions (UI-1), all or nothing: every item is checked (its month not in the
 * future, paid within the base, the person in scope, the employer known, no key twice) and any
 * problem, named by its path (/items/3/month), refuses the whole post. Idempotent per (person,
 * employer, month): an item stored already with the same amounts is `unchanged`; with different
 * amounts it is a 409 CONFLICT naming the items (a correction of a stored month is not this call's
 * job: the contribution record is what the tax office collected, corrected at its source).
 */
export async function postContributions(ctx: Ctx, items: ContributionItem[]) {
  requireRole(ctx, 'ui_officer');
  const thisMonth = shanghaiDateOf(ctx.now()).slice(0, 7);
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    if (item.month > thisMonth) errors.push({ path: `/items/${i}/month`, code: 'IN_FUTURE', message: '缴费月份不能晚于本月' });
    if (item.paidFen > item.baseFen)
      errors.push({ path: `/items/${i}/paidFen`, code: 'EXCEEDS_BASE', message: '实缴金额不能大于缴费基数' });
    const first = seen.get(keyOf(item));
    if (first !== undefined)
      errors.push({ path: `/items/${i}`, code: 'DUPLICATE_ITEM', message: `与第 ${first + 1} 条的人员、单位、月份相同` });
    else seen.set(keyOf(item), i);
  });
  return withTransaction(ctx, async (tx) => {
    const personIds = [...new Set(items.map((i) => i.personId))];
    const regionOf = new Map<string, string>();
    for (const id of personIds) {
      const person = await persons.findPerson(tx, id);
      if (person) regionOf.set(id, person.regionCode);
    }
    const employerIds = [...new Set(items.map((i) => i.employerId))];
    const knownEmployers = new Set<string>();
    for (const id of employerIds) if (await employers.findEmployer(anywhereCtx(tx), id)) knownEmployers.add(id);
    items.forEach((item, i) => {
      if (!regionOf.has(item.personId))
        errors.push({ path: `/items/${i}/personId`, code: 'NOT_FOUND', message: '该人员不存在或不在您的管辖范围内' });
      if (!knownEmployers.has(item.employerId))
        errors.push({ path: `/items/${i}/employerId`, code: 'NOT_FOUND', message: '该用人单位不存在' });
    });
    if (errors.length > 0) {
      errors.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
      throw new AppError(
        'VALIDATION_FAILED',
        `缴费记录有 ${errors.length} 处错误，整批未保存：${errors[0]!.path} ${errors[0]!.message}`,
        errors,
      );
    }
    const { inserted, unchanged } = await storeContributions(
      tx,
      items.map((item) => ({ ...item, regionCode: regionOf.get(item.personId)! })),
      { pathOf: (i) => `/items/${i}/paidFen`, auditEach: true },
    );
    return { inserted, unchanged };
  });
}

/** A checked contribution row with its person's region, ready to store. */
export interface ContributionToStore extends ContributionItem {
  regionCode: string;
}

/**
 * Stores checked contribution rows in the caller's transaction (UI-1), shared by the JSON post and
 * the collector's file import: a row whose key is stored with the same amounts is `unchanged`, one
 * stored with other amounts refuses all rows (409 CONFLICT, each named by `pathOf` its index), and so
 * does one whose key a file import still being written holds (it may yet be applied or discarded).
 * The others are inserted and the fund ledger posts their income in this same transaction (UI-5);
 * rows of an `importBatch` stay invisible and post nothing here: the import posts the whole file's
 * income when it applies the batch. `auditEach` writes an audit row per person (the JSON post); the
 * import writes its own. Answers the counts and the rows inserted.
 */
export async function storeContributions(
  tx: Ctx,
  rows: ContributionToStore[],
  options: { pathOf(index: number): string; auditEach: boolean; importBatch?: string },
): Promise<{ inserted: number; unchanged: number; insertedRows: ContributionToStore[] }> {
  const personIds = [...new Set(rows.map((r) => r.personId))];
  const stored = async () => new Map((await repo.contributionsOf(tx, personIds)).map((r) => [keyOf(r), r]));
  const clashes = (known: Map<string, { baseFen: number; paidFen: number; pending: boolean }>): FieldError[] =>
    rows.flatMap((item, i) => {
      const held = known.get(keyOf(item));
      if (!held) return [];
      if (held.pending)
        return [
          { path: options.pathOf(i), code: 'IMPORT_PENDING', message: `${item.month} 的缴费记录正由另一次征缴文件导入写入，尚未完成` },
        ];
      return held.baseFen !== item.baseFen || held.paidFen !== item.paidFen
        ? [
            {
              path: options.pathOf(i),
              code: 'AMOUNT_DIFFERS',
              message: `${item.month} 已记录缴费基数 ${held.baseFen} 分、实缴 ${held.paidFen} 分，与本次不同`,
            },
          ]
        : [];
    });
  const conflict = (found: FieldError[]) =>
    new AppError(
      'CONFLICT',
      found.some((f) => f.code === 'IMPORT_PENDING')
        ? `有 ${found.length} 条缴费记录正由另一次征缴文件导入写入或与已记录的金额不同，整批未保存；请待该导入完成后重试`
        : `有 ${found.length} 条缴费记录与已记录的金额不同，整批未保存；已记录的月份不能用此接口更改`,
      found,
    );
  const known = await stored();
  const clash = clashes(known);
  if (clash.length > 0) throw conflict(clash);
  const fresh = rows.filter((item) => !known.has(keyOf(item)));
  const inserted = await repo.insertContributions(
    tx,
    fresh.map((item) => ({
      id: crypto.randomUUID(),
      ...item,
      createdBy: tx.actor.username,
      createdAt: tx.now(),
      importBatch: options.importBatch ?? null,
    })),
  );
  if (inserted.size < fresh.length) {
    // Another post or import stored some of these keys meanwhile: equal amounts applied are
    // unchanged; other amounts, or keys of an import not yet applied, a conflict.
    const late = clashes(await stored());
    if (late.length > 0) throw conflict(late);
  }
  const insertedRows = rows.filter((item) => inserted.has(keyOf(item)));
  if (options.auditEach) {
    const byPerson = new Map<string, ContributionToStore[]>();
    for (const row of insertedRows) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row]);
    for (const [personId, months] of byPerson)
      await writeAudit(tx, {
        action: 'create',
        entity: 'ui_contribution',
        entityId: personId,
        regionCode: months[0]!.regionCode,
        after: { months: months.map(({ employerId, month, baseFen, paidFen }) => ({ employerId, month, baseFen, paidFen })) },
      });
  }
  if (!options.importBatch) await postContributionIncome(tx, insertedRows);
  return { inserted: inserted.size, unchanged: rows.length - inserted.size, insertedRows };
}

/**
 * A person's individual account (UI-1): every month from the first contribution to the last, a
 * month without a paid contribution shown as a gap, each month marked with the claim that counted it.
 */
export async function uiAccountOf(ctx: Ctx, personId: string) {
  requireRole(ctx, ...uiReaders);
  const person = await persons.findPerson(ctx, personId);
  if (!person) throw notFound('人员');
  noteAccess(ctx, [{ personId, regionCode: person.regionCode, action: 'view' }]);
  const paid = await repo.paidMonthsOf(ctx, personId);
  const claims = await repo.countingClaimsOf(ctx, personId);
  const claimOf = (month: string) => claims.find((c) => month <= c.countedThrough)?.id ?? null;
  const byMonth = new Map(paid.map((p) => [p.month, p]));
  const months: {
    month: string;
    contributed: boolean;
    paidFen: number;
    baseFen: number;
    employerIds: string[];
    usedByClaimId: string | null;
  }[] = [];
  if (paid.length > 0) {
    const last = paid.at(-1)!.month;
    for (let m = paid[0]!.month; m <= last; m = nextMonthOf(m)) {
      const row = byMonth.get(m);
      months.push({
        month: m,
        contributed: row !== undefined,
        paidFen: row?.paidFen ?? 0,
        baseFen: row?.baseFen ?? 0,
        employerIds: row?.employerIds ?? [],
        usedByClaimId: row ? claimOf(m) : null,
      });
    }
  }
  return {
    personId,
    contributionMonths: paid.length,
    since: paid[0]?.month ?? null,
    unusedMonths: months.filter((m) => m.contributed && m.usedByClaimId === null).length,
    months,
  };
}

function nextMonthOf(month: string): string {
  return addMonths(`${month}-01`, 1).slice(0, 7);
}

/** A parameter's value and source as of a date, or a RULE_VIOLATION naming it where the region has none. */
async function figure(ctx: Ctx, name: ParamName, regionCode: string, date: string) {
  try {
    const p = await resolveParam(ctx.db, name, regionCode, date);
    return { value: p.value, source: p.source };
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND')
      throw new AppError('RULE_VIOLATION', `本地区未设定政策参数 ${name}（${date}），无法核定失业保险待遇，请管理员设置`, [
        { path: '/separationDate', code: 'PARAMETER_NOT_SET', message: `未设定参数 ${name}` },
      ]);
    throw err;
  }
}

export interface ClaimInput {
  personId: string;
  separationDate: string;
  separationReason: SeparationReason;
}

/** A person as the claim's assessment needs it (from persons' findPerson or lockPerson). */
interface Claimant {
  id: string;
  name: string;
  regionCode: string;
}

/**
 * The claim's assessment (UI-2), shared by the dry run and the taking of a claim: the conditions of
 * 条例第十四条 as of today, the entitlement from the contribution months up to the separation month
 * not counted by an earlier claim plus that claim's unused months (第十七条, capped), the amount by
 * the region's parameters as of the separation (第十八条). One pending or active claim per person
 * (409). `failed` names every rule that failed (an entitlement of 0 months without any failed
 * condition too), empty when eligible.
 */
async function assessFor(tx: Ctx, person: Claimant, input: ClaimInput, today: string) {
  const claims = await repo.countingClaimsOf(anywhereCtx(tx), person.id);
  const open = claims.find((c) => c.status === 'pending' || c.status === 'active');
  if (open)
    throw new AppError(
      'CONFLICT',
      `${person.name} 已有${open.status === 'pending' ? '待审核' : '享受待遇中'}的失业保险金申领（${open.id}）`,
      [{ path: '/personId', code: 'OPEN_CLAIM', message: '已有未终结的申领' }],
    );
  const earlier = claims.at(-1);
  const separationMonth = input.separationDate.slice(0, 7);
  const paid = await repo.paidMonthsOf(anywhereCtx(tx), person.id, separationMonth);
  const counted = paid.filter((p) => !earlier || p.month > earlier.countedThrough).length;
  const carried = earlier ? Math.max(0, earlier.entitlementMonths - usedMonths(earlier)) : 0;
  const status = await registrations.statusAsOf(tx, person.id, today);
  const region = person.regionCode;
  const at = input.separationDate;
  const [minContribution, maxEntitlement, rate, minimumWage, livingAllowance] = [
    await figure(tx, 'ui.min_contribution_months', region, at),
    await figure(tx, 'ui.max_entitlement_months', region, at),
    await figure(tx, 'ui.benefit_rate_of_min_wage', region, at),
    await figure(tx, 'minimum_wage.monthly', region, at),
    await figure(tx, 'minimum_living_allowance.monthly', region, at),
  ];
  const figures: ClaimFigures = {
    minContributionMonths: minContribution.value,
    maxEntitlementMonths: maxEntitlement.value,
    benefitRatePercent: rate.value,
    minimumWageFen: minimumWage.value,
    livingAllowanceFen: livingAllowance.value,
    sources: {
      minContribution: minContribution.source,
      maxEntitlement: maxEntitlement.source,
      rate: rate.source,
      minimumWage: minimumWage.source,
      livingAllowance: livingAllowance.source,
    },
  };
  const decision = decideClaim(
    {
      separationDate: input.separationDate,
      separationReason: input.separationReason,
      countedMonths: counted,
      carriedMonths: carried,
      employmentStatus: status.employmentStatus,
      statusSince: status.statusSince,
      jobSeeking: status.jobSeeking,
    },
    figures,
  );
  const failed =
    decision.eligible || decision.failed.length > 0
      ? decision.failed
      : [{ rule: 'entitlement', path: '/personId', detail: '领取期限为 0 个月', source: '' }];
  return { decision: { ...decision, failed }, counted, carried, earlier, separationMonth };
}

function notInFuture(ctx: Ctx, input: ClaimInput): string {
  const today = shanghaiDateOf(ctx.now());
  if (input.separationDate > today) throw validation('/separationDate', 'IN_FUTURE', '离职日期不能晚于今天');
  return today;
}

/**
 * The dry run of a claim (UI-2): the decision that taking it now would give, with every rule's
 * finding and the failed ones, so the clerk sees it before saving. Stores nothing. A person out of
 * scope is a 404; an open claim a 409, as taking it would be.
 */
export async function assessClaim(ctx: Ctx, input: ClaimInput) {
  requireRole(ctx, 'ui_officer');
  const today = notInFuture(ctx, input);
  return withTransaction(ctx, async (tx) => {
    const person = await persons.findPerson(tx, input.personId);
    if (!person) throw notFound('人员');
    noteAccess(tx, [{ personId: person.id, regionCode: person.regionCode, action: 'view' }]);
    const { decision, counted, carried } = await assessFor(tx, person, input, today);
    return {
      eligible: decision.eligible,
      entitlementMonths: decision.entitlementMonths,
      monthlyAmountFen: decision.monthlyAmountFen,
      startMonth: decision.startMonth,
      contributionMonths: counted,
      carriedMonths: carried,
      reasons: decision.reasons,
      failed: decision.failed,
    };
  });
}

/**
 * Takes a claim (UI-2) as assessed by `assessFor`. Ineligible: 422 RULE_VIOLATION naming every
 * failed rule, nothing stored. One pending or active claim per person (409).
 */
export async function takeClaim(ctx: Ctx, input: ClaimInput) {
  requireRole(ctx, 'ui_officer');
  const today = notInFuture(ctx, input);
  return withTransaction(ctx, async (tx) => {
    // The person's row is locked, so two claims taken at once for one person are taken one after the other.
    const person = await persons.lockPerson(tx, input.personId);
    if (!person) throw validation('/personId', 'NOT_FOUND', '该人员不存在或不在您的管辖范围内');
    const { decision, counted, carried, earlier, separationMonth } = await assessFor(tx, person, input, today);
    if (!decision.eligible) {
      const failed = decision.failed;
      throw new AppError(
        'RULE_VIOLATION',
        `不符合领取失业保险金条件：${failed.map((f) => `${f.detail}（${f.rule}：${f.source}）`).join('；')}`,
        failed.map((f) => ({ path: f.path, code: f.rule, message: f.detail })),
        { eligible: false, reasons: decision.reasons },
      );
    }
    const row = {
      id: crypto.randomUUID(),
      personId: person.id,
      regionCode: person.regionCode,
      separationDate: input.separationDate,
      separationReason: input.separationReason,
      status: 'pending' as const,
      contributionMonths: counted,
      countedThrough: separationMonth,
      earlierClaimId: carried > 0 && earlier ? earlier.id : null,
      carriedMonths: carried,
      entitlementMonths: decision.entitlementMonths,
      monthlyAmountFen: decision.monthlyAmountFen,
      startMonth: decision.startMonth,
      reasons: decision.reasons,
      takenBy: tx.actor.username,
      takenAt: tx.now(),
    };
    await repo.insertClaim(tx, row);
    await writeAudit(tx, { action: 'apply', entity: 'ui_claim', entityId: row.id, regionCode: row.regionCode, after: row });
    return claimView(tx, (await repo.findClaim(tx, row.id))!);
  });
}

/**
 * The claim as the API shows it: with its person's name and its payments (UI-3: those of payment
 * runs, not those the bank returned unpaid, which are `returnedPayments` with the bank's reason, so
 * a clerk sees a returned month and its re-payment); `paidMonths` counts the approved and paid ones;
 * `deferral` is its deferral agreement (缓发协议, deferral.ts) or null.
 */
async function claimView(ctx: Ctx, row: repo.ClaimRow) {
  const payments = await paymentRunsRepo.claimPayments(ctx, row.id);
  const returnedPayments = await paymentRunsRepo.returnedClaimPayments(ctx, row.id);
  const deferral = await deferralRepo.deferralOf(ctx, row.id);
  const nameOf = await staffNamesOf(ctx, [row.takenBy, row.decidedBy]);
  return {
    ...row,
    personName: await repo.personNameOf(ctx, row.personId),
    takenByName: nameOf(row.takenBy)!,
    decidedByName: nameOf(row.decidedBy),
    eligible: true,
    paidMonths: payments.filter((p) => p.status === 'approved' || p.status === 'paid').length,
    payments,
    returnedPayments,
    deferral: deferral
      ? {
          id: deferral.id,
          signedOn: deferral.signedOn,
          entitlementMonths: deferral.entitlementMonths,
          paidMonths: deferral.paidMonths,
          keptMonths: deferral.keptMonths,
          note: deferral.note,
          createdBy: deferral.createdBy,
          createdAt: deferral.createdAt,
        }
      : null,
  };
}

/** A claim in scope (a look at the claimant's data, logged). */
export async function getClaim(ctx: Ctx, id: string) {
  requireRole(ctx, ...uiReaders);
  const row = await repo.findClaim(ctx, id);
  if (!row) throw notFound('失业保险金申领');
  noteAccess(ctx, [{ personId: row.personId, regionCode: row.regionCode, action: 'view' }]);
  return claimView(ctx, row);
}

/**
 * Claims in scope with the names of the staff who took and decided them; `mine` (UI-4) is the
 * claims whose caseworker is the caller.
 */
export async function listClaims(ctx: Ctx, filter: repo.ClaimFilter & { mine?: boolean | undefined }, paging: Paging) {
  requireRole(ctx, ...uiReaders);
  const { mine, ...rest } = filter;
  const caseworkerId = mine ? (ctx.actor.id ?? '00000000-0000-0000-0000-000000000000') : rest.caseworkerId;
  const { items, total } = await repo.listClaims(ctx, { ...rest, caseworkerId }, paging);
  const nameOf = await staffNamesOf(
    ctx,
    items.flatMap((c) => [c.takenBy, c.decidedBy]),
  );
  return { items: items.map((c) => ({ ...c, takenByName: nameOf(c.takenBy)!, decidedByName: nameOf(c.decidedBy) })), total };
}

/** Approves (active) or rejects a pending claim: a reviewer who did not take it (four eyes, 403). */
export async function decideOnClaim(ctx: Ctx, id: string, decision: 'approve' | 'reject', comment: string) {
  requireRole(ctx, 'reviewer');
  return withTransaction(ctx, async (tx) => {
    const row = await repo.findClaim(tx, id, true);
    if (!row) throw notFound('失业保险金申领');
    if (row.takenBy === tx.actor.username) throw forbidden('失业保险金申领须由受理人以外的审核人员审核（双人复核）');
    if (row.status !== 'pending') throw new AppError('CONFLICT', `该申领已不在待审核状态（${row.status}），不能再次审核`);
    const status = decision === 'approve' ? 'active' : 'rejected';
    await repo.setDecision(tx, id, status, comment);
    await writeAudit(tx, {
      action: decision,
      entity: 'ui_claim',
      entityId: id,
      regionCode: row.regionCode,
      before: { status: row.status },
      after: { status },
      reason: comment,
    });
    return claimView(tx, (await repo.findClaim(tx, id))!);
  });
}

/**
 * Reaction to `registration.appended` (条例第十五条第（一）项: 重新就业的，停止领取失业保险金): an
 * employment registration dated on or after the separation stops the person's pending or active
 * claim in the same transaction, stopped on the registration's date.
 */
export async function onRegistrationAppended(ctx: Ctx, event: DomainEvents['registration.appended']): Promise<void> {
  if (event.type !== 'employment') return;
  const open = await repo.openClaimsOf(ctx, event.personId);
  for (const claim of open) {
    if (event.date < claim.separationDate) continue;
    await repo.stopClaim(ctx, claim.id, event.date, 're_employed');
    await writeAudit(ctx, {
      action: 'stop',
      entity: 'ui_claim',
      entityId: claim.id,
      regionCode: claim.regionCode,
      before: { status: claim.status },
      after: { status: 'stopped', stoppedOn: event.date, stopReason: 're_employed' },
      reason: `${event.date} 登记就业，重新就业的停止领取失业保险金（条例第十五条第（一）项）`,
    });
  }
}
