// The discrimination screening rules of JOB-3 as data: each rule is a pattern over the vacancy
// text, the category it finds, why a reviewer should look, and the legal provision behind it.
// Patterns target requirement phrasing (限/仅/只/要求/须/优先/不招/勿扰 + trait, or a trait standing
// alone as a listed condition), not bare trait words, because ads are full of ordinary words that
// contain one (女装, 民族路, 残联, 婚假, 3岁以下婴幼儿). The exception is marital status (已婚, 未婚,
// 已育): in an ad it is almost always a condition, so it is flagged unless its clause is about
// benefits. A flag is a prompt for the reviewer, who decides (e.g. 矿山井下 may lawfully be limited
// to men); see docs/screening.md.

import type { ScreeningCategory, ScreeningSeverity } from '../../../shared/screening.js';

export type { ScreeningCategory, ScreeningSeverity } from '../../../shared/screening.js';

export interface ScreeningRule {
  /** Stable id, `<category>.<form>`, so a reviewer's decision can name the rule it overrode. */
  id: string;
  category: ScreeningCategory;
  /** 'flag' is unlawful on its face; 'warning' (age) asks the reviewer to judge. */
  severity: ScreeningSeverity;
  /** JavaScript RegExp source, matched with the 'gu' flags; the whole match is the highlighted span. */
  pattern: string;
  /** Optional RegExp source: a match whose clause (text between ，。；！？ and line breaks) matches this is ignored. */
  unless?: string;
  /** Chinese explanation shown to the reviewer. */
  reason: string;
  /** Chinese citation of the provision. */
  legalSource: string;
}

// ---- Shared fragments. They are spliced into the pattern strings below; the rules stay plain data. ----

/** Start and end of a clause or list item, for a trait that stands alone as a condition (「，男，」). */
const itemStart = '(?<=^|[，,。；;：:、！!？?\\s（(）)])';
const itemEnd = '(?=$|[，,。；;、！!？?\\s（(）)])';
/** Words that make what follows a condition. 不限 is excluded by the lookbehind wherever it matters. */
const requires =
  '(?:仅限于?|只限于?|限招|限于|仅招收|只招收|招收|仅招|只招|只要|只收|只找|仅|只|限|要求|需要|须为|需为|须是|需是|必须是|必须为|必须|应为|最好是|须|需)';
/** Words that exclude what follows. */
const excludes = '(?:不招收?|不要(?!求)|不收|不接受|不考虑|不录用|不聘用?|谢绝|拒绝|拒收)';
/** Words after a trait that turn applicants away. */
const dismisses =
  '(?:勿扰|免谈|勿投|请勿投递|请勿应聘|不予录用|不予聘用|不予考虑|恕不录用|恕不考虑|不考虑|不录用|不要(?!求)|谢绝应聘|谢绝|不招|不收|请绕道|绕道|一律不要|就?别来了?)';

const sexWord = '(?:男|女)(?:性|士|生|孩子|孩|同志|的)?';
/** Characters after 男/女 that make a product or a place, not a person: 女装, 男鞋, 女子医院, 男士服装, 男科, 女性用品. */
const notProduct = '(?![装鞋款式科子包表帽袜童篮排足单双厕澡服理]|士服|士理|性用品|性健康|性专科|职工|女|男)';
const sexPerson = `(?:${sexWord}${notProduct}|小伙子?|帅哥|美女|小姐姐|姑娘)`;
const sexNeutral = '男女|不限|均可|皆可|都可|或女|或男';

const maritalStatus = '(?:已婚已育|已婚未育|未婚未育|已婚|未婚|离异|丧偶|单身|已育|未育|已生育|未生育)';
const benefitContext = '提供|享受|福利|补贴|补助|津贴|夫妻房|宿舍|公寓|婚假|产假|育儿假';

