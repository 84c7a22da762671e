// The policy parameters the system knows, with the seed documents' figures as the defaults for
// their own places (DESIGN idea 3). Each value names its source: seed document and clause, or law.
// Seeds: 000 Taiyuan 2003, 001 Suining county (Hunan) 2019, 002 Shenyang 2004, 003 Hubei 2007,
// 004 Dalian 2003.

export type ParamKind = 'fen' | 'months' | 'years' | 'percent' | 'age' | 'count' | 'weight' | 'days' | 'digits';

export interface ParamDefinition {
  name: string;
  title: string;
  kind: ParamKind;
  description: string;
}

export interface ParamSeedValue {
  name: ParamName;
  regionPrefix: string;
  effectiveFrom: string;
  value: number;
  source: string;
}

export const kindUnits: Record<ParamKind, string> = {
  fen: '分',
  months: '月',
  years: '年',
  percent: '%',
  age: '周岁',
  count: '个',
  weight: '权重',
  days: '天',
  digits: '位',
};

/**
 * Kinds counted in whole units, with the widest value that makes sense: a count of days past a
 * century or of months past one is a typing error, and would carry dates past any calendar.
 */
export const wholeKinds: Partial<Record<ParamKind, { max: number; why: string }>> = {
  days: { max: 36_500, why: '天数须为 0–36500 之间的整数' },
  months: { max: 1_200, why: '月数须为 0–1200 之间的整数' },
  years: { max: 150, why: '年数须为 0–150 之间的整数' },
  age: { max: 150, why: '年龄须为 0–150 之间的整数' },
  count: { max: 1_000_000_000, why: '个数须为非负整数' },
  digits: { max: 12, why: '位数须为 0–12 之间的整数' },
};

