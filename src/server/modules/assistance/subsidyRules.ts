// Subsidy types as data (AID-8): who the beneficiary is, which fund line pays, which parameter sets
// the amount, and the rule that decides eligibility from the facts gathered for the period. Each
// decision lists its reasons as {rule, source, detail}. No I/O here: subsidyService.ts gathers the
// facts (placements, recognitions, the registration status, the declared contract) and the figures.
import type { ParamName } from '../../policy/service.js';
import { proRata } from './postsRules.js';

import { subsidyTypeNames, type SubsidyType } from '../../../shared/labels.js';

export type { SubsidyStatus, SubsidyType } from '../../../shared/labels.js';

export interface Reason {
  rule: string;
  source: string;
  detail: string;
}

export interface SubsidyTypeDefinition {
  name: string;
  /** What the application must name. */
  needsEmployer: boolean;
  budgetLine: string;
  amountParam: ParamName;
}

const s002 = '种子文件 002 沈阳市《关于做好2004年就业再就业工作的实施意见》';
const s003 = '种子文件 003 湖北省《2007年全省就业和失业保险工作要点》';
const s004 = '种子文件 004 大连市《关于推进社区就业再就业工作的意见》';

export const subsidyTypes: Record<SubsidyType, SubsidyTypeDefinition> = {
  public_welfare_post: {
    name: subsidyTypeNames.public_welfare_post,
    needsEmployer: false,
    budgetLine: '就业补助资金·公益性岗位补贴',
    amountParam: 'subsidy.public_welfare_post.amount',
  },
  social_insurance: {
    name: subsidyTypeNames.social_insurance,
    needsEmployer: false,
    budgetLine: '就业补助资金·社会保险补贴',
    amountParam: 'subsidy.social_insurance.amount',
  },
  job_creation: {
    name: subsidyTypeNames.job_creation,
    needsEmployer: true,
    budgetLine: '再就业资金·岗位开发补贴',
    amountParam: 'job_creation_subsidy.per_person',
  },
};
export const subsidyTypeCodes = Object.keys(subsidyTypes) as SubsidyType[];

/** What the service found for the person and period. */
export interface SubsidyFacts {
  period: string;
  /** Days on a public-welfare post in the period (0 when none), and the post. */
  postDays: number;
  postName: string | null;
  monthDays: number;
  /** A hard-to-employ recognition was in force when the current employment began. */
  recognised: boolean;
  /** Registration status on the period's last day, and since when. */
  employmentStatus: string;
  statusSince: string | null;
  /** Declared by the applicant (job_creation): contract length and social insurance paid. */
  contractYears?: number | undefined;
  insurancePaid?: boolean | undefined;
}

export interface SubsidyFigures {
  amountFen: number;
  amountSource: string;
  minContractYears?: number | undefined;
}

const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

/** Eligibility and amount of an application: `eligible` false names the failed rule among the reasons. */
export function decideSubsidy(
  type: SubsidyType,
  facts: SubsidyFacts,
  figures: SubsidyFigures,
): { eligible: boolean; amountFen: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const check = (ok: boolean, rule: string, source: string, yes: string, no: string) => {
    reasons.push({ rule, source, detail: ok ? yes : no });
    return ok;
  };
  const employedInPeriod = facts.employmentStatus === 'employed';
  let eligible: boolean;
  let amountFen = figures.amountFen;
  if (type === 'public_welfare_post') {
    eligible = check(
      facts.postDays > 0,
      'placed_on_post',
      `${s002} §(十一)：落实公益性岗位补贴`,
      `${facts.period} 在公益性岗位（${facts.postName}）在岗 ${facts.postDays} 天`,
      `${facts.period} 未在公益性岗位在岗`,
    );
    amountFen = proRata(figures.amountFen, facts.postDays, facts.monthDays);
  } else if (type === 'social_insurance') {
    eligible =
      check(
        facts.recognised,
        'recognised_hard_to_employ',
        `${s003} §(四)：重点落实社保补贴和岗位补贴政策，帮助就业困难人员实现并稳定就业`,
        '就业时为已认定的就业困难人员',
        '就业时不是已认定的就业困难人员',
      ) &&
      check(
        employedInPeriod,
        'employed',
        `${s002} §(十一)：落实社保补贴资金，鼓励用人单位安置“4050”人员`,
        `月末为就业状态（${facts.statusSince ?? '日期不详'} 起）`,
        '月末不是就业状态',
      );
  } else {
    eligible =
      check(
        employedInPeriod && facts.statusSince !== null && facts.statusSince.startsWith(facts.period),
        'placed_in_period',
        `${s004} §四(二)：安置下岗失业人员`,
        `${facts.statusSince} 登记就业`,
        `${facts.period} 没有登记就业（安置）`,
      ) &&
      check(
        (facts.contractYears ?? 0) >= (figures.minContractYears ?? Infinity),
        'contract_years',
        `${s004} §四(二)：签定${figures.minContractYears ?? '—'}年以上劳动合同`,
        `劳动合同 ${facts.contractYears} 年`,
        `劳动合同 ${facts.contractYears ?? 0} 年，不足 ${figures.minContractYears ?? '—'} 年`,
      ) &&
      check(facts.insurancePaid === true, 'insurance_paid', `${s004} §四(二)：缴纳社会保险`, '已缴纳社会保险', '未缴纳社会保险');
  }
  if (eligible) reasons.push({ rule: 'amount', source: figures.amountSource, detail: `补贴金额 ${yuan(amountFen)}` });
  return { eligible, amountFen, reasons };
}
