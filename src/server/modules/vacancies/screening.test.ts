import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { screenVacancyText, type ScreeningFlag } from './screening.js';
import { cleanAds, discriminatoryAds, heldOutAds, screeningCorpus } from './screeningCorpus.js';
import { measureScreening, summariseMeasurement } from './screeningMetrics.js';
import { screeningRules, type ScreeningCategory, type ScreeningRule } from './screeningRules.js';

/** The (category, span, severity) triples a text raises, in order. */
function flagsOf(text: string): Array<Pick<ScreeningFlag, 'category' | 'text' | 'severity'>> {
  return screenVacancyText(text).map(({ category, text: span, severity }) => ({ category, text: span, severity }));
}

function categoriesOf(text: string): ScreeningCategory[] {
  return [...new Set(screenVacancyText(text).map((flag) => flag.category))].sort();
}

describe('JOB-3 discrimination screening of vacancy texts', () => {
  it('JOB-3 flags 限男性 as sex with that exact span', () => {
    const text = '招聘电焊工2名，限男性，持证上岗，月薪6000元起。';
    const flags = screenVacancyText(text);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ ruleId: 'sex.required', category: 'sex', severity: 'flag', text: '限男性', start: 8, end: 11 });
    expect(text.slice(flags[0]!.start, flags[0]!.end)).toBe('限男性');
    expect(flags[0]!.reason).toContain('性别');
    expect(flags[0]!.legalSource).toContain('《中华人民共和国就业促进法》第三条、第二十七条');
  });

  it('JOB-3 flags 仅限本地户口 as origin', () => {
    expect(flagsOf('社区招聘网格员，仅限本地户口，高中以上学历。')).toEqual([
      { category: 'origin', text: '仅限本地户口', severity: 'flag' },
    ]);
    expect(screenVacancyText('仅限本地户口')[0]!.legalSource).toContain('第三十一条');
  });

  it('JOB-3 gives an age warning (not a flag) for 35岁以下', () => {
    expect(flagsOf('35岁以下，招聘销售代表，底薪加提成。')).toEqual([{ category: 'age', text: '35岁以下', severity: 'warning' }]);
  });

  it("JOB-3 an ordinary welder's vacancy has no flag", () => {
    expect(screenVacancyText('招聘电焊工3名，持焊工证，男女不限，月薪5000-7000元，包食宿，工作地点小店区。')).toEqual([]);
  });

  it.each<[ScreeningCategory, string, string, string]>([
    ['sex', '招聘销售代表，男性优先考虑，有车者优先。', '男性优先', 'Employment Promotion Law art. 27, Women’s Rights Law art. 43(1)'],
    ['marital_childbearing', '客服专员，近两年无生育计划，能适应倒班。', '近两年无生育计划', 'Women’s Rights Law art. 43(4)'],
    ['ethnicity', '招聘保安员，限汉族，退伍军人优先。', '限汉族', 'Employment Promotion Law art. 28'],
    ['race', '英语外教，仅限白人，母语为英语。', '仅限白人', 'Employment Promotion Law art. 3'],
    ['religion', '招聘会计，无宗教信仰，中共党员优先。', '无宗教信仰', 'Employment Promotion Law art. 3'],
    ['disability', '招聘客服，身体健全，普通话标准。', '身体健全', 'Employment Promotion Law art. 29'],
    ['infectious_disease', '乙肝携带者勿扰，招聘厨师，包吃住。', '乙肝携带者勿扰', 'Employment Promotion Law art. 30'],
    ['origin', '工厂招聘普工，不招河南人，长白班。', '不招河南人', 'Employment Promotion Law art. 3, online recruitment rules art. 15(2)'],
    ['age', '招聘普工，年龄18-35周岁，长白班。', '年龄18-35周岁', 'a warning: no statute forbids age limits'],
  ])('JOB-3 flags %s: %s highlights %s (%s)', (category, text, span) => {
    const flags = screenVacancyText(text);
    expect(flags.map((f) => [f.category, f.text])).toEqual([[category, span]]);
    expect(flags[0]!.severity).toBe(category === 'age' ? 'warning' : 'flag');
  });

  it.each([
    ['男女不限', 'both sexes welcome'],
    ['不限性别', 'both sexes welcome'],
    ['男、女均可', 'both sexes welcome'],
    ['欢迎应届毕业生', 'graduates welcome'],
    ['身体健康', 'health in general is not disability'],
    ['持有焊工证', 'a certificate'],
    ['有驾照', 'a licence'],
    ['能适应倒班', 'shift work'],
    ['工作地点在小店区', 'the workplace'],
    ['住在附近优先', 'the commute'],
    ['熟悉本地市场者优先', 'a skill'],
    ['女装销售', 'the product'],
    ['女子医院招聘护士', 'the employer'],
    ['男士服装导购', 'the product'],
    ['孕婴店营业员', 'the shop'],
    ['民族路门店', 'a street'],
    ['回民街餐馆', 'a street'],
    ['穆斯林餐厅招聘厨师，熟悉清真菜品制作', 'the restaurant and a cooking skill'],
    ['残联下属康复中心', 'the employer'],
    ['带薪婚假', 'a benefit'],
    ['产假', 'a benefit'],
    ['提供单身宿舍和夫妻房', 'a benefit'],
    ['欢迎残疾人朋友应聘', 'an invitation'],
    ['少数民族应聘者优先', 'lawful preference (Employment Promotion Law art. 28)'],
    ['负责3岁以下婴幼儿看护', 'the children’s age'],
    ['服务60岁以上老人', 'the residents’ age'],
    ['年满18周岁', 'a legal minimum age'],
    ['年龄不限', 'no limit'],
    ['户籍不限', 'no limit'],
    ['协助办理户口迁移业务', 'the work'],
    ['入职需提供户口本复印件', 'a document for the file'],
    ['负责乙肝、艾滋病等项目检测', 'the work'],
    ['无恐高症、无高血压', 'fitness for work at height, not a listed ground'],
    ['不要求学历', '不要求 is not 不要'],
  ])('JOB-3 does not flag ordinary wording %j (%s)', (text) => {
    expect(screenVacancyText(text)).toEqual([]);
  });

  it('JOB-3 decides 本地户口优先 is origin discrimination but 住在附近优先 is about the commute', () => {
    expect(categoriesOf('超市招聘收银员，本地户口优先。')).toEqual(['origin']);
    expect(categoriesOf('本地人优先')).toEqual(['origin']);
    expect(categoriesOf('超市招聘理货员，住在附近优先。')).toEqual([]);
  });

  it('JOB-3 decides a Muslim restaurant may ask for 清真 cooking skill, but 限回族 goes to the reviewer', () => {
    expect(categoriesOf('穆斯林餐厅招聘厨师，熟悉清真菜品制作，持健康证。')).toEqual([]);
    expect(categoriesOf('清真餐厅招聘厨师，限回族，有清真菜制作经验。')).toEqual(['ethnicity']);
    expect(categoriesOf('招聘厨师助理，穆斯林勿扰，需处理猪肉。')).toEqual(['religion']);
  });

  it('JOB-3 reads 男女不限 in one clause without excusing 性别：男 in another', () => {
    expect(categoriesOf('性别：男、女均可')).toEqual([]);
    expect(categoriesOf('司机岗位男女不限；性别：男，夜班岗位')).toEqual(['sex']);
  });

  it('JOB-3 merges overlapping spans of one category into one highlight', () => {
    // 「民族：汉族」 is matched both as a field and as a listed trait.
    expect(flagsOf('招聘库管，民族：汉族，熟悉Excel。')).toEqual([{ category: 'ethnicity', text: '民族：汉族', severity: 'flag' }]);
  });

  it('JOB-3 keeps overlapping spans of different categories apart, sorted by start', () => {
    expect(flagsOf('外贸业务员，限未婚女性，英语六级。')).toEqual([
      { category: 'marital_childbearing', text: '限未婚', severity: 'flag' },
      { category: 'sex', text: '女性', severity: 'flag' },
    ]);
  });

  it('JOB-3 finds every category in an ad with several', () => {
    expect(categoriesOf('招聘司机，男，汉族，已婚，40岁以下，本地户口。')).toEqual([
      'age',
      'ethnicity',
      'marital_childbearing',
      'origin',
      'sex',
    ]);
  });

  it('JOB-3 takes the rules as data: a caller may screen with its own list', () => {
    const rules: ScreeningRule[] = [
      { id: 'origin.test_only', category: 'origin', severity: 'warning', pattern: '籍贯', reason: '测试', legalSource: '测试' },
    ];
    expect(screenVacancyText('请填写籍贯，限男性', rules)).toEqual([
      {
        ruleId: 'origin.test_only',
        category: 'origin',
        severity: 'warning',
        text: '籍贯',
        start: 3,
        end: 5,
        reason: '测试',
        legalSource: '测试',
      },
    ]);
  });

  it('JOB-3 names the rule whose pattern does not compile', () => {
    const rules: ScreeningRule[] = [{ id: 'sex.broken', category: 'sex', severity: 'flag', pattern: '(限男', reason: '', legalSource: '' }];
    expect(() => screenVacancyText('限男', rules)).toThrow(/sex\.broken/);
  });
});

