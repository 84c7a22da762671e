// The rules of a benefit claim as data (UI-2), after 《失业保险条例》(1999): who may claim (第十四条),
// for how long (第十七条), how much (第十八条) and from which month. Each rule is a pure function
// with its code and source clause; a decision lists every rule's finding as {rule, source, detail},
// so a refusal names the rule that failed. No I/O here: service.ts gathers the facts (contribution
// months, the earlier claim, the registration status) and the parameters' figures.
import { addMonths } from '../../platform/clock.js';
import { separationReasonNames, type SeparationReason } from '../../../shared/labels.js';

export interface Reason {
  rule: string;
  source: string;
  detail: string;
}

const statute = '《失业保险条例》';
const issuingRules = '《失业保险金申领发放办法》(劳动和社会保障部令第8号，2000)';

/** The separation reasons that are not the person's own will (条例第十四条第（二）项): the first five. */
export const involuntaryReasons: readonly SeparationReason[] = [
  'contract_ended_not_renewed',
  'dismissed_by_employer',
  'employer_terminated_by_law',
  'employer_bankrupt',
  'mutual_agreement_employer_initiated',
];

/**
 * Entitlement by contribution months (条例第十七条): 1 to under 5 years, at most 12 months; 5 to
 * under 10 years, 18; 10 years or more, 24. A national statute's table, not a local figure.
 */
export const entitlementTiers: readonly { fromMonths: number; months: number }[] = [
  { fromMonths: 120, months: 24 },
  { fromMonths: 60, months: 18 },
  { fromMonths: 12, months: 12 },
];

/** What the service found for the claim. */
export interface ClaimFacts {
  separationDate: string;
  separationReason: SeparationReason;
  /** Contribution months up to the separation month not counted by an earlier claim. */
  countedMonths: number;
  /** The earlier claim's unused months (0 when none). */
  carriedMonths: number;
  /** Registration status today (registrations module) and since when. */
  employmentStatus: string;
  statusSince: string | null;
  jobSeeking: boolean;
}

/** The parameters' figures as of the separation date, each with its source. */
export interface ClaimFigures {
  minContributionMonths: number;
  maxEntitlementMonths: number;
  benefitRatePercent: number;
  minimumWageFen: number;
  livingAllowanceFen: number;
  sources: { minContribution: string; maxEntitlement: string; rate: string; minimumWage: string; livingAllowance: string };
}

export interface EligibilityRule {
  code: string;
  source: string;
  /** The path of the request field the rule is about (for the 422's errors). */
  path: string;
  test: (facts: ClaimFacts, figures: ClaimFigures) => { ok: boolean; detail: string };
}

/** The conditions of 条例第十四条, in the order a clerk checks them. */
export const eligibilityRules: readonly EligibilityRule[] = [
  {
    code: 'involuntary_separation',
    source: `${statute} 第十四条第（二）项：非因本人意愿中断就业`,
    path: '/separationReason',
    test: (f) => {
      const name = separationReasonNames[f.separationReason];
      return involuntaryReasons.includes(f.separationReason)
        ? { ok: true, detail: `${f.separationDate} ${name}，属非因本人意愿中断就业` }
        : { ok: false, detail: `${f.separationDate} ${name}，属本人意愿中断就业，不能领取失业保险金` };
    },
  },
  {
    code: 'contribution_period',
    source: `${statute} 第十四条第（一）项：所在单位和本人已按照规定履行缴费义务满1年`,
    path: '/personId',
    test: (f, g) =>
      f.countedMonths >= g.minContributionMonths
        ? { ok: true, detail: `失业前可计算的缴费 ${f.countedMonths} 个月，满 ${g.minContributionMonths} 个月` }
        : { ok: false, detail: `失业前可计算的缴费只有 ${f.countedMonths} 个月，不满 ${g.minContributionMonths} 个月` },
  },
  {
    code: 'unemployment_registered',
    source: `${statute} 第十四条第（三）项：已办理失业登记`,
    path: '/personId',
    test: (f) =>
      f.employmentStatus === 'unemployed'
        ? { ok: true, detail: `${f.statusSince ?? '日期不详'} 起登记失业` }
        : { ok: false, detail: '未办理失业登记（或已不在失业状态），须先办理失业登记' },
  },
  {
    code: 'job_seeking',
    source: `${statute} 第十四条第（三）项：有求职要求`,
    path: '/personId',
    test: (f) => (f.jobSeeking ? { ok: true, detail: '已登记求职要求' } : { ok: false, detail: '未登记求职要求，须先办理求职登记' }),
  },
];

/** Months of benefit for the contribution months counted (第十七条 table), before any carry. */
export function tierMonths(countedMonths: number): number {
  return entitlementTiers.find((t) => countedMonths >= t.fromMonths)?.months ?? 0;
}

/**
 * The entitlement (第十七条): 0 below the minimum contribution, else the table's months for the
 * months counted afresh plus the earlier claim's unused months, capped at the maximum.
 */
export function entitlementMonths(
  countedMonths: number,
  carriedMonths: number,
  figures: Pick<ClaimFigures, 'minContributionMonths' | 'maxEntitlementMonths'>,
): number {
  if (countedMonths < figures.minContributionMonths) return 0;
  const fresh = tierMonths(countedMonths);
  if (fresh === 0) return 0;
  return Math.min(figures.maxEntitlementMonths, fresh + Math.max(0, carriedMonths));
}