export const paramDefinitions = [
  { name: 'loan.max_amount', title: '小额担保贷款最高额度', kind: 'fen', description: '个人小额担保贷款额度上限' },
  { name: 'loan.max_term', title: '小额担保贷款最长期限', kind: 'months', description: '个人小额担保贷款期限上限' },
  {
    name: 'job_creation_subsidy.per_person',
    title: '社区就业岗位开发补贴',
    kind: 'fen',
    description: '每安置一名下岗失业人员、签订三年以上劳动合同并缴纳社会保险的补贴',
  },
  {
    name: 'job_creation_subsidy.min_contract',
    title: '岗位开发补贴最短合同期限',
    kind: 'years',
    description: '享受岗位开发补贴须签订的劳动合同最短年限',
  },
  {
    name: 'zero_employment.resolve_within',
    title: '零就业家庭解决时限',
    kind: 'months',
    description: '新产生的零就业家庭须在此期限内实现至少一人就业',
  },
  {
    name: 'graduate_service.deadline',
    title: '登记失业高校毕业生“一对一”服务时限',
    kind: 'months',
    description: '在此期限内提供一次政策咨询和职业指导、三次基本适合的岗位信息',
  },
  {
    name: 'graduate_service.vacancies_offered',
    title: '毕业生“一对一”服务提供岗位信息次数',
    kind: 'count',
    description: '时限内须提供的基本适合岗位信息次数',
  },
  {
    name: 'graduate_service.due_soon_days',
    title: '毕业生“一对一”服务“即将到期”提前天数',
    kind: 'days',
    description: '距服务时限不超过此天数且清单未完成的毕业生显示为即将到期',
  },
  { name: 'referral.target_rate', title: '推荐介绍率目标', kind: 'percent', description: '推荐介绍人数 / 求职登记人数' },
  { name: 'referral.target_success_rate', title: '推荐介绍成功率目标', kind: 'percent', description: '推荐成功人数 / 推荐介绍人数' },
  { name: 'training.target_employment_rate', title: '培训就业率目标', kind: 'percent', description: '培训后实现就业人数 / 培训人数' },
  { name: 'startup.target_success_rate', title: '创业成功率目标', kind: 'percent', description: '创业成功人数 / 创业培训人数' },
  {
    name: 'reemployment_certificate.target_policy_rate',
    title: '持证再就业人员享受优惠政策比例目标',
    kind: 'percent',
    description: '当年再就业的持《再就业优惠证》人员中享受优惠政策的比例',
  },
  {
    name: 'reemployment_certificate.check_interval_months',
    title: '就业失业登记证年审周期',
    kind: 'months',
    description: '持证人员须在上次发证或年审后此月数内接受一次年审（核实仍符合享受优惠政策的条件）',
  },
  { name: 'unemployment_rate.ceiling', title: '城镇登记失业率控制目标', kind: 'percent', description: '年度城镇登记失业率上限' },
  {
    name: 'ui.payment_rate_target',
    title: '失业保险金发放率目标',
    kind: 'percent',
    description: '按时足额发放的失业保险金 / 应发失业保险金',
  },
  {
    name: 'counsellor.funding_per_year',
    title: '县乡职业指导员购买服务经费',
    kind: 'fen',
    description: '每名职业指导员每年经费（含社保、购买服务费）',
  },
  {
    name: 'labour_broker.funding_per_year',
    title: '农村劳务经纪人购买服务经费',
    kind: 'fen',
    description: '每名劳务经纪人每年经费（含工伤保险、购买服务费）',
  },
  { name: 'working_age.min', title: '劳动年龄下限', kind: 'age', description: '法定最低就业年龄' },
  { name: 'working_age.max_male', title: '男性劳动年龄上限', kind: 'age', description: '男性法定退休年龄（劳动力资源统计口径）' },
  { name: 'working_age.max_female', title: '女性劳动年龄上限', kind: 'age', description: '女性法定退休年龄（劳动力资源统计口径）' },
  {
    name: 'person_4050.min_age_female',
    title: '“4050”人员年龄（女）',
    kind: 'age',
    description: '女性年满此年龄的就业困难人员为“4050”人员',
  },
  { name: 'person_4050.min_age_male', title: '“4050”人员年龄（男）', kind: 'age', description: '男性年满此年龄的就业困难人员为“4050”人员' },
  {
    name: 'long_term_unemployed.min_months',
    title: '长期失业人员连续失业月数',
    kind: 'months',
    description: '连续登记失业达到此月数的为长期失业人员（就业困难人员类别）',
  },
  {
    name: 'graduate_unemployed.window_years',
    title: '登记失业高校毕业生认定年限',
    kind: 'years',
    description: '毕业当年起此年数内登记失业的高校毕业生认定为就业困难人员类别“登记失业高校毕业生”',
  },
  {
    name: 'matching.weight.occupation',
    title: '人岗匹配权重：职业',
    kind: 'weight',
    description: '职业代码相同得满分，同一小类按 matching.share.same_group 的比例得分',
  },
  { name: 'matching.weight.skills', title: '人岗匹配权重：技能', kind: 'weight', description: '按岗位要求的技能中求职者具备的比例得分' },
  {
    name: 'matching.weight.place',
    title: '人岗匹配权重：地点',
    kind: 'weight',
    description: '同社区满分，同街道、同区县、同城市按 matching.share.* 的比例依次递减',
  },
  {
    name: 'matching.weight.wage',
    title: '人岗匹配权重：工资',
    kind: 'weight',
    description: '岗位工资上限达到求职者期望工资得满分，否则按比例',
  },
  { name: 'matching.weight.education', title: '人岗匹配权重：文化程度', kind: 'weight', description: '求职者文化程度达到岗位要求得满分' },
  {
    name: 'matching.weight.hours',
    title: '人岗匹配权重：工作时间',
    kind: 'weight',
    description: '全日制、非全日制、倒班等与意向一致得满分',
  },
  {
    name: 'matching.weight.priority',
    title: '人岗匹配权重：就业困难人员优先',
    kind: 'weight',
    description: '就业困难人员、零就业家庭成员、4050人员等优先推荐时的加分；为 0 表示不优先',
  },
  {
    name: 'matching.share.same_group',
    title: '人岗匹配：同小类职业得分比例',
    kind: 'percent',
    description: '职业代码不同但同属一个小类时，职业权重的得分比例',
  },
  {
    name: 'matching.share.same_street',
    title: '人岗匹配：同街道得分比例',
    kind: 'percent',
    description: '岗位与求职者住址同一街道（乡镇）时，地点权重的得分比例',
  },
  {
    name: 'matching.share.same_district',
    title: '人岗匹配：同区县得分比例',
    kind: 'percent',
    description: '岗位与求职者住址同一区（县）时，地点权重的得分比例',
  },
  {
    name: 'matching.share.same_city',
    title: '人岗匹配：同城市得分比例',
    kind: 'percent',
    description: '岗位与求职者住址同一城市时，地点权重的得分比例',
  },
  {
    name: 'matching.city_prefix_digits',
    title: '人岗匹配：同城市的区划代码位数',
    kind: 'digits',
    description: '区划代码前几位相同算同一城市；匹配只在同一城市（及求职者意向地点）内找候选',
  },
  {
    name: 'public_welfare_post.max_term',
    title: '公益性岗位安置期限',
    kind: 'months',
    description: '同一人在公益性岗位累计安置（享受岗位补贴）的最长月数',
  },
  {
    name: 'subsidy.public_welfare_post.amount',
    title: '公益性岗位补贴标准',
    kind: 'fen',
    description: '每名在岗人员每月的公益性岗位补贴（按在岗天数折算）',
  },
  {
    name: 'subsidy.social_insurance.amount',
    title: '社会保险补贴标准',
    kind: 'fen',
    description: '每名在岗就业困难人员每月的社会保险补贴（按在岗天数折算）',
  },
  { name: 'vacancy.max_validity', title: '岗位信息最长有效期', kind: 'days', description: '岗位信息自发布起最长有效天数，到期自动下架' },
  {
    name: 'assistance.visit_interval_days',
    title: '就业困难人员定期走访间隔',
    kind: 'days',
    description: '已认定的就业困难人员，自上次走访（未走访过的自认定之日）起经过此天数须再次走访',
  },
  {
    name: 'assistance.visit_due_soon_days',
    title: '就业困难人员走访“即将到期”提前天数',
    kind: 'days',
    description: '距下次应走访日期不超过此天数的人员显示为即将到期',
  },
  {
    name: 'zero_employment.due_soon_days',
    title: '零就业家庭个案“即将到期”提前天数',
    kind: 'days',
    description: '距解决时限不超过此天数的个案显示为即将到期',
  },
  {
    name: 'full_employment_community.min_registration_rate',
    title: '充分就业社区：下岗失业人员登记率',
    kind: 'percent',
    description: '社区劳动年龄内有劳动能力、未就业的人员中已办理失业登记的比例不低于此值',
  },
  {
    name: 'full_employment_community.min_certificate_rate',
    title: '充分就业社区：登记失业人员发证率',
    kind: 'percent',
    description: '社区登记失业人员中已领取就业失业登记证（原《再就业优惠证》）的比例不低于此值',
  },
  {
    name: 'full_employment_community.min_4050_placed_rate',
    title: '充分就业社区：有就业要求的“4050”人员安置率',
    kind: 'percent',
    description: '社区认定的“4050”人员中已实现就业的比例不低于此值',
  },
  {
    name: 'full_employment_community.target_share',
    title: '充分就业（就业先进）社区占比目标',
    kind: 'percent',
    description: '辖区内达到充分就业社区标准的社区所占比例的目标',
  },
  {
    name: 'ui.min_contribution_months',
    title: '领取失业保险金最短缴费时间',
    kind: 'months',
    description: '失业前用人单位和本人已缴纳失业保险费满此月数，方可领取失业保险金',
  },
  {
    name: 'ui.max_entitlement_months',
    title: '失业保险金最长领取期限',
    kind: 'months',
    description: '本次应领期限与前次应领而未领的期限合并计算的上限',
  },
  {
    name: 'ui.benefit_rate_of_min_wage',
    title: '失业保险金标准（占最低工资标准比例）',
    kind: 'percent',
    description: '每月失业保险金 = 最低工资标准 × 此比例，且须低于最低工资标准、高于城市居民最低生活保障标准',
  },
  { name: 'minimum_wage.monthly', title: '月最低工资标准', kind: 'fen', description: '当地月最低工资标准（失业保险金的上限）' },
  {
    name: 'minimum_living_allowance.monthly',
    title: '城市居民最低生活保障标准',
    kind: 'fen',
    description: '当地城市居民每人每月最低生活保障标准（失业保险金的下限）',
  },
  {
    name: 'ui.refusals_to_stop',
    title: '停发失业保险金的拒不接受介绍次数',
    kind: 'count',
    description: '领取失业保险金期间无正当理由拒不接受指定部门或机构介绍的适当工作或培训累计达此次数的，停止领取',
  },
  {
    name: 'ui.contribution_rate.employer',
    title: '失业保险费单位费率',
    kind: 'percent',
    description: '用人单位按本单位工资总额（缴费基数）的此比例缴纳失业保险费',
  },
  {
    name: 'ui.contribution_rate.person',
    title: '失业保险费个人费率',
    kind: 'percent',
    description: '职工按本人工资（缴费基数）的此比例缴纳失业保险费',
  },
  {
    name: 'ui.reemployment_rate_target',
    title: '享受失业保险待遇期间再就业率目标',
    kind: 'percent',
    description: '当年享受过失业保险金的人员中，领取期间重新就业而停发的比例',
  },
  {
    name: 'ui.deferral_agreement_target',
    title: '已就业在领失业金人员签订缓发协议率目标',
    kind: 'percent',
    description: '当年领取失业保险金期间重新就业而停发的人员中，签订缓发协议（保留未领期限）的比例',
  },
] as const satisfies readonly ParamDefinition[];