describe('JOB-3 screening rules as data', () => {
  /** A worked example per rule, run with that rule alone: the text and the span it must highlight. */
  const workedExamples: Record<string, [text: string, span: string]> = {
    'sex.required': ['招聘电焊工2名，限男性，持证上岗。', '限男性'],
    'sex.preferred': ['会计助理，女士优先。', '女士优先'],
    'sex.excluded': ['本岗位不招女性，需经常出差。', '不招女性'],
    'sex.dismissed': ['招聘护士，男护士勿扰。', '男护士勿扰'],
    'sex.field': ['招聘货车司机，性别：男，持A2驾照。', '性别：男'],
    'sex.listed': ['招聘货车司机，男，持A2驾照。', '男'],
    'sex.slang_person': ['招聘业务员，适合吃苦耐劳的小伙子。', '适合吃苦耐劳的小伙子'],
    'sex.quota': ['招聘男女服务员各两名。', '男女服务员各两名'],
    'sex.with_marital_status': ['外贸业务员，限未婚女性。', '女性'],
    'sex.condition_for_one_sex': ['女性应聘者须承诺两年内无生育计划。', '女性应聘者须'],
    'marital.status': ['护士若干名，未婚，持证上岗。', '未婚'],
    'marital.no_childbearing_plan': ['客服专员，近两年无生育计划。', '近两年无生育计划'],
    'marital.forbidden': ['招聘设计师，入职后三年内不得怀孕。', '三年内不得怀孕'],
    'marital.pregnancy_test': ['招聘导购员，入职体检含妊娠检测。', '妊娠检测'],
    'marital.pregnant_dismissed': ['招聘店员，孕妇勿扰。', '孕妇勿扰'],
    'marital.inquiry': ['请在简历中注明婚育情况。', '注明婚育情况'],
    'ethnicity.required': ['招聘保安员，限汉族。', '限汉族'],
    'ethnicity.excluded': ['工地普工若干，不招少数民族。', '不招少数民族'],
    'ethnicity.dismissed': ['维吾尔族、藏族勿扰，招聘分拣员。', '维吾尔族、藏族勿扰'],
    'ethnicity.majority_preferred': ['招聘客服，汉族优先。', '汉族优先'],
    'ethnicity.field': ['招聘库管，民族：汉族。', '民族：汉族'],
    'ethnicity.listed': ['餐厅服务员，汉族，包吃住。', '汉族'],
    'race.required': ['英语外教，仅限白人。', '仅限白人'],
    'race.excluded': ['招聘外籍教师，不接受非洲裔应聘者。', '不接受非洲裔'],
    'race.dismissed': ['招聘外教，黑人勿扰。', '黑人勿扰'],
    'race.preferred': ['招聘模特，白皮肤优先。', '白皮肤优先'],
    'religion.none_required': ['招聘会计，无宗教信仰。', '无宗教信仰'],
    'religion.excluded': ['仓管员，不招有宗教信仰的人员。', '不招有宗教信仰'],
    'religion.dismissed': ['招聘厨师助理，穆斯林勿扰。', '穆斯林勿扰'],
    'religion.required': ['教会书店招聘店员，限基督徒。', '限基督徒'],
    'disability.intact_body': ['招聘迎宾，要求四肢健全。', '四肢健全'],
    'disability.none_required': ['招聘客服，无残疾。', '无残疾'],
    'disability.excluded': ['电话销售，不招残疾人。', '不招残疾人'],
    'disability.dismissed': ['残疾人勿扰，招聘理货员。', '残疾人勿扰'],
    'infectious.none_required': ['招聘面点师，无乙肝。', '无乙肝'],
    'infectious.dismissed': ['乙肝携带者勿扰，招聘厨师。', '乙肝携带者勿扰'],
    'infectious.excluded': ['招聘服务员，不招乙肝病毒携带者。', '不招乙肝病毒携带者'],
    'infectious.positive_dismissed': ['入职体检，阳性者不予录用。', '阳性者不予录用'],
    'infectious.screening_test': ['食品厂普工，入职体检含乙肝五项。', '乙肝五项'],
    'origin.required': ['社区网格员，仅限本地户口。', '仅限本地户口'],
    'origin.preferred': ['收银员，本地户口优先。', '本地户口优先'],
    'origin.excluded': ['工厂普工，不招河南人。', '不招河南人'],
    'origin.dismissed': ['东北人勿扰，招聘电话销售。', '东北人勿扰'],
    'origin.locality_only': ['招聘保洁，外地勿扰。', '外地勿扰'],
    'origin.listed': ['招聘出纳，非农业户口，会计专业。', '非农业户口'],
    'age.upper_limit': ['35岁以下，招聘销售代表。', '35岁以下'],
    'age.range': ['招聘普工，年龄18-35周岁。', '年龄18-35周岁'],
    'age.not_over': ['招聘门卫，年龄不超过45岁。', '年龄不超过45岁'],
    'age.generation': ['新媒体运营，要求90后。', '要求90后'],
    'age.older_dismissed': ['招聘装卸工，大龄勿扰。', '大龄勿扰'],
  };

  it.each(screeningRules.map((rule) => [rule.id, rule] as const))('JOB-3 rule %s finds its worked example', (id, rule) => {
    const example = workedExamples[id];
    if (!example) throw new Error(`rule ${id} has no worked example in this test`);
    const [text, span] = example;
    expect(screenVacancyText(text, [rule]).map((flag) => flag.text)).toEqual([span]);
  });

  it('JOB-3 every rule has a unique id named after its category, a Chinese reason and a legal source', () => {
    const prefixes: Record<ScreeningCategory, string> = {
      sex: 'sex',
      marital_childbearing: 'marital',
      ethnicity: 'ethnicity',
      race: 'race',
      religion: 'religion',
      disability: 'disability',
      infectious_disease: 'infectious',
      origin: 'origin',
      age: 'age',
    };
    expect(new Set(screeningRules.map((rule) => rule.id)).size).toBe(screeningRules.length);
    for (const rule of screeningRules) {
      expect(rule.id.split('.')[0], rule.id).toBe(prefixes[rule.category]);
      expect(rule.reason, rule.id).toMatch(/[\u4e00-\u9fa5]/);
      expect(rule.legalSource, rule.id).toMatch(/《.+》/);
      expect(rule.severity, rule.id).toBe(rule.category === 'age' ? 'warning' : 'flag');
    }
  });

  it('JOB-3 property: every span is the input at its offsets, spans are sorted, and one category never overlaps itself', () => {
    const clauses = [...screeningCorpus, ...heldOutAds].flatMap((ad) => ad.text.split(/(?<=[，。])/u));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...clauses), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('', ' ', '\n', '🙂'),
        (parts, joiner) => {
          const text = parts.join(joiner);
          const flags = screenVacancyText(text);
          for (const [i, flag] of flags.entries()) {
            expect(flag.text).toBe(text.slice(flag.start, flag.end));
            expect(flag.end).toBeGreaterThan(flag.start);
            if (i > 0) expect(flag.start).toBeGreaterThanOrEqual(flags[i - 1]!.start);
            const earlierSame = flags.slice(0, i).filter((other) => other.category === flag.category);
            for (const other of earlierSame) expect(flag.start).toBeGreaterThanOrEqual(other.end);
          }
        },
      ),
    );
  });
});

