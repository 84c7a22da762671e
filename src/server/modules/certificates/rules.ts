// Who may hold the 就业失业登记证 for preferential policies (AID-5), as pure rules: each answers
// whether it is met and why, with its source clause, so the review states every rule, not only
// the first that failed.
import { addMonths, ageOn } from '../../platform/clock.js';
import { employmentStatusNames, type EmploymentStatus } from '../../../shared/labels.js';

const s002 = '种子文件 002 沈阳市《关于做好2004年就业再就业工作的实施意见》';
const s003 = '种子文件 003 湖北省《2007年全省就业和失业保险工作要点》';

export interface EligibilityFacts {
  employmentStatus: string;
  statusSince: string | null;
  householdType: string;
  labourCapacity: string;
  sex: 'M' | 'F';
  birthDate: string;
}

export interface WorkingAge {
  min: number;
  maxMale: number;
  maxFemale: number;
}

export interface EligibilityReason {
  rule: string;
  source: string;
  detail: string;
  met: boolean;
}

/** The rules of eligibility as of `date`: all must be met for the certificate to carry preferential policies. */
export function eligibilityReasons(facts: EligibilityFacts, date: string, ages: WorkingAge): EligibilityReason[] {
  const age = ageOn(facts.birthDate, date);
  const max = facts.sex === 'F' ? ages.maxFemale : ages.maxMale;
  const unemployed = facts.employmentStatus === 'unemployed';
  return [
    {
      rule: 'REGISTERED_UNEMPLOYED',
      source: `${s002} §(八)：对符合申领《再就业优惠证》条件的下岗失业人员发证`,
      detail: unemployed
        ? `${date} 处于登记失业状态（自 ${facts.statusSince ?? '—'}）`
        : `${date} 不处于登记失业状态（当前：${employmentStatusNames[facts.employmentStatus as EmploymentStatus] ?? facts.employmentStatus}），须先办理失业登记`,
      met: unemployed,
    },
    {
      rule: 'WORKING_AGE',
      source: `${s003} §(一)：劳动年龄内（参数 working_age.min、working_age.max_male / max_female）`,
      detail: `${age} 周岁，劳动年龄 ${ages.min}–${max - 1} 周岁`,
      met: age >= ages.min && age < max,
    },
    {
      rule: 'LABOUR_CAPACITY',
      source: `${s003} §(一)：有劳动能力和就业愿望`,
      detail: facts.labourCapacity === 'none' ? '完全丧失劳动能力' : facts.labourCapacity === 'partial' ? '部分丧失劳动能力' : '有劳动能力',
      met: facts.labourCapacity !== 'none',
    },
    {
      rule: 'URBAN_HOUSEHOLD',
      source: `${s002} §(八) 城镇下岗失业人员；${s003} §(一)：转入城镇户口的被征地农民纳入发放范围`,
      detail: facts.householdType === 'urban' ? '城镇户籍' : '农村户籍（被征地农民须先转入城镇户口）',
      met: facts.householdType === 'urban',
    },
  ];
}

/**
 * When a holder's next yearly check falls due: `intervalMonths` after the later of the last issue
 * (or reissue) and the last yearly check.
 */
export function nextCheckDue(lastIssued: string, lastChecked: string | null, intervalMonths: number): string {
  const base = lastChecked && lastChecked > lastIssued ? lastChecked : lastIssued;
  return addMonths(base, intervalMonths);
}

export { policyTypeCodes, policyTypeNames, type PolicyType } from '../../../shared/certificatePolicies.js';