/**
 * The monthly amount (第十八条): the rate of the minimum wage, held between the minimum living
 * allowance and the minimum wage; null when the parameters leave no band (allowance ≥ wage).
 */
export function monthlyAmount(figures: ClaimFigures): number | null {
  if (figures.livingAllowanceFen >= figures.minimumWageFen) return null;
  const raw = Math.round((figures.minimumWageFen * figures.benefitRatePercent) / 100);
  return Math.min(figures.minimumWageFen, Math.max(figures.livingAllowanceFen, raw));
}

/** The month after a date's or a month's month ('YYYY-MM'). */
export function nextMonth(dateOrMonth: string): string {
  return addMonths(`${dateOrMonth.slice(0, 7)}-01`, 1).slice(0, 7);
}

/** Months from `from` to `to` ('YYYY-MM'), `to` excluded; negative when `to` is earlier. */
export function monthsFrom(from: string, to: string): number {
  const n = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return n(to) - n(from);
}

/**
 * The first benefit month: the first whole month after both the separation and the unemployment
 * registration (办法第九条: the benefit is counted from the day of the unemployment registration;
 * OpenPES pays whole months, so the month after the later of the two).
 */
export function startMonthOf(separationDate: string, registeredOn: string | null): string {
  const afterSeparation = nextMonth(separationDate);
  const afterRegistration = registeredOn ? nextMonth(registeredOn) : afterSeparation;
  return afterRegistration > afterSeparation ? afterRegistration : afterSeparation;
}

/**
 * The months an earlier claim used (for 第十七条's combination): none for a claim never approved;
 * all of them for an exhausted one; for one stopped after approval, the benefit months from its
 * start month up to the month it stopped (that month not included), within its entitlement.
 * Until payment runs exist, the months due count as received.
 */
export function usedMonths(claim: {
  status: string;
  decidedBy: string | null;
  startMonth: string;
  entitlementMonths: number;
  stoppedOn: string | null;
}): number {
  if (claim.status === 'rejected' || claim.decidedBy === null) return 0;
  if (claim.status === 'exhausted' || !claim.stoppedOn) return claim.entitlementMonths;
  return Math.min(claim.entitlementMonths, Math.max(0, monthsFrom(claim.startMonth, claim.stoppedOn.slice(0, 7))));
}

const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

export interface ClaimDecision {
  eligible: boolean;
  entitlementMonths: number;
  monthlyAmountFen: number;
  startMonth: string;
  reasons: Reason[];
  /** The rules that failed, with the request field each is about. */
  failed: { rule: string; path: string; detail: string; source: string }[];
}

/** Decides a claim: every condition of 第十四条, then the entitlement, the amount and the start month. */
export function decideClaim(facts: ClaimFacts, figures: ClaimFigures): ClaimDecision {
  const reasons: Reason[] = [];
  const failed: ClaimDecision['failed'] = [];
  for (const rule of eligibilityRules) {
    const { ok, detail } = rule.test(facts, figures);
    reasons.push({ rule: rule.code, source: rule.source, detail });
    if (!ok) failed.push({ rule: rule.code, path: rule.path, detail, source: rule.source });
  }
  const months = entitlementMonths(facts.countedMonths, facts.carriedMonths, figures);
  const fresh = tierMonths(facts.countedMonths);
  reasons.push({
    rule: 'entitlement',
    source: `${statute} 第十七条；参数 ui.max_entitlement_months：${figures.sources.maxEntitlement}`,
    detail:
      facts.carriedMonths > 0
        ? `本次缴费 ${facts.countedMonths} 个月应领 ${fresh} 个月，与前次应领未领的 ${facts.carriedMonths} 个月合并计算，最长 ${figures.maxEntitlementMonths} 个月：${months} 个月`
        : `缴费 ${facts.countedMonths} 个月，领取期限 ${months} 个月`,
  });
  const amount = monthlyAmount(figures);
  if (amount === null) {
    const detail = `城市居民最低生活保障标准 ${yuan(figures.livingAllowanceFen)} 不低于最低工资标准 ${yuan(figures.minimumWageFen)}，参数设置有误，无法确定失业保险金标准`;
    const source = `${statute} 第十八条：失业保险金标准低于当地最低工资标准、高于城市居民最低生活保障标准`;
    reasons.push({ rule: 'amount_band', source, detail });
    failed.push({ rule: 'amount_band', path: '/personId', detail, source });
  } else {
    reasons.push({
      rule: 'amount',
      source: `${statute} 第十八条；参数 ui.benefit_rate_of_min_wage：${figures.sources.rate}；minimum_wage.monthly：${figures.sources.minimumWage}；minimum_living_allowance.monthly：${figures.sources.livingAllowance}`,
      detail: `最低工资标准 ${yuan(figures.minimumWageFen)} × ${figures.benefitRatePercent}%，不低于最低生活保障标准 ${yuan(figures.livingAllowanceFen)}、不高于最低工资标准：每月 ${yuan(amount)}`,
    });
  }
  const startMonth = startMonthOf(facts.separationDate, facts.employmentStatus === 'unemployed' ? facts.statusSince : null);
  reasons.push({
    rule: 'start_month',
    source: `${issuingRules} 第九条：失业保险金自办理失业登记之日起计算（按整月发放：离职与失业登记两者较晚者的次月起）`,
    detail: `自 ${startMonth} 起发放`,
  });
  return {
    eligible: failed.length === 0 && months > 0,
    entitlementMonths: months,
    monthlyAmountFen: amount ?? 0,
    startMonth,
    reasons,
    failed,
  };
}
