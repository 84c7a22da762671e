// The hard-to-employ categories (就业困难人员类别, AID-1) as data: each a pure rule over ledger facts
// with the policy parameters it reads and the clause it rests on. A category whose fact the ledger
// does not derive (a 低保 certificate, a land requisition) is recognised on evidence: its rule reads
// the fact as recorded on the person, and a proposal appears only where it is recorded.
import { addMonths, ageOn } from '../../platform/clock.js';
import type { ParamName } from '../../policy/service.js';
import { hardToEmployCategories, hardToEmployCategoryNames as names, type HardToEmployCategory } from '../../../shared/assistance.js';

export const categoryCodes = hardToEmployCategories;
export type CategoryCode = HardToEmployCategory;

/** What a rule reads of a person, as of the date asked (registration facts replayed to that date). */
export interface PersonFacts {
  sex: 'M' | 'F';
  birthDate: string;
  employmentStatus: string;
  /** Since when the person is in that status (the unemployment registration's date). */
  statusSince: string | null;
  graduationYear: number | null;
  disability: string | null;
  /** The free-text categories recorded on the person (人员类别). */
  categories: readonly string[];
  /** The person's household is a zero-employment household, and since when; null when not. */
  zeroEmploymentSince: string | null;
}

/** A parameter value with the clause it comes from. */
export interface SourcedValue {
  value: number;
  source: string;
}

export type CategoryParams = Partial<Record<ParamName, SourcedValue>>;

/** One reason of a decision (API.md "Second release": `reasons: [{rule, source, detail}]`). */
export interface Reason {
  rule: string;
  source: string;
  detail: string;
}

export interface RuleOutcome {
  met: boolean;
  /** Every condition checked, met or not, so a refusal names the one that failed. */
  reasons: Reason[];
  /** The conditions not met. */
  failed: Reason[];
}

export interface CategoryDefinition {
  code: CategoryCode;
  /** The Chinese name shown in the UI. */
  name: string;
  /** `rule`: derived from registrations and households; `evidence`: a recorded fact backed by a document. */
  basis: 'rule' | 'evidence';
  /** Names recorded in the free-text 人员类别 for this category (the migration maps the same names). */
  recordedNames: readonly string[];
  /** Rests on registered unemployment: ended by an employment registration or the end of the unemployment registration. */
  endsWithUnemployment: boolean;
  params: readonly ParamName[];
  /** The clause the category rests on. */
  source: string;
  check(facts: PersonFacts, date: string, params: CategoryParams): RuleOutcome;
}

const s000 = '种子文件 000 太原市《劳动力市场“三化”建设推进试点实施方案》';
const s002 = '种子文件 002 沈阳市《关于做好2004年就业再就业工作的实施意见》(沈政发[2004]8号)';
const s003 = '种子文件 003 湖北省《2007年全省就业和失业保险工作要点》';
const s004 = '种子文件 004 大连市《关于推进社区就业再就业工作的意见》(2003-06-03)';

const registeredUnemployedSource = `${s000} 三、1：确定重点服务对象，帮助就业困难对象就业（以失业登记为准）`;

/** The value of a parameter the caller resolved; a rule never runs without its figures. */
function needed(params: CategoryParams, name: ParamName): SourcedValue {
  const v = params[name];
  if (!v) throw new Error(`category rule needs parameter ${name}`);
  return v;
}

function registeredUnemployed(rule: string, facts: PersonFacts, date: string): Reason & { met: boolean } {
  const met = facts.employmentStatus === 'unemployed';
  return {
    met,
    rule,
    source: registeredUnemployedSource,
    detail: met ? `${date} 处于登记失业状态（自 ${facts.statusSince ?? '—'} 起）` : `${date} 未处于登记失业状态`,
  };
}

/** Reason with its `met` flag dropped, and whether all were met. */
function outcome(checks: (Reason & { met: boolean })[]): RuleOutcome {
  const strip = ({ met: _m, ...r }: Reason & { met: boolean }): Reason => r;
  return { met: checks.every((c) => c.met), reasons: checks.map(strip), failed: checks.filter((c) => !c.met).map(strip) };
}

/** Whole months from one date to another (2025-11-23 → 2026-11-23 is 12; a day short is 11). */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to < from) return 0;
  let months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  while (months > 0 && addMonths(from, months) > to) months--;
  return months;
}

/** A rule reading a fact recorded on the person (by a document the reviewer checks). */
function recordedFact(code: string, what: string, source: string, recorded: (f: PersonFacts) => string | null) {
  return (facts: PersonFacts): RuleOutcome => {
    const fact = recorded(facts);
    return outcome([
      {
        met: fact !== null,
        rule: `${code}.recorded`,
        source,
        detail: fact !== null ? `人员信息记载：${fact}（须核验${what}）` : `人员信息未记载${what}，须凭证明材料认定`,
      },
    ]);
  };
}

const recordedName = (names: readonly string[]) => (f: PersonFacts) => f.categories.find((c) => names.includes(c.trim())) ?? null;