/** The name of a parameter in the catalogue: a misspelt name does not compile. */
export type ParamName = (typeof paramDefinitions)[number]['name'];

/**
 * Bounds a value must keep when an administrator sets it (policy/service.ts refuses others with
 * 400 OUT_OF_BAND): a fixed range, or an order between two parameters of the region in force on
 * the value's effective date. A rule that reads the figures still checks them (a later value of
 * the other parameter may break an order set earlier).
 */
export const paramRanges: Partial<Record<ParamName, { min: number; max: number; why: string }>> = {
  'ui.benefit_rate_of_min_wage': {
    min: 1,
    max: 99,
    why: '失业保险金标准须低于当地最低工资标准（《失业保险条例》第十八条），占最低工资标准的比例须在 1%–99% 之间',
  },
  'ui.max_entitlement_months': { min: 12, max: 24, why: '《失业保险条例》第十七条：领取期限最长不得超过24个月' },
  'ui.min_contribution_months': { min: 1, max: 120, why: '缴费时间以月计，须在 1–120 个月之间' },
  'ui.refusals_to_stop': { min: 1, max: 12, why: '停发失业保险金的拒不接受介绍次数须在 1–12 次之间' },
  'ui.contribution_rate.employer': { min: 0, max: 10, why: '失业保险费单位费率须在 0%–10% 之间' },
  'ui.contribution_rate.person': { min: 0, max: 10, why: '失业保险费个人费率须在 0%–10% 之间' },
  'ui.reemployment_rate_target': { min: 0, max: 100, why: '再就业率目标须在 0%–100% 之间' },
  'ui.deferral_agreement_target': { min: 0, max: 100, why: '缓发协议签订率目标须在 0%–100% 之间' },
};