const ethnicGroup =
  '(?:汉族|汉人|回族|维吾尔族|维族|藏族|蒙古族|蒙族|壮族|满族|苗族|彝族|土家族|朝鲜族|哈萨克族|傣族|侗族|瑶族|白族|黎族|少数民族|非汉族)';
const raceWord = '(?:欧美白人|白种人|黄种人|黑种人|白人|黑人|有色人种|非洲裔|非裔|亚裔|非洲人|欧美面孔|白人面孔|外国面孔|白皮肤|黑皮肤)';
const faithWord = '(?:宗教信仰|宗教|伊斯兰教|基督教|天主教|佛教|道教|穆斯林|基督徒|佛教徒|教徒|信徒|信教的?)';
const disabilityWord = '(?:残疾人士|残疾人|残疾|残障人士|残障|残缺|肢残|聋哑人|聋哑|盲人|视障|听障)';
const diseaseWord =
  '(?:乙肝病毒|乙肝表面抗原|乙肝|乙型肝炎|HBV|大三阳|小三阳|丙肝|艾滋病病毒|艾滋病|HIV|肺结核|结核|梅毒|传染性疾病|传染病)';

const province =
  '(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|内蒙|广西|西藏|宁夏|新疆|香港|澳门|东北|西北|潮汕|苏北)';
const locality = '(?:非本地|非本市|本地|本市|本省|本区|本县|当地|外地|外省|外市|异地|城镇|城市|非农业|非农|农业|农村)';
/** A place of origin: local/non-local, urban/rural, a province or region, or any name ending in 省市县区州旗. */
const place = `(?:${locality}|${province}(?:省|籍)?|[\\u4e00-\\u9fa5]{1,4}(?:省|市|县|区|州|旗))`;
const hukou = '(?:(?:常住)?户口|(?:常住)?户籍|籍贯|籍|生源)';
const originPerson = '(?:人员|人士|人|居民|应聘者|求职者)';

/** An age in years, in digits or Chinese numerals (二十五); one-digit ages are children's and never limits. */
const years = '(?:\\d{2}|[二三四五六七八九]十[一二三四五六七八九]?)';
/** Words that ask for a kind of person; slang rules allow up to 8 characters before the person (适合吃苦耐劳的年轻小伙). */
const askingFor = '(?:适合|限|只要|要求|招聘?|最好是?)';
/** Ages of the people served, not of the applicant: 3岁以下婴幼儿, 60岁以上老人. */
const notServedAge = '(?!的?(?:婴|幼|儿|孩|宝宝|小孩|老人|长者|学生|患者|客户|青少年|少年|人群|群体))';
const rangeDash = '(?:-|－|—|–|~|～|至|到)';

// ---- Reasons and legal sources per category. ----

const sexSource =
  '《中华人民共和国就业促进法》第三条、第二十七条；《中华人民共和国妇女权益保障法》（2022年修订）第四十三条；《人力资源市场暂行条例》第二十四条；《关于进一步规范招聘行为促进妇女就业的通知》（人社部发〔2019〕17号）';
const sexReason =
  '招聘信息限定性别或规定性别优先，属于性别歧视。国家规定的女职工禁忌从事的劳动（如矿山井下）除外，请核实岗位是否属于禁忌范围。';
const maritalSource =
  '《中华人民共和国妇女权益保障法》（2022年修订）第四十三条第（二）至（四）项；《中华人民共和国就业促进法》第二十七条；《关于进一步规范招聘行为促进妇女就业的通知》（人社部发〔2019〕17号）';