export const categories: readonly CategoryDefinition[] = [
  {
    code: 'person_4050',
    name: names.person_4050,
    basis: 'rule',
    recordedNames: ['4050人员', '4050', '“4050”人员'],
    endsWithUnemployment: true,
    params: ['person_4050.min_age_female', 'person_4050.min_age_male'],
    source: `${s002} §(十)：把帮扶“4050”人员再就业作为工作的重点`,
    check(facts, date, params) {
      const min = needed(params, facts.sex === 'F' ? 'person_4050.min_age_female' : 'person_4050.min_age_male');
      const age = ageOn(facts.birthDate, date);
      return outcome([
        registeredUnemployed('person_4050.registered_unemployed', facts, date),
        {
          met: age >= min.value,
          rule: facts.sex === 'F' ? 'person_4050.min_age_female' : 'person_4050.min_age_male',
          source: min.source,
          detail: `${facts.sex === 'F' ? '女' : '男'}，${date} 年满 ${age} 周岁，${age >= min.value ? '达到' : '未达到'} ${min.value} 周岁`,
        },
      ]);
    },
  },
  {
    code: 'zero_employment_household',
    name: names.zero_employment_household,
    basis: 'rule',
    recordedNames: ['零就业家庭成员', '零就业家庭'],
    endsWithUnemployment: false,
    params: [],
    source: `${s003} §(四)：继续做好“零就业家庭”就业工作`,
    check(facts) {
      const since = facts.zeroEmploymentSince;
      return outcome([
        {
          met: since !== null,
          rule: 'zero_employment_household.member',
          source: `${s003} §(四)：对新产生的“零就业家庭”在三个月内必须解决`,
          detail: since !== null ? `所在家庭自 ${since} 起为零就业家庭` : '所在家庭不是零就业家庭（或未登记家庭）',
        },
      ]);
    },
  },
  {
    code: 'long_term_unemployed',
    name: names.long_term_unemployed,
    basis: 'rule',
    recordedNames: ['长期失业人员', '长期失业'],
    endsWithUnemployment: true,
    params: ['long_term_unemployed.min_months'],
    source: `${s003} §(三)：以持《再就业优惠证》“4050”人员和长期下岗失业人员为重点的就业援助对象`,
    check(facts, date, params) {
      const min = needed(params, 'long_term_unemployed.min_months');
      const unemployed = registeredUnemployed('long_term_unemployed.registered_unemployed', facts, date);
      const months = unemployed.met && facts.statusSince ? wholeMonthsBetween(facts.statusSince, date) : 0;
      return outcome([
        unemployed,
        {
          met: unemployed.met && months >= min.value,
          rule: 'long_term_unemployed.min_months',
          source: min.source,
          detail: `至 ${date} 连续登记失业 ${months} 个月，${months >= min.value ? '达到' : '未达到'} ${min.value} 个月`,
        },
      ]);
    },
  },
  {
    code: 'disabled',
    name: names.disabled,
    basis: 'evidence',
    recordedNames: ['残疾人', '残疾人员'],
    endsWithUnemployment: false,
    params: [],
    source: `${s002} §(十六)：要做好妇女就业、残疾人就业和其他群体就业工作`,
    check: recordedFact('disabled', '残疾人证', `${s002} §(十六)`, (f) =>
      f.disability ? `残疾情况 ${f.disability}` : recordedName(['残疾人', '残疾人员'])(f),
    ),
  },
  {
    code: 'minimum_living_allowance',
    name: names.minimum_living_allowance,
    basis: 'evidence',
    recordedNames: ['低保', '低保人员', '低保户', '最低生活保障对象'],
    endsWithUnemployment: false,
    params: [],
    source: `${s000} 三、1：根据就业困难群体的状况确定重点服务对象；${s003} §(十八)：城市最低生活保障人数下降率`,
    check: recordedFact(
      'minimum_living_allowance',
      '民政部门核发的最低生活保障证明',
      `${s000} 三、1`,
      recordedName(['低保', '低保人员', '低保户', '最低生活保障对象']),
    ),
  },
  {
    code: 'land_lost_farmer',
    name: names.land_lost_farmer,
    basis: 'evidence',
    recordedNames: ['失地农民', '被征地农民'],
    endsWithUnemployment: false,
    params: [],
    source: `${s003} §(一)：将劳动年龄内有劳动能力和就业愿望并转入城镇户口的被征地农民纳入《再就业优惠证》发放范围`,
    check: recordedFact('land_lost_farmer', '征地证明', `${s003} §(一)`, recordedName(['失地农民', '被征地农民'])),
  },
  {
    code: 'extreme_hardship',
    name: names.extreme_hardship,
    basis: 'evidence',
    recordedNames: ['特困', '特困群体', '特困人员'],
    endsWithUnemployment: false,
    params: [],
    source: `${s004} §三(七)：经社区、街道审核、确认为特困群体的，由街道、社区提供就业援助`,
    check: recordedFact('extreme_hardship', '社区、街道的特困审核确认', `${s004} §三(七)`, recordedName(['特困', '特困群体', '特困人员'])),
  },
  {
    code: 'graduate_unemployed',
    name: names.graduate_unemployed,
    basis: 'rule',
    recordedNames: ['高校毕业生'],
    endsWithUnemployment: true,
    params: ['graduate_unemployed.window_years'],
    source: `${s003} §(五)：对登记失业的毕业生，开展“一对一”服务`,
    check(facts, date, params) {
      const window = needed(params, 'graduate_unemployed.window_years');
      const year = Number(date.slice(0, 4));
      const within = facts.graduationYear !== null && facts.graduationYear <= year && year - facts.graduationYear < window.value;
      return outcome([
        registeredUnemployed('graduate_unemployed.registered_unemployed', facts, date),
        {
          met: within,
          rule: 'graduate_unemployed.window_years',
          source: window.source,
          detail:
            facts.graduationYear === null
              ? '未记载毕业年份'
              : `${facts.graduationYear} 年毕业，${date.slice(0, 4)} 年${within ? '在' : '不在'}毕业 ${window.value} 年内（含毕业当年）`,
        },
      ]);
    },
  },
];

export const categoryOf = (code: CategoryCode): CategoryDefinition => categories.find((c) => c.code === code)!;

/** Every parameter any category reads. */
export const categoryParamNames: ParamName[] = [...new Set(categories.flatMap((c) => c.params))];