export const paramOrders: readonly { lower: ParamName; upper: ParamName; why: string }[] = [
  {
    lower: 'minimum_living_allowance.monthly',
    upper: 'minimum_wage.monthly',
    why: '失业保险金标准须低于最低工资标准、高于城市居民最低生活保障标准（《失业保险条例》第十八条），故最低生活保障标准须低于最低工资标准',
  },
];

const paramNames: ReadonlySet<string> = new Set(paramDefinitions.map((d) => d.name));

/** Whether a name from outside the code (a URL) is a parameter of the catalogue. */
export function isParamName(name: string): name is ParamName {
  return paramNames.has(name);
}

const dalian = '2102';
const shenyang = '2101';
const hubei = '42';
const suining = '430527';
const s004 = '种子文件 004 大连市《关于推进社区就业再就业工作的意见》(2003-06-03)';
const s002 = '种子文件 002 沈阳市《关于做好2004年就业再就业工作的实施意见》(沈政发[2004]8号)';
const s003 = '种子文件 003 湖北省《2007年全省就业和失业保险工作要点》';
const s000 = '种子文件 000 太原市《劳动力市场“三化”建设推进试点实施方案》';
const openpesDefault = 'OpenPES 缺省值（非政策文件规定，各地可调整）';
const s001 = '种子文件 001 绥宁县《加强基层公共就业服务体系建设实施方案》(绥政办发〔2019〕8号)';