const maritalReason = '不得将婚姻、生育状况或限制结婚、生育作为录用条件，不得询问婚育情况。';
const ethnicitySource = '《中华人民共和国就业促进法》第三条、第二十八条；《人力资源市场暂行条例》第二十四条';
const ethnicityReason = '招聘信息不得以民族为由限制或拒绝求职者；对少数民族劳动者依法给予照顾（如“少数民族优先”）不在此列。';
const raceSource = '《中华人民共和国就业促进法》第三条；《人力资源市场暂行条例》第二十四条';
const raceReason = '招聘信息不得以种族、肤色为由限制或拒绝求职者。';
const religionSource = '《中华人民共和国就业促进法》第三条；《人力资源市场暂行条例》第二十四条';
const religionReason = '招聘信息不得以宗教信仰（包括有无宗教信仰）为由限制或拒绝求职者。';
const disabilitySource = '《中华人民共和国就业促进法》第二十九条；《中华人民共和国残疾人保障法》第三十八条；《残疾人就业条例》第四条';
const disabilityReason = '不得以残疾为由拒绝录用；岗位确有身体条件要求的，应写明具体的履职能力，而不是要求“身体健全”“无残疾”。';
const infectiousSource =
  '《中华人民共和国就业促进法》第三十条；《关于进一步规范入学和就业体检项目维护乙肝表面抗原携带者入学和就业权利的通知》（人社部发〔2010〕12号）';
const infectiousReason =
  '不得以是传染病病原携带者为由拒绝录用，入职体检不得检测乙肝项目；只有法律、行政法规和国务院卫生健康部门规定禁止从事的工作除外，请核实依据。';
const originSource =
  '《中华人民共和国就业促进法》第三条、第三十一条；《网络招聘服务管理规定》第十五条第二款（不得在户籍、地域、身份等方面设置限制人力资源流动的条件）';
const originReason = '招聘信息不得以户籍、城乡身份或籍贯地域限制求职者；“住在附近”“熟悉本地市场”等与通勤或技能有关的条件不在此列。';
const ageSource =
  '法律未明文禁止招聘年龄条件；2022年《政府工作报告》要求“坚决防止和纠正性别、年龄等就业歧视”。最低年龄以《中华人民共和国劳动法》第十五条及行业规定为准，不提示。';
const ageReason = '年龄上限可能排斥大龄劳动者，请审核人确认该限制是否为岗位所必需（如法规规定的年龄条件）。';

const sex = { category: 'sex', severity: 'flag', reason: sexReason, legalSource: sexSource } as const;
const marital = { category: 'marital_childbearing', severity: 'flag', reason: maritalReason, legalSource: maritalSource } as const;
const ethnicity = { category: 'ethnicity', severity: 'flag', reason: ethnicityReason, legalSource: ethnicitySource } as const;
const race = { category: 'race', severity: 'flag', reason: raceReason, legalSource: raceSource } as const;
const religion = { category: 'religion', severity: 'flag', reason: religionReason, legalSource: religionSource } as const;
const disability = { category: 'disability', severity: 'flag', reason: disabilityReason, legalSource: disabilitySource } as const;
const infectious = { category: 'infectious_disease', severity: 'flag', reason: infectiousReason, legalSource: infectiousSource } as const;
const origin = { category: 'origin', severity: 'flag', reason: originReason, legalSource: originSource } as const;
const age = { category: 'age', severity: 'warning', reason: ageReason, legalSource: ageSource } as const;

