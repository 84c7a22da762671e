// Explainable two-way matching (JOB-4, DESIGN idea 8), without I/O. A seeker and a vacancy are
// scored on occupation, skills, place, wage, education and hours, plus priority for hard-to-employ
// persons; every factor's points come back as a reason a counsellor can read out. The weights and
// the shares of a partial match are policy parameters (matching.weight.*, matching.share.*,
// matching.city_prefix_digits), passed in as figures. Sex, ethnicity, religion, age and other protected traits
// are not inputs here at all: the profile types below do not carry them (Employment Promotion Law
// arts. 3, 26-31), so no weight can ever be given to them.

import { vacancyHoursNames, type VacancyHours } from '../../../shared/labels.js';
import { occupationGroupOf } from '../../../shared/matchKeys.js';
import { anyHours, educationRank, wishedPrefix, type SeekerProfile, type VacancyProfile } from '../../../shared/matchProfiles.js';

export { matchKeysOf, occupationGroupOf } from '../../../shared/matchKeys.js';
export { educationLevels, educationRank, type SeekerProfile, type VacancyProfile } from '../../../shared/matchProfiles.js';

export type MatchFactor = 'occupation' | 'skills' | 'place' | 'wage' | 'education' | 'hours' | 'priority';
export const matchFactors: readonly MatchFactor[] = ['occupation', 'skills', 'place', 'wage', 'education', 'hours', 'priority'];
export type MatchWeights = Record<MatchFactor, number>;

/** Shares (0 to 1) of a factor's weight for a partial match, and how many code digits make a city. */
export interface MatchShares {
  /** Occupation: another code of the same 小类. */
  sameGroup: number;
  /** Place: the same street (9 digits), district (6) and city (cityPrefixDigits). */
  sameStreet: number;
  sameDistrict: number;
  sameCity: number;
  cityPrefixDigits: number;
}

/** Everything a score depends on besides the two profiles (all from parameters). */
export interface MatchFigures {
  weights: MatchWeights;
  shares: MatchShares;
}

export interface MatchReason {
  factor: MatchFactor;
  /** What was compared and what came out, in Chinese for the counter. */
  detail: string;
  /** Points this factor gave (0 to its weight). */
  weight: number;
  /** The factor's full weight (the parameter). */
  maxWeight: number;
}

/** Place closeness: the share of the place weight for each level two region codes share, closest first. */
export function placeLevels(shares: MatchShares) {
  return [
    { digits: 12, share: 1, name: '同一社区（村）' },
    { digits: 9, share: shares.sameStreet, name: '同一街道（乡镇）' },
    { digits: 6, share: shares.sameDistrict, name: '同一区（县）' },
    { digits: shares.cityPrefixDigits, share: shares.sameCity, name: '同一城市' },
  ];
}

/** Points to one decimal, as every factor and the total are shown (the SQL scoring rounds the same way). */
export const round1 = (n: number) => Math.round(n * 10) / 10;
const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN')}元`;

/** Scores a seeker against a vacancy; the score is the sum of the reasons' points. */
export function scoreMatch(
  seeker: SeekerProfile,
  vacancy: VacancyProfile,
  { weights, shares }: MatchFigures,
): { score: number; reasons: MatchReason[] } {
  const all: MatchReason[] = [
    occupationReason(seeker, vacancy, weights.occupation, shares),
    skillsReason(seeker, vacancy, weights.skills),
    placeReason(seeker, vacancy, weights.place, shares),
    wageReason(seeker, vacancy, weights.wage),
    educationReason(seeker, vacancy, weights.education),
    hoursReason(seeker, vacancy, weights.hours),
    {
      factor: 'priority',
      maxWeight: weights.priority,
      weight: seeker.priority ? weights.priority : 0,
      detail: seeker.priority ? '就业困难等重点群体，优先推荐' : '不属于优先推荐群体',
    },
  ];
  // A factor a region weighs at zero is not a reason at all: a counsellor should not read "0 of 0".
  const reasons = all.filter((r) => r.maxWeight > 0);
  return { score: round1(reasons.reduce((sum, r) => sum + r.weight, 0)), reasons };
}

