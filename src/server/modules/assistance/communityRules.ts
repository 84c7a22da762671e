// Full-employment community rules (AID-9), without I/O: the criteria of seed 002 §(八) and seed
// 003 §(四) applied to a community's counts, the ranking and the share meeting the standard.
// 002 §(八) also asks that employed persons still drawing unemployment benefit sign a deferral
// agreement (缓发协议); OpenPES keeps no benefit payments yet, so that criterion is not judged.
import { communityCriterionNames, type CommunityCriterion } from '../../../shared/campaigns.js';
import type { CommunityCounts } from './communityRepo.js';

export interface Threshold {
  value: number;
  parameter: string;
  source: string;
}

export interface CommunityThresholds {
  registration: Threshold;
  certificates: Threshold;
  placement4050: Threshold;
  /** The deadline's source (zero_employment.resolve_within): the cases' own deadlines carry it. */
  zeroEmploymentSource: string;
}

export interface CommunityFact {
  criterion: CommunityCriterion;
  name: string;
  numerator: number;
  denominator: number;
  value: number | null;
  threshold: number | null;
  parameter: string | null;
  source: string;
  met: boolean;
  explanation: string;
}

/** A share in percent to one decimal, or null without a denominator. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10;
}

function rateFact(
  criterion: CommunityCriterion,
  numerator: number,
  denominator: number,
  t: Threshold,
  what: (n: number, d: number) => string,
): CommunityFact {
  const value = percent(numerator, denominator);
  // Compared on the counts, not the rounded share: 899 of 1000 is below 90% even if it rounds to 89.9.
  const met = denominator === 0 || numerator * 100 >= t.value * denominator;
  return {
    criterion,
    name: communityCriterionNames[criterion],
    numerator,
    denominator,
    value,
    threshold: t.value,
    parameter: t.parameter,
    source: t.source,
    met,
    explanation: denominator === 0 ? `${what(0, 0)}：无应计人员，视为达标` : `${what(numerator, denominator)}，标准 ${t.value}%`,
  };
}

/** The facts of one community against the criteria. */
export function judgeCommunity(c: CommunityCounts, t: CommunityThresholds): CommunityFact[] {
  const onTime = c.zeroEmploymentCases - c.zeroEmploymentOverdue;
  return [
    rateFact(
      'registration',
      c.registeredUnemployed,
      c.jobless,
      t.registration,
      (n, d) => `劳动年龄内有劳动能力的未就业人员 ${d} 人，已失业登记 ${n} 人`,
    ),
    rateFact('certificates', c.certified, c.unemployedAll, t.certificates, (n, d) => `登记失业人员 ${d} 人，持就业失业登记证 ${n} 人`),
    rateFact('placement_4050', c.placed4050, c.persons4050, t.placement4050, (n, d) => `“4050”人员 ${d} 人，已实现就业 ${n} 人`),
    {
      criterion: 'zero_employment',
      name: communityCriterionNames.zero_employment,
      numerator: onTime,
      denominator: c.zeroEmploymentCases,
      value: percent(onTime, c.zeroEmploymentCases),
      threshold: null,
      parameter: null,
      source: t.zeroEmploymentSource,
      met: c.zeroEmploymentOverdue === 0,
      explanation:
        c.zeroEmploymentCases === 0
          ? '无零就业家庭'
          : `零就业家庭 ${c.zeroEmploymentCases} 户，逾期未解决 ${c.zeroEmploymentOverdue} 户（须在解决时限内实现至少一人就业）`,
    },
  ];
}

/**
 * The ranking score: the mean of the criteria's shares, a share without a denominator counting as
 * 100 and the zero-employment criterion as 100 when met, else 0. Ties keep the region code order.
 */
export function scoreOf(facts: readonly CommunityFact[]): number {
  const parts = facts.map((f) => (f.criterion === 'zero_employment' ? (f.met ? 100 : 0) : Math.min(100, f.value ?? 100)));
  return Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 10) / 10;
}

export interface JudgedCommunity {
  regionCode: string;
  criteriaMet: number;
  score: number;
}

/** Ranks communities: more criteria met first, then the higher score, then the region code. */
export function rankCommunities<T extends JudgedCommunity>(items: readonly T[]): (T & { rank: number })[] {
  const sorted = [...items].sort((a, b) => b.criteriaMet - a.criteriaMet || b.score - a.score || a.regionCode.localeCompare(b.regionCode));
  return sorted.map((c, i) => ({ ...c, rank: i + 1 }));
}