const taiyuan = '1401';
const uiStatute = '《失业保险条例》(国务院令第258号，1999-01-22)';
const taiyuanExample = '太原市示例值：种子文件未给出此数额，正式使用前请按山西省、太原市现行文件修改';

export const paramSeedValues: ParamSeedValue[] = [
  {
    name: 'ui.min_contribution_months',
    regionPrefix: '',
    effectiveFrom: '1999-01-22',
    value: 12,
    source: `${uiStatute} 第十四条第（一）项：按照规定参加失业保险，所在单位和本人已按照规定履行缴费义务满1年`,
  },
  {
    name: 'ui.max_entitlement_months',
    regionPrefix: '',
    effectiveFrom: '1999-01-22',
    value: 24,
    source: `${uiStatute} 第十七条：重新就业后再次失业的，领取期限可以与前次应领取而尚未领取的期限合并计算，但最长不得超过24个月`,
  },
  {
    name: 'ui.benefit_rate_of_min_wage',
    regionPrefix: taiyuan,
    effectiveFrom: '2003-01-01',
    value: 80,
    source: `${taiyuanExample}。依据：${uiStatute} 第十八条（失业保险金标准由省级人民政府确定，低于最低工资标准、高于城市居民最低生活保障标准）；${s003} §(十六)：结合最低工资标准调整，提高失业保险待遇水平`,
  },
  {
    name: 'minimum_wage.monthly',
    regionPrefix: taiyuan,
    effectiveFrom: '2003-01-01',
    value: 198_000,
    source: `${taiyuanExample}（按山西省一类地区月最低工资标准的量级取整）。依据：《最低工资规定》，由省级人民政府发布`,
  },
  {
    name: 'minimum_living_allowance.monthly',
    regionPrefix: taiyuan,
    effectiveFrom: '2003-01-01',
    value: 83_000,
    source: `${taiyuanExample}（按太原市城市低保标准的量级取整）。依据：《城市居民最低生活保障条例》，由当地人民政府确定`,
  },
  {
    name: 'loan.max_amount',
    regionPrefix: dalian,
    effectiveFrom: '2003-06-03',
    value: 2_000_000,
    source: `${s004} §四(一)：贷款额度最高不超过2万元`,
  },
  { name: 'loan.max_term', regionPrefix: dalian, effectiveFrom: '2003-06-03', value: 24, source: `${s004} §四(一)：期限最长不超过2年` },
  {
    name: 'job_creation_subsidy.per_person',
    regionPrefix: dalian,
    effectiveFrom: '2003-06-03',
    value: 50_000,
    source: `${s004} §四(二)：每安置一人补贴投资主体500元`,
  },
  {
    name: 'job_creation_subsidy.min_contract',
    regionPrefix: dalian,
    effectiveFrom: '2003-06-03',
    value: 3,
    source: `${s004} §四(二)：签定三年以上劳动合同`,
  },
  {
    name: 'zero_employment.resolve_within',
    regionPrefix: hubei,
    effectiveFrom: '2007-01-01',
    value: 3,
    source: `${s003} §(四)：对新产生的“零就业家庭”在三个月内必须解决`,
  },
  {
    name: 'zero_employment.resolve_within',
    regionPrefix: '',
    effectiveFrom: '2007-01-01',
    value: 3,
    source: `全国缺省值，沿用${s003} §(四)的三个月时限；各地应按本地文件另设`,
  },
  {
    name: 'graduate_service.deadline',
    regionPrefix: hubei,
    effectiveFrom: '2007-01-01',
    value: 3,
    source: `${s003} §(五)：3个月内免费提供一次政策咨询和职业指导、三次基本适合的岗位信息`,
  },
  {
    name: 'graduate_service.deadline',
    regionPrefix: '',
    effectiveFrom: '2007-01-01',
    value: 3,
    source: `全国缺省值，沿用${s003} §(五)的三个月时限；各地应按本地文件另设`,
  },
  {
    name: 'graduate_service.vacancies_offered',
    regionPrefix: '',
    effectiveFrom: '2007-01-01',
    value: 3,
    source: `全国缺省值，沿用${s003} §(五)的三次岗位信息；各地应按本地文件另设`,
  },
  {
    name: 'graduate_service.vacancies_offered',
    regionPrefix: hubei,
    effectiveFrom: '2007-01-01',
    value: 3,
    source: `${s003} §(五)：三次基本适合的岗位信息`,
  },
  {
    name: 'referral.target_rate',
    regionPrefix: shenyang,
    effectiveFrom: '2004-01-01',
    value: 40,
    source: `${s002} §一(二)：推荐介绍率达40%`,
  },
  {
    name: 'referral.target_success_rate',
    regionPrefix: shenyang,
    effectiveFrom: '2004-01-01',
    value: 15,
    source: `${s002} §一(二)：推荐介绍成功率达15%`,
  },
  {
    name: 'training.target_employment_rate',
    regionPrefix: shenyang,
    effectiveFrom: '2004-01-01',
    value: 60,
    source: `${s002} §一(二)：培训就业率达到60%以上`,
  },
  {
    name: 'reemployment_certificate.target_policy_rate',
    regionPrefix: shenyang,
    effectiveFrom: '2004-01-01',
    value: 80,
    source: `${s002} §一(二)：80%以上享受到再就业优惠政策`,
  },
  {
    name: 'unemployment_rate.ceiling',
    regionPrefix: shenyang,
    effectiveFrom: '2004-01-01',
    value: 6,
    source: `${s002} §一(二)：城镇登记失业率控制在6%以内`,
  },
  {
    name: 'unemployment_rate.ceiling',
    regionPrefix: hubei,
    effectiveFrom: '2007-01-01',
    value: 4.5,
    source: `${s003} 目标：城镇登记失业率控制在4.5%以内`,
  },
  {
    name: 'ui.payment_rate_target',
    regionPrefix: hubei,
    effectiveFrom: '2007-01-01',
    value: 100,
    source: `${s003} 目标：失业保险金发放率100%`,
  },
  {
    name: 'counsellor.funding_per_year',
    regionPrefix: suining,
    effectiveFrom: '2019-01-01',
    value: 3_000_000,
    source: `${s001} §三(三)：县乡职业指导员按30000元/人/年`,
  },
  {
    name: 'labour_broker.funding_per_year',
    regionPrefix: suining,
    effectiveFrom: '2019-01-01',
    value: 500_000,
    source: `${s001} §三(三)：农村劳务经纪人按5000元/人/年`,
  },
  {
    name: 'working_age.min',
    regionPrefix: '',
    effectiveFrom: '1995-01-01',
    value: 16,
    source: '《中华人民共和国劳动法》第十五条：禁止用人单位招用未满十六周岁的未成年人',
  },
  {
    name: 'working_age.max_male',
    regionPrefix: '',
    effectiveFrom: '1978-06-02',
    value: 60,
    source: '《国务院关于工人退休、退职的暂行办法》(国发〔1978〕104号) 第一条：男年满六十周岁',
  },
  {
    name: 'working_age.max_female',
    regionPrefix: '',
    effectiveFrom: '1978-06-02',
    value: 50,
    source: '《国务院关于工人退休、退职的暂行办法》(国发〔1978〕104号) 第一条：女工人年满五十周岁',
  },
  {
    name: 'person_4050.min_age_female',
    regionPrefix: '',
    effectiveFrom: '2002-09-30',
    value: 40,
    source: '《中共中央 国务院关于进一步做好下岗失业人员再就业工作的通知》(中发〔2002〕12号)：女40周岁以上',
  },
  {
    name: 'person_4050.min_age_male',
    regionPrefix: '',
    effectiveFrom: '2002-09-30',
    value: 50,
    source: '《中共中央 国务院关于进一步做好下岗失业人员再就业工作的通知》(中发〔2002〕12号)：男50周岁以上',
  },
  {
    name: 'long_term_unemployed.min_months',
    regionPrefix: '',
    effectiveFrom: '2007-01-01',
    value: 12,
    source: `${openpesDefault}：连续失业一年以上；${s003} §(三)：长期下岗失业人员为就业援助重点对象`,
  },
  {
    name: 'graduate_unemployed.window_years',
    regionPrefix: '',
    effectiveFrom: '2007-01-01',
    value: 2,
    source: `${openpesDefault}：毕业当年及次年；${s003} §(五)：对登记失业的毕业生开展“一对一”服务`,
  },
  {
    name: 'referral.target_rate',
    regionPrefix: '',
    effectiveFrom: '2004-01-01',
    value: 40,
    source: `全国缺省值，沿用${s002} §一(二)的推荐介绍率40%；各地应按本地文件另设`,
  },
  {
    name: 'referral.target_success_rate',
    regionPrefix: '',
    effectiveFrom: '2004-01-01',
    value: 15,
    source: `全国缺省值，沿用${s002} §一(二)的推荐介绍成功率15%；各地应按本地文件另设`,
  },
  ...(
    [
      ['occupation', 30],
      ['skills', 20],
      ['place', 20],
      ['wage', 15],
      ['education', 10],
      ['hours', 5],
    ] as const
  ).map(([factor, value]) => ({
    name: `matching.weight.${factor}` as const,
    regionPrefix: '',
    effectiveFrom: '2003-01-01',
    value,
    source: `${openpesDefault}：人岗匹配按职业、技能、地点、工资、文化程度评分（DESIGN 第8条；${s000} 职业介绍、工资指导价位）`,
  })),
  {
    name: 'matching.weight.priority',
    regionPrefix: '',
    effectiveFrom: '2003-01-01',
    value: 10,
    source: `${s000} 三、1：促进困难群体人员就业，确定重点服务对象；${s002} §(十一)：积极推荐大龄下岗失业人员再就业`,
  },
  ...(
    [
      ['same_group', 50, '职业不同但同属一个小类，职业权重得一半'],
      ['same_street', 70, '同一街道（乡镇）得地点权重的七成'],
      ['same_district', 40, '同一区（县）得四成'],
      ['same_city', 10, '同一城市得一成'],
    ] as const
  ).map(([share, value, why]) => ({
    name: `matching.share.${share}` as const,
    regionPrefix: '',
    effectiveFrom: '2003-01-01',
    value,
    source: `${openpesDefault}：${why}；距离越近得分越高（DESIGN 第8条）`,
  })),
  {
    name: 'matching.city_prefix_digits',
    regionPrefix: '',
    effectiveFrom: '2003-01-01',
    value: 4,
    source: `${openpesDefault}：区划代码（GB/T 2260）前 4 位为地级市；直辖市全市共用前 2 位，可在本市设为 2`,
  },
  {
    name: 'public_welfare_post.max_term',
    regionPrefix: '',
    effectiveFrom: '2017-10-13',
    value: 36,
    source:
      '全国缺省值：财政部、人力资源社会保障部《就业补助资金管理办法》(财社〔2017〕164号) 公益性岗位补贴期限最长不超过3年（距法定退休年龄不足5年的人员可延长至退休，由各地另行设定）',
  },
  {
    name: 'graduate_service.due_soon_days',
    regionPrefix: '',
    effectiveFrom: '2007-01-01',
    value: 15,
    source: `${openpesDefault}：服务时限前 15 天起提醒（${s003} §(五) 只规定三个月内提供服务，未规定提醒时点）`,
  },
  {
    name: 'assistance.visit_interval_days',
    regionPrefix: '',
    effectiveFrom: '2003-06-03',
    value: 30,
    source: `${openpesDefault}：每 30 天至少走访一次（${s004} §三(七) 要求对特困群体“定期家访、跟踪服务”，未规定间隔）`,
  },
  {
    name: 'assistance.visit_due_soon_days',
    regionPrefix: '',
    effectiveFrom: '2003-06-03',
    value: 7,
    source: `${openpesDefault}：应走访日期前 7 天起提醒（${s004} §三(七) 未规定提醒时点）`,
  },
  {
    name: 'zero_employment.due_soon_days',
    regionPrefix: '',
    effectiveFrom: '2007-01-01',
    value: 15,
    source: `${openpesDefault}：解决时限前 15 天起提醒（${s003} §(四) 只规定三个月内解决，未规定提醒时点）`,
  },
  {
    name: 'reemployment_certificate.check_interval_months',
    regionPrefix: '',
    effectiveFrom: '2003-01-01',
    value: 12,
    source: `${openpesDefault}：每年年审一次（${s004} §三(二) 街道劳动保障事务所负责《再就业优惠证》的核发和下岗失业人员管理，未规定年审周期）`,
  },
  {
    name: 'vacancy.max_validity',
    regionPrefix: '',
    effectiveFrom: '2003-01-01',
    value: 90,
    source: `${openpesDefault}：招聘信息须真实、合法（《人力资源市场暂行条例》第二十四条），岗位最长展示 90 天，到期须重新发布`,
  },
  ...(
    [
      ['full_employment_community.min_registration_rate', 100, '实现社区下岗失业人员登记率达100%'],
      [
        'full_employment_community.min_certificate_rate',
        100,
        '对符合申领《再就业优惠证》条件申领《再就业优惠证》的下岗失业人员发证率达100%',
      ],
      ['full_employment_community.min_4050_placed_rate', 90, '对有就业要求的“4050”人员安置率达90%以上'],
      ['full_employment_community.target_share', 20, '要确保20%的社区进入就业先进社区行列'],
      ['ui.deferral_agreement_target', 100, '已就业在领失业金人员签订缓发协议率达100%'],
    ] as const
  ).flatMap(([name, value, clause]): ParamSeedValue[] => [
    { name, regionPrefix: shenyang, effectiveFrom: '2004-01-01', value, source: `${s002} §(八)：${clause}` },
    {
      name,
      regionPrefix: '',
      effectiveFrom: '2004-01-01',
      value,
      source: `全国缺省值，沿用${s002} §(八)：${clause}；各地应按本地文件另设`,
    },
  ]),
  {
    name: 'ui.refusals_to_stop',
    regionPrefix: '',
    effectiveFrom: '1999-01-22',
    value: 2,
    source: `${openpesDefault}：${uiStatute} 第十五条第（六）项（无正当理由，拒不接受当地人民政府指定的部门或者机构介绍的工作的，停止领取失业保险金）未规定次数，以 2 次为缺省，各地应按本地办法另设`,
  },
  {
    name: 'ui.contribution_rate.employer',
    regionPrefix: '',
    effectiveFrom: '1999-01-22',
    value: 2,
    source: `${uiStatute} 第六条：城镇企业事业单位按照本单位工资总额的百分之二缴纳失业保险费（此后国家阶段性降低费率的，各地按现行文件另设）`,
  },
  {
    name: 'ui.contribution_rate.person',
    regionPrefix: '',
    effectiveFrom: '1999-01-22',
    value: 1,
    source: `${uiStatute} 第六条：城镇企业事业单位职工按照本人工资的百分之一缴纳失业保险费（此后国家阶段性降低费率的，各地按现行文件另设）`,
  },
  {
    name: 'ui.reemployment_rate_target',
    regionPrefix: hubei,
    effectiveFrom: '2007-01-01',
    value: 40,
    source: `${s003} §(十七)：把享受失业保险待遇失业人员作为培训机构和职业介绍机构的重点服务对象，努力提高其再就业率，享受待遇期间再就业率不低于40%`,
  },
  {
    name: 'ui.reemployment_rate_target',
    regionPrefix: '',
    effectiveFrom: '2007-01-01',
    value: 40,
    source: `全国缺省值，沿用${s003} §(十七)：享受待遇期间再就业率不低于40%；各地应按本地文件另设`,
  },
];