describe('JOB-3 measured precision and recall on the hand-written corpus', () => {
  it('JOB-3 the corpus holds at least 60 clean and 60 discriminatory ads written before tuning', () => {
    expect(cleanAds.length).toBeGreaterThanOrEqual(60);
    expect(discriminatoryAds.length).toBeGreaterThanOrEqual(60);
    for (const ad of screeningCorpus) expect(new Set(ad.expected).size, ad.text).toBe(ad.expected.length);
  });

  it('JOB-3 on the development corpus ad-level precision and recall are at least 95%', () => {
    const measured = measureScreening(screeningCorpus, screeningRules);
    console.log(summariseMeasurement(measured));
    const misclassified = JSON.stringify(measured.misclassified, null, 1);
    expect(measured.adLevel.precision, misclassified).toBeGreaterThanOrEqual(0.95);
    expect(measured.adLevel.recall, misclassified).toBeGreaterThanOrEqual(0.95);
  });

  it('JOB-3 on the held-out ads the figures stay above their regression floors (measured 89.7% and 70.3%)', () => {
    // The held-out ads were never used to tune the rules, so these are the honest estimate for unseen
    // ads. The floors sit just under the measured figures: they catch a rule change that makes things
    // worse, they are not goals. Improving on them means turning this set into development data.
    const measured = measureScreening(heldOutAds, screeningRules);
    console.log(`held-out: ${summariseMeasurement(measured)}`);
    expect(measured.adLevel.precision).toBeGreaterThanOrEqual(0.85);
    expect(measured.adLevel.recall).toBeGreaterThanOrEqual(0.65);
  });
});
