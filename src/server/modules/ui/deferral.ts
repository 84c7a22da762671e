// Deferral agreements (缓发协议; seed 002 §(八): 已就业在领失业金人员签订缓发协议率达100%; UI-2): a
// claimant re-employed while receiving benefit (the claim stopped by an employment registration,
// service.ts onRegistrationAppended) signs that the unused entitlement is kept (失业保险金缓领).
// The months kept are computed here from the claim (entitlement less the months paid), never typed.
//
// The agreement does not change what a later claim carries: assessFor (service.ts) adds the earlier
// claim's unused months by rules.ts `usedMonths` (the months from its first benefit month to the
// stop, 条例第十七条: 与前次失业应领取而尚未领取的失业保险金的期限合并计算) for every claim
// stopped after a decision, with or without an agreement. The agreement is the signed record of that
// figure as of signing; it equals the carry once the months before the stop are paid (a payment
// run still owing one of them makes `paidMonths` smaller and `keptMonths` larger until it is paid).
import crypto from 'node:crypto';
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, notFound, validation } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import { resolveParam } from '../../policy/service.js';
import * as regions from '../regions/index.js';
import { inScope, isRegionCode, padRegionCode, scopeOf } from '../../../shared/region.js';
import * as deferralRepo from './deferralRepo.js';
import * as paymentRunsRepo from './paymentRunsRepo.js';
import * as repo from './repo.js';
import { getClaim } from './service.js';

const readers = ['ui_officer', 'reviewer', 'finance', 'leader', 'auditor', 'admin'] as const;

export interface DeferralInput {
  signedOn: string;
  note?: string | undefined;
}

/**
 * Records the deferral agreement of a claim in scope (ui_officer): only a claim stopped by
 * re-employment after it was approved (422 otherwise), signed on or after the stop and not in the
 * future (400), one per claim (409). Audited, one transaction.
 */
export async function signDeferral(ctx: Ctx, claimId: string, input: DeferralInput) {
  requireRole(ctx, 'ui_officer');
  const today = shanghaiDateOf(ctx.now());
  if (input.signedOn > today) throw validation('/signedOn', 'IN_FUTURE', '签订日期不能晚于今天');
  return withTransaction(ctx, async (tx) => {
    const claim = await repo.findClaim(tx, claimId, true);
    if (!claim) throw notFound('失业保险金申领');
    if (claim.status !== 'stopped' || claim.stopReason !== 're_employed' || !claim.stoppedOn)
      throw new AppError('RULE_VIOLATION', '只有在领取失业保险金期间重新就业而停发的申领才能签订缓发协议，该申领不是因重新就业停发的', [
        { path: '/claimId', code: 'NOT_STOPPED_BY_REEMPLOYMENT', message: '申领未因重新就业停发' },
      ]);
    if (claim.decidedBy === null)
      throw new AppError('RULE_VIOLATION', '该申领在审核前已停发，申领人未曾领取失业保险金，无须签订缓发协议', [
        { path: '/claimId', code: 'NEVER_IN_BENEFIT', message: '未曾享受待遇' },
      ]);
    if (input.signedOn < claim.stoppedOn) throw validation('/signedOn', 'BEFORE_STOP', `签订日期不能早于停发日期 ${claim.stoppedOn}`);
    const payments = await paymentRunsRepo.claimPayments(tx, claim.id);
    const paidMonths = payments.filter((p) => p.status === 'approved' || p.status === 'paid').length;
    const row: deferralRepo.DeferralRow = {
      id: crypto.randomUUID(),
      claimId: claim.id,
      personId: claim.personId,
      regionCode: claim.regionCode,
      signedOn: input.signedOn,
      entitlementMonths: claim.entitlementMonths,
      paidMonths,
      keptMonths: Math.max(0, claim.entitlementMonths - paidMonths),
      note: input.note?.trim() || null,
      createdBy: tx.actor.username,
      createdAt: tx.now(),
    };
    if (!(await deferralRepo.insertDeferral(tx, row))) throw new AppError('CONFLICT', '该申领已签订缓发协议');
    await writeAudit(tx, {
      action: 'sign',
      entity: 'ui_deferral_agreement',
      entityId: row.id,
      regionCode: row.regionCode,
      after: row,
      reason: `${row.signedOn} 签订缓发协议，保留未领期限 ${row.keptMonths} 个月（领取期限 ${row.entitlementMonths} 个月，已发放 ${paidMonths} 个月）`,
    });
    return getClaim(tx, claim.id);
  });
}

/** The region a rate is asked for: the given code in scope, or the caller's own region. */
async function regionFor(ctx: Ctx, regionCode: string | undefined) {
  const code = regionCode ?? (ctx.actor.scope ? padRegionCode(ctx.actor.scope) : undefined);
  if (!code) throw validation('/regionCode', 'REQUIRED', '请指定行政区划');
  if (!isRegionCode(code)) throw validation('/regionCode', 'INVALID_REGION', '行政区划代码须为 12 位数字');
  const prefix = scopeOf(code);
  if (!inScope(ctx.actor.scope, code) && !inScope(prefix, ctx.actor.scope)) throw notFound('行政区划');
  const region = await regions.getRegion(ctx, code);
  return { code, prefix, name: region.name };
}

/**
 * The deferral agreement rate of a year in a region in scope (seed 002 §(八)): the claims stopped by
 * re-employment during benefit with the stop in the year, and those with an agreement, against the
 * parameter `ui.deferral_agreement_target` as of the year's end (null when the region has none).
 * With `missing`, the page of those without an agreement too.
 */
export async function deferralRate(ctx: Ctx, year: number, regionCode: string | undefined) {
  requireRole(ctx, ...readers);
  const region = await regionFor(ctx, regionCode);
  const { reemployed, signed } = await deferralRepo.deferralCounts(ctx, year, region.prefix);
  let target: { value: number; source: string } | null = null;
  try {
    const p = await resolveParam(ctx.db, 'ui.deferral_agreement_target', region.code, `${year}-12-31`);
    target = { value: p.value, source: p.source };
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
  }
  const rate = reemployed === 0 ? null : Math.round((signed / reemployed) * 1000) / 10;
  return {
    year,
    regionCode: region.code,
    name: region.name,
    reemployed,
    signed,
    missing: reemployed - signed,
    rate,
    target: target?.value ?? null,
    targetSource: target?.source ?? null,
    met: rate === null || target === null ? null : rate >= target.value,
    prefix: region.prefix,
  };
}

/** The page of claims stopped by re-employment in the year without an agreement (the region as `deferralRate` resolves it). */
export function missingDeferrals(ctx: Ctx, year: number, prefix: string, paging: Paging) {
  requireRole(ctx, ...readers);
  return deferralRepo.missingDeferrals(ctx, year, prefix, paging);
}