/** The rules, in the order a reviewer reads the categories. */
export const screeningRules: readonly ScreeningRule[] = [
  // ---- sex ----
  { id: 'sex.required', ...sex, pattern: `(?<!不)(?:${requires}|招聘|招|适合|面向)\\s*[:：]?\\s*${sexPerson}` },
  { id: 'sex.preferred', ...sex, pattern: `${sexWord}${notProduct}\\s*(?:者|员工|应聘者|求职者)?\\s*(?:优先|更佳|为佳|最佳)` },
  { id: 'sex.excluded', ...sex, pattern: `${excludes}\\s*${sexPerson}` },
  { id: 'sex.dismissed', ...sex, pattern: `${sexWord}${notProduct}(?:护士|司机|员工|工人|工|应聘者|求职者)?\\s*${dismisses}` },
  {
    id: 'sex.field',
    ...sex,
    pattern: `性别\\s*(?:要求|限制)?\\s*[:：]?\\s*(?:限|仅限)?\\s*(?:男|女)(?:性|士|生)?(?![女男/／或、])`,
    unless: sexNeutral,
  },
  { id: 'sex.listed', ...sex, pattern: `${itemStart}(?:男|女)(?:性|士|生)?${itemEnd}`, unless: sexNeutral },
  {
    id: 'sex.slang_person',
    ...sex,
    pattern: `${askingFor}[^，,。；;！!？?]{0,8}?(?:小伙子?|帅哥|美女|小姐姐|小哥哥|姑娘|妹子)`,
    reason: '用“小伙”“美女”等称呼指定求职者，实际限定了性别。',
  },
  {
    id: 'sex.quota',
    ...sex,
    pattern:
      '男女[\\u4e00-\\u9fa5]{0,6}?各(?:[\\d一二两三四五六七八九十]+\\s*名|半)|(?<![\\u4e00-\\u9fa5])(?:男|女)(?:性|士|生)?\\s*[\\d一二两三四五六七八九十]+\\s*名',
    reason: '按性别分配招聘名额，限制了另一性别的录用机会。',
  },
  {
    id: 'sex.with_marital_status',
    ...sex,
    pattern: `(?<=${maritalStatus}的?)(?:男|女)(?:性|士|生)?`,
    unless: benefitContext,
    reason: '对某一性别附加婚育条件，差别化地提高了对该性别的录用标准。',
  },
  {
    id: 'sex.condition_for_one_sex',
    ...sex,
    pattern: `(?:男|女)(?:性|士|生)?(?:应聘者|求职者|员工)\\s*(?:须|需|必须|应|要)`,
    reason: '只对某一性别的求职者提出条件，差别化地提高了对该性别的录用标准。',
  },

  // ---- marital or childbearing status ----
  {
    id: 'marital.status',
    ...marital,
    pattern: `(?:(?<!不)${requires}\\s*[:：]?\\s*)?${maritalStatus}(?![假房宿公礼])`,
    unless: benefitContext,
  },
  {
    id: 'marital.no_childbearing_plan',
    ...marital,
    pattern:
      '(?:(?:近|未来)?\\s*[一二两三四五\\d]\\s*年(?:内|之内)?\\s*)?(?:无|没有|暂无|不考虑|暂不考虑|不得有|不能有)\\s*(?:生育|怀孕|婚育|要孩子|生孩子|生小孩|生二胎|生三胎|二胎|三胎|结婚)\\s*(?:计划|打算|安排|意愿)?',
  },
  {
    id: 'marital.forbidden',
    ...marital,
    pattern:
      '(?:[一二两三四五\\d]\\s*年(?:内|之内)?\\s*)?(?:不得|不能|不准|不可|不许|禁止)\\s*(?:怀孕|生育|结婚|生孩子|要孩子|生小孩|要小孩|生娃|要娃|生二胎|要二胎|生三胎|要三胎)',
  },
  {
    id: 'marital.pregnancy_test',
    ...marital,
    pattern: '(?:妊娠|怀孕|早孕|验孕)\\s*(?:测试|检测|检查|试纸|试验)|孕检|(?:未孕|未怀孕|非孕期?)证明',
    reason: '不得将妊娠测试作为入职体检项目。',
    legalSource:
      '《中华人民共和国妇女权益保障法》（2022年修订）第四十三条第（三）项；《关于进一步规范招聘行为促进妇女就业的通知》（人社部发〔2019〕17号）',
  },
  {
    id: 'marital.pregnant_dismissed',
    ...marital,
    pattern: `(?:孕妇|孕期女性|怀孕者|怀孕的?|哺乳期(?:女性|妇女)?|备孕期?|宝妈)(?:人员|者|女性)?\\s*${dismisses}|${excludes}\\s*(?:孕妇|怀孕|哺乳期|备孕|宝妈)`,
  },
  {
    id: 'marital.inquiry',
    ...marital,
    pattern: '(?:注明|说明|提供|填写|告知)\\s*(?:婚育|婚姻|生育)(?:状况|情况)',
    reason: '除个人基本信息外，不得询问或调查求职者的婚育情况。',
    legalSource:
      '《中华人民共和国妇女权益保障法》（2022年修订）第四十三条第（二）项；《关于进一步规范招聘行为促进妇女就业的通知》（人社部发〔2019〕17号）',
  },

  // ---- ethnicity ----
  { id: 'ethnicity.required', ...ethnicity, pattern: `(?<!不)${requires}\\s*[:：]?\\s*${ethnicGroup}` },
  { id: 'ethnicity.excluded', ...ethnicity, pattern: `${excludes}\\s*${ethnicGroup}` },
  {
    id: 'ethnicity.dismissed',
    ...ethnicity,
    pattern: `${ethnicGroup}(?:[、和及与]${ethnicGroup})*(?:人员|人士|同胞|朋友|者|应聘者|求职者)?\\s*${dismisses}`,
  },
  { id: 'ethnicity.majority_preferred', ...ethnicity, pattern: '(?:汉族|汉人|非少数民族)(?:者|人员)?\\s*优先' },
  { id: 'ethnicity.field', ...ethnicity, pattern: `民族\\s*(?:要求|限制)?\\s*[:：]\\s*(?:限|仅限)?\\s*(?:汉族?|${ethnicGroup})` },
  { id: 'ethnicity.listed', ...ethnicity, pattern: `${itemStart}${ethnicGroup}${itemEnd}`, unless: '不限|均可|欢迎|优先|照顾' },

  // ---- race ----
  { id: 'race.required', ...race, pattern: `(?<!不)${requires}\\s*[:：]?\\s*${raceWord}(?:面孔)?` },
  { id: 'race.excluded', ...race, pattern: `${excludes}\\s*${raceWord}` },
  { id: 'race.dismissed', ...race, pattern: `${raceWord}(?:应聘者|求职者|人士|者)?\\s*${dismisses}` },
  { id: 'race.preferred', ...race, pattern: `${raceWord}(?:面孔)?(?:者)?\\s*优先` },

  // ---- religion ----
  {
    id: 'religion.none_required',
    ...religion,
    pattern: '(?:无|没有|不得有|不能有|不可有)\\s*(?:任何)?\\s*宗教(?:信仰)?|不信(?:仰)?(?:宗教|教)',
  },
  { id: 'religion.excluded', ...religion, pattern: `${excludes}\\s*(?:有|信仰|信奉)?\\s*${faithWord}` },
  { id: 'religion.dismissed', ...religion, pattern: `(?:信仰|信奉)?${faithWord}(?:信仰)?(?:者|人士|人员)?\\s*${dismisses}` },
  {
    id: 'religion.required',
    ...religion,
    pattern: `(?<!不)${requires}\\s*(?:信仰|信奉)?\\s*(?:穆斯林|基督徒|佛教徒|伊斯兰教|基督教|天主教|佛教|道教)`,
  },

  // ---- disability ----
  {
    id: 'disability.intact_body',
    ...disability,
    pattern: '(?:身体|肢体|四肢|身心|五官|手脚|双手|听力视力|视力听力)\\s*(?:健全|完好|无残缺|无缺陷|无残疾|齐全)',
  },
  {
    id: 'disability.none_required',
    ...disability,
    pattern: '(?:无|没有|非|不得有|不能有)\\s*(?:任何)?\\s*(?:肢体残疾|身体残疾|残疾|残障|残缺|生理缺陷|身体缺陷)',
  },
  { id: 'disability.excluded', ...disability, pattern: `${excludes}\\s*${disabilityWord}` },
  { id: 'disability.dismissed', ...disability, pattern: `(?:身体|肢体)?${disabilityWord}(?:人士|人员|人|者)?\\s*${dismisses}` },

  // ---- carriers of infectious disease ----
  { id: 'infectious.none_required', ...infectious, pattern: `(?:无|没有|非|不得有|不能有|未患有?|不患有?)\\s*(?:任何)?\\s*${diseaseWord}` },
  {
    id: 'infectious.dismissed',
    ...infectious,
    pattern: `${diseaseWord}(?:[、和及与或]?${diseaseWord})*(?:病毒携带者|携带者|患者|感染者|阳性)?(?:者)?\\s*${dismisses}`,
  },
  { id: 'infectious.excluded', ...infectious, pattern: `${excludes}\\s*${diseaseWord}(?:病毒携带者|携带者|患者|感染者)?` },
  { id: 'infectious.positive_dismissed', ...infectious, pattern: `阳性(?:者|人员)?\\s*${dismisses}` },
  {
    id: 'infectious.screening_test',
    ...infectious,
    pattern:
      '(?<=体检[^。；;！!]{0,12}|(?:提供|出具|提交)\\s*)(?:乙肝五项|乙肝两对半|两对半|乙肝|HBV|HIV|艾滋病)(?:项目)?(?:检测|检查|化验)?(?:报告|证明)?',
    reason: '入职体检不得检测乙肝项目，除非所在行业经国家卫生健康部门核准。',
  },

  // ---- rural or regional origin ----
  {
    id: 'origin.required',
    ...origin,
    pattern: `(?<!不)${requires}\\s*[:：]?\\s*(?:持有?)?\\s*${place}(?:${hukou}(?:人员|者)?|${originPerson})`,
  },
  { id: 'origin.preferred', ...origin, pattern: `${place}(?:${hukou}|${originPerson})(?:者|人员)?\\s*优先` },
  { id: 'origin.excluded', ...origin, pattern: `${excludes}\\s*${place}(?:${hukou}|${originPerson})?` },
  { id: 'origin.dismissed', ...origin, pattern: `${place}(?:${hukou}|${originPerson})(?:人员|者)?\\s*${dismisses}` },
  { id: 'origin.locality_only', ...origin, pattern: `(?<!不)${requires}\\s*${locality}${itemEnd}|${locality}\\s*${dismisses}` },
  { id: 'origin.listed', ...origin, pattern: `${itemStart}${place}(?:户口|户籍)${itemEnd}`, unless: '不限|均可' },

  // ---- age (warnings) ----
  {
    id: 'age.upper_limit',
    ...age,
    pattern: `(?:年龄\\s*[:：]?\\s*)?(?:(?:限|要求|在)\\s*)?${years}\\s*(?:周岁|岁)\\s*(?:以下|以内|之内|之下|内)${notServedAge}`,
  },
  {
    id: 'age.range',
    ...age,
    pattern: `(?:年龄\\s*[:：]?\\s*(?:在\\s*)?)?${years}\\s*(?:周岁|岁)?\\s*${rangeDash}\\s*${years}\\s*(?:周岁|岁)${notServedAge}|年龄\\s*[:：]?\\s*(?:在\\s*)?${years}\\s*${rangeDash}\\s*${years}`,
  },
  {
    id: 'age.not_over',
    ...age,
    pattern: `(?:年龄\\s*)?(?:不超过|不大于|不高于|小于|低于|不得超过|不能超过)\\s*${years}\\s*(?:周岁|岁)${notServedAge}`,
  },
  {
    id: 'age.generation',
    ...age,
    pattern: '(?:(?:限|要求|只要|仅限|只招|最好是?)\\s*)(?:[6-9][05]|0[05])后|(?:[6-9][05]|0[05])后(?:者)?\\s*优先',
  },
  {
    id: 'age.older_dismissed',
    ...age,
    pattern: `(?:大龄|年龄偏大|年纪大|超龄|中老年|年龄过大)(?:者|人员|的)?\\s*${dismisses}|${askingFor}[^，,。；;！!？?]{0,8}?年轻(?:人|小伙子?|姑娘)?|年轻人?(?:者)?\\s*优先`,
  },
];
