// UI-4 (种子文件 003 §(十七): 享受待遇期间再就业率不低于40%): the re-employment rate of claimants during
// benefit in a year and region, against the parameter `ui.reemployment_rate_target`, with the
// same figures for each area one level down.
import { and, isNotNull, lte, ne } from 'drizzle-orm';
import { uiClaims } from '../../db/schema.js';
import { addMonths } from '../../platform/clock.js';
import { inArea, requireRole, withinScope, type Ctx } from '../../platform/context.js';
import { AppError, notFound, validation } from '../../platform/errors.js';
import { resolveParam } from '../../policy/service.js';
import * as regions from '../regions/index.js';
import { inScope, isRegionCode, padRegionCode, scopeOf } from '../../../shared/region.js';

const readers = ['ui_officer', 'reviewer', 'finance', 'leader', 'auditor', 'admin'] as const;

export interface BenefitSpan {
  personId: string;
  regionCode: string;
  startMonth: string;
  entitlementMonths: number;
  stoppedOn: string | null;
  stopReason: string | null;
}

/**
 * Whether a decided claim's benefit ran in the year: its first month is in or before December, its
 * last month (the stop's month, or the last of the entitlement) in or after January, and it was not
 * stopped before its first month. Pure, for the unit test and the payment runs.
 */
export function benefitRanIn(claim: BenefitSpan, year: number): boolean {
  const first = `${year}-01`;
  const last = `${year}-12`;
  const end = addMonths(`${claim.startMonth}-01`, claim.entitlementMonths - 1).slice(0, 7);
  const stopMonth = claim.stoppedOn?.slice(0, 7) ?? null;
  if (stopMonth !== null && stopMonth < claim.startMonth) return false;
  const lastMonth = stopMonth !== null && stopMonth < end ? stopMonth : end;
  return claim.startMonth <= last && lastMonth >= first;
}

/** Claimants (persons) whose benefit ran in the year, and those of them stopped as re-employed within it. */
export function rateOf(claims: BenefitSpan[], year: number) {
  const ran = claims.filter((c) => benefitRanIn(c, year));
  const claimants = new Set(ran.map((c) => c.personId));
  const reemployed = new Set(
    ran.filter((c) => c.stopReason === 're_employed' && c.stoppedOn?.slice(0, 4) === String(year)).map((c) => c.personId),
  );
  return {
    claimants: claimants.size,
    reemployed: reemployed.size,
    rate: claimants.size === 0 ? null : Math.round((reemployed.size / claimants.size) * 1000) / 10,
  };
}

/**
 * The re-employment rate of a year in a region in scope (default: the caller's own region): decided
 * claims (not rejected) whose benefit ran in the year, re-employed = stopped as `re_employed` with
 * the stop in the year (条例第十五条第（一）项), each person once; the target as of the year's end.
 */
export async function reemploymentRate(ctx: Ctx, year: number, regionCode: string | undefined) {
  requireRole(ctx, ...readers);
  const code = regionCode ?? (ctx.actor.scope ? padRegionCode(ctx.actor.scope) : undefined);
  if (!code) throw validation('/regionCode', 'REQUIRED', '请指定行政区划');
  if (!isRegionCode(code)) throw validation('/regionCode', 'INVALID_REGION', '行政区划代码须为 12 位数字');
  const prefix = scopeOf(code);
  if (!inScope(ctx.actor.scope, code) && !inScope(prefix, ctx.actor.scope)) throw notFound('行政区划');
  const region = await regions.getRegion(ctx, code);
  const c = uiClaims;
  const rows: BenefitSpan[] = await ctx.db
    .select({
      personId: c.personId,
      regionCode: c.regionCode,
      startMonth: c.startMonth,
      entitlementMonths: c.entitlementMonths,
      stoppedOn: c.stoppedOn,
      stopReason: c.stopReason,
    })
    .from(c)
    .where(
      and(
        withinScope(ctx, c.regionCode),
        inArea(c.regionCode, prefix),
        isNotNull(c.decidedBy),
        ne(c.status, 'rejected'),
        lte(c.startMonth, `${year}-12`),
      ),
    );
  let target: { value: number; source: string } | null = null;
  try {
    const p = await resolveParam(ctx.db, 'ui.reemployment_rate_target', code, `${year}-12-31`);
    target = { value: p.value, source: p.source };
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
  }
  const children = prefix.length === 12 ? [] : await regions.listChildren(ctx, code);
  const childPrefixLength = ({ 2: 4, 4: 6, 6: 9, 9: 12 } as Record<number, number>)[prefix.length] ?? 12;
  const byArea = children
    .map((child) => {
      const childPrefix = child.code.slice(0, childPrefixLength);
      return {
        regionCode: child.code,
        name: child.name,
        ...rateOf(
          rows.filter((r) => r.regionCode.startsWith(childPrefix)),
          year,
        ),
      };
    })
    .filter((a) => a.claimants > 0);
  const total = rateOf(rows, year);
  return {
    year,
    regionCode: code,
    name: region.name,
    ...total,
    target: target?.value ?? null,
    targetSource: target?.source ?? null,
    met: total.rate === null || target === null ? null : total.rate >= target.value,
    byArea: byArea.map((a) => ({ ...a, met: a.rate === null || target === null ? null : a.rate >= target.value })),
  };
}