function occupationReason(seeker: SeekerProfile, vacancy: VacancyProfile, max: number, shares: MatchShares): MatchReason {
  const reason = (share: number, detail: string): MatchReason => ({
    factor: 'occupation',
    maxWeight: max,
    weight: round1(max * share),
    detail,
  });
  if (!vacancy.occupation) return reason(0, '岗位未填职业代码');
  if (seeker.occupations.includes(vacancy.occupation)) return reason(1, `意向职业与岗位职业相同（${vacancy.occupation}）`);
  const group = occupationGroupOf(vacancy.occupation);
  if (group && seeker.occupations.some((o) => occupationGroupOf(o) === group))
    return reason(shares.sameGroup, `意向职业与岗位职业同属小类 ${group}`);
  return reason(0, '职业不同');
}

function skillsReason(seeker: SeekerProfile, vacancy: VacancyProfile, max: number): MatchReason {
  if (vacancy.skills.length === 0) return { factor: 'skills', maxWeight: max, weight: max, detail: '岗位无特定技能要求' };
  const have = vacancy.skills.filter((s) => seeker.skills.includes(s));
  const detail = have.length
    ? `具备岗位要求的技能 ${have.join('、')}（${have.length}/${vacancy.skills.length}）`
    : `不具备岗位要求的技能 ${vacancy.skills.join('、')}`;
  return { factor: 'skills', maxWeight: max, weight: round1((max * have.length) / vacancy.skills.length), detail };
}

function placeReason(seeker: SeekerProfile, vacancy: VacancyProfile, max: number, shares: MatchShares): MatchReason {
  if (seeker.regionCodes.some((r) => vacancy.regionCode.startsWith(wishedPrefix(r))))
    return { factor: 'place', maxWeight: max, weight: max, detail: '岗位在求职者意向工作地点' };
  const level = placeLevels(shares).find((l) => seeker.regionCode.slice(0, l.digits) === vacancy.regionCode.slice(0, l.digits));
  if (!level) return { factor: 'place', maxWeight: max, weight: 0, detail: '岗位不在求职者所在城市' };
  return { factor: 'place', maxWeight: max, weight: round1(max * level.share), detail: `岗位与求职者住址${level.name}` };
}

function wageReason(seeker: SeekerProfile, vacancy: VacancyProfile, max: number): MatchReason {
  if (!seeker.wageMinFen) return { factor: 'wage', maxWeight: max, weight: max, detail: '求职者未提出工资要求' };
  if (vacancy.wageMax >= seeker.wageMinFen)
    return {
      factor: 'wage',
      maxWeight: max,
      weight: max,
      detail: `岗位工资 ${yuan(vacancy.wageMin)}–${yuan(vacancy.wageMax)} 达到期望 ${yuan(seeker.wageMinFen)}`,
    };
  return {
    factor: 'wage',
    maxWeight: max,
    weight: round1((max * vacancy.wageMax) / seeker.wageMinFen),
    detail: `岗位工资上限 ${yuan(vacancy.wageMax)} 低于期望 ${yuan(seeker.wageMinFen)}`,
  };
}

function educationReason(seeker: SeekerProfile, vacancy: VacancyProfile, max: number): MatchReason {
  const rank = educationRank;
  const required = rank(vacancy.education);
  if (required < 0) return { factor: 'education', maxWeight: max, weight: max, detail: '岗位对文化程度无要求' };
  const has = rank(seeker.education);
  if (has < 0)
    return { factor: 'education', maxWeight: max, weight: round1(max / 2), detail: `岗位要求${vacancy.education}，求职者文化程度未登记` };
  if (has <= required)
    return { factor: 'education', maxWeight: max, weight: max, detail: `文化程度${seeker.education}，达到岗位要求${vacancy.education}` };
  return { factor: 'education', maxWeight: max, weight: 0, detail: `文化程度${seeker.education}，低于岗位要求${vacancy.education}` };
}

function hoursReason(seeker: SeekerProfile, vacancy: VacancyProfile, max: number): MatchReason {
  if (anyHours(seeker.hours)) return { factor: 'hours', maxWeight: max, weight: max, detail: '求职者对工作时间无要求' };
  if (seeker.hours === vacancy.hours || seeker.hours === vacancyHoursNames[vacancy.hours as VacancyHours])
    return { factor: 'hours', maxWeight: max, weight: max, detail: '工作时间与意向一致' };
  return { factor: 'hours', maxWeight: max, weight: 0, detail: '工作时间与意向不一致' };
}
