// The skills vocabulary (JOB-4, JOB-7): how counters, employers and seekers write a skill, the one
// term matching compares, the broader skill a specialist also has, and the occupations of the
// 《中华人民共和国职业分类大典（2022年版）》 a skill belongs to. Ledgers say 电焊, 电焊工, 焊工 or 焊接
// for the same trade; without this, a seeker with 电焊 earned nothing against a vacancy asking for 焊工,
// and a seeker who wished for the keyword 电焊工 matched no vacancy at all.
//
// Sources. Terms and wordings follow the 大典's occupation definitions and the names of the national
// occupational skill standards (国家职业技能标准) for the occupations listed: 焊工 (6-18-02-04),
// 电工 (6-31-01-03), 起重装卸机械操作工 (6-30-05-01, whose 工种 include 叉车司机), 保安员 (4-07-05-01),
// 保洁员 (4-09-08-01), 中式烹调师 and 中式面点师 (4-03-02-01/02), 家政服务员 (4-10-01-06), 养老护理员
// (4-10-01-05), 医疗护理员 (4-14-01-02), 保育师 (4-10-01-03, which took over 育婴员), 美容师 and 美发师
// (4-10-03-01/02), 汽车维修工 (4-12-01-01), 车工/铣工 (6-18-01-01/02), 钳工 (装配钳工 6-20-01-01,
// 工具钳工 6-18-04-06, 机修钳工 6-31-01-02), 快递员 (4-02-07-08), 网约配送员 (4-10-08-01), 收银员
// (4-01-02-04), 营销员 (4-01-02-01), 企业人力资源管理师 (4-07-03-04). Driving licences follow the
// Ministry of Public Security's 机动车驾驶证申领和使用规定 (a B2 licence also allows C1 driving).
// Colloquial wordings (二保焊, 仓管, 月嫂, 骑手 ...) are those the bureau's counters record.
//
// Relations are deliberately narrow: a synonym is the same skill written another way; `broader` is a
// skill every holder of this one also has (氩弧焊 → 焊接), never the other way (a vacancy asking for
// 氩弧焊 is not met by 焊接 in general). Unknown words pass through unchanged, so nothing is lost.

import { occupationName, occupations as listedOccupations } from './occupations.js';

export interface SkillTerm {
  /** The term matching compares (one per skill). */
  term: string;
  /** Other ways the same skill is written. */
  synonyms: readonly string[];
  /** A more general skill every holder of this one also has. */
  broader?: string;
  /** 大典 codes of the occupations the skill belongs to (a keyword wish of this skill wishes them). */
  occupations: readonly string[];
}

export const skillVocabulary: readonly SkillTerm[] = [
  // Welding (焊工 6-18-02-04)
  { term: '焊接', synonyms: ['焊工', '电焊', '电焊工', '焊接工', '电气焊', '电焊技术', '焊工证'], occupations: ['6-18-02-04'] },
  { term: '氩弧焊', synonyms: ['氩弧焊工', '钨极氩弧焊', 'TIG焊'], broader: '焊接', occupations: ['6-18-02-04'] },
  {
    term: '二氧化碳气体保护焊',
    synonyms: ['二保焊', '二氧化碳保护焊', 'CO2焊', 'CO2保护焊'],
    broader: '焊接',
    occupations: ['6-18-02-04'],
  },
  { term: '气焊', synonyms: ['气焊工'], broader: '焊接', occupations: ['6-18-02-04'] },
  // Electricians (电工 6-31-01-03; the 特种作业操作证 of 电工作业)
  { term: '电工', synonyms: ['维修电工', '电工作业', '电工证', '低压电工'], occupations: ['6-31-01-03'] },
  { term: '高压电工', synonyms: ['高压电工证', '高压电工作业'], broader: '电工', occupations: ['6-31-01-03'] },
  { term: '电气设备安装', synonyms: ['电气设备安装工', '电气安装'], occupations: ['6-29-03-02'] },
  { term: '电梯安装维修', synonyms: ['电梯安装维修工', '电梯维修', '电梯安装'], occupations: ['6-29-03-03'] },
  // Lifting and loading machinery (起重装卸机械操作工 6-30-05-01; 挖掘铲运和桩工机械司机 6-30-05-05)
  { term: '叉车', synonyms: ['叉车司机', '叉车工', '叉车操作', '开叉车', '叉车证'], occupations: ['6-30-05-01'] },
  { term: '起重', synonyms: ['起重工', '起重机操作', '吊车', '行车工', '天车工', '起重机械操作'], occupations: ['6-30-05-01'] },
  { term: '挖掘机', synonyms: ['挖掘机司机', '挖掘机操作', '挖机', '挖机司机'], occupations: ['6-30-05-05'] },
  // Driving (客运车辆驾驶员 4-02-02-01, 道路货运汽车驾驶员 4-02-02-02)
  { term: '驾驶', synonyms: ['司机', '驾驶员', '开车', '汽车驾驶', '驾车'], occupations: ['4-02-02-01', '4-02-02-02'] },
  { term: 'C1驾照', synonyms: ['C1驾驶证', 'C1', 'C1照'], broader: '驾驶', occupations: ['4-02-02-01'] },
  { term: 'B2驾照', synonyms: ['B2驾驶证', 'B2', 'B2照'], broader: 'C1驾照', occupations: ['4-02-02-02'] },
  { term: 'A2驾照', synonyms: ['A2驾驶证', 'A2', 'A2照'], broader: 'B2驾照', occupations: ['4-02-02-02'] },
  // Office, accounts and administration
  { term: '会计', synonyms: ['会计核算', '做账', '记账', '财务会计', '会计证'], occupations: ['2-06-03-00'] },
  { term: '出纳', synonyms: ['出纳员'], occupations: [] },
  { term: '办公软件', synonyms: ['办公软件操作', '电脑办公', '电脑操作', '计算机操作', 'OFFICE', '办公自动化'], occupations: [] },
  {
    term: '人力资源',
    synonyms: ['人力资源管理', '人事', '人事管理', '人力资源管理师', '企业人力资源管理师'],
    occupations: ['4-07-03-04', '2-06-08-01'],
  },
  {
    term: '编程',
    synonyms: ['程序设计', '软件开发', '程序员', '计算机程序设计', '计算机程序设计员'],
    occupations: ['4-04-05-01', '2-02-10-03'],
  },
  // Sales, shops, customer service (营销员 4-01-02-01, 收银员 4-01-02-04, 呼叫中心服务员 4-04-05-03)
  { term: '销售', synonyms: ['营销', '推销', '营销员', '销售代表', '市场销售', '导购'], occupations: ['4-01-02-01', '4-01-02-03'] },
  { term: '收银', synonyms: ['收银员', '收款'], occupations: ['4-01-02-04'] },
  { term: '客服', synonyms: ['客户服务', '客服专员', '电话客服', '话务员', '呼叫中心'], occupations: ['4-04-05-03', '4-07-02-03'] },
  { term: '电子商务', synonyms: ['电商', '网店运营', '电子商务师'], occupations: ['4-01-06-01'] },
  { term: '直播销售', synonyms: ['直播带货', '带货主播', '互联网营销师'], broader: '销售', occupations: ['4-01-06-02'] },
  { term: '采购', synonyms: ['采购员'], occupations: ['4-01-01-00'] },
  // Logistics (仓储管理员 4-02-06-01, 快递员 4-02-07-08, 网约配送员 4-10-08-01)
  { term: '仓储管理', synonyms: ['仓管', '仓管员', '仓库管理', '仓库管理员', '仓储管理员', '库管'], occupations: ['4-02-06-01'] },
  { term: '理货', synonyms: ['理货员'], occupations: ['4-02-06-02'] },
  { term: '装卸搬运', synonyms: ['搬运', '装卸', '搬运工', '装卸工', '装卸搬运工'], occupations: ['4-02-05-01'] },
  { term: '快递', synonyms: ['快递员', '快递收派', '收派件', '快递派送'], occupations: ['4-02-07-08'] },
  { term: '配送', synonyms: ['网约配送', '网约配送员', '外卖配送', '外卖', '送餐', '骑手', '外卖骑手'], occupations: ['4-10-08-01'] },
  // Catering and hotels (中式烹调师 4-03-02-01, 中式面点师 4-03-02-02, 餐厅服务员 4-03-02-05)
  { term: '中式烹调', synonyms: ['厨师', '中餐厨师', '烹饪', '烹调', '炒菜', '中式烹调师'], occupations: ['4-03-02-01'] },
  { term: '中式面点', synonyms: ['面点', '面点师', '中式面点师', '白案'], occupations: ['4-03-02-02'] },
  { term: '餐厅服务', synonyms: ['餐厅服务员', '服务员', '传菜', '点菜'], occupations: ['4-03-02-05'] },
  { term: '客房服务', synonyms: ['客房服务员', '酒店客房'], occupations: ['4-03-01-02'] },
  // Security and cleaning (保安员 4-07-05-01, 安检员 4-07-05-02, 消防设施操作员 4-07-05-03, 保洁员 4-09-08-01)
  { term: '保安', synonyms: ['保安员', '门卫', '安保', '秩序维护', '保安员证'], occupations: ['4-07-05-01'] },
  { term: '安检', synonyms: ['安检员'], occupations: ['4-07-05-02'] },
  { term: '消防设施操作', synonyms: ['消防设施操作员', '消控员', '消防控制室值班'], occupations: ['4-07-05-03'] },
  { term: '保洁', synonyms: ['保洁员', '清洁', '清洁工', '保洁服务', '打扫卫生'], occupations: ['4-09-08-01'] },
  { term: '园林绿化', synonyms: ['绿化', '园林', '绿化工', '园林绿化工'], occupations: ['4-09-10-01'] },
  { term: '物业管理', synonyms: ['物业', '物业管理员', '物业管理师'], occupations: ['4-06-01-01'] },
  // Care (保育师 4-10-01-03, 养老护理员 4-10-01-05, 家政服务员 4-10-01-06, 医疗护理员 4-14-01-02)
  { term: '护理', synonyms: [], occupations: [] },
  { term: '育婴', synonyms: ['育婴员', '育婴师', '婴幼儿照护', '保育', '保育师', '保育员'], occupations: ['4-10-01-03'] },
  { term: '母婴护理', synonyms: ['月嫂', '母婴护理员'], broader: '育婴', occupations: ['4-10-01-03'] },
  { term: '家政服务', synonyms: ['家政', '家政服务员', '保姆', '家务服务'], occupations: ['4-10-01-06'] },
  { term: '养老护理', synonyms: ['养老护理员', '老年护理', '老人护理'], broader: '护理', occupations: ['4-10-01-05'] },
  { term: '医疗护理', synonyms: ['医疗护理员', '护工', '陪护', '病患陪护'], broader: '护理', occupations: ['4-14-01-02'] },
  { term: '护士资格', synonyms: ['护士执业资格', '护士证', '护士执业证'], broader: '护理', occupations: ['2-05-08-01', '2-05-08-04'] },
  { term: '美容', synonyms: ['美容师', '皮肤护理'], occupations: ['4-10-03-01'] },
  { term: '美发', synonyms: ['美发师', '理发', '理发师', '发型师'], occupations: ['4-10-03-02'] },
  // Machining and fitting (车工 6-18-01-01, 铣工 6-18-01-02, 数控 6-18-01-07, 钳工 6-20-01-01/6-18-04-06/6-31-01-02)
  { term: '车工', synonyms: ['车床', '车床操作', '普车'], occupations: ['6-18-01-01'] },
  { term: '铣工', synonyms: ['铣床', '铣床操作'], occupations: ['6-18-01-02'] },
  { term: '数控机床操作', synonyms: ['数控', '数控车床', '数控车工', 'CNC', '加工中心操作'], occupations: ['6-18-01-07'] },
  { term: '钳工', synonyms: ['钳工技术'], occupations: ['6-20-01-01', '6-18-04-06', '6-31-01-02'] },
  { term: '装配钳工', synonyms: [], broader: '钳工', occupations: ['6-20-01-01'] },
  { term: '工具钳工', synonyms: [], broader: '钳工', occupations: ['6-18-04-06'] },
  { term: '机修钳工', synonyms: ['设备钳工'], broader: '钳工', occupations: ['6-31-01-02'] },
  { term: '汽车维修', synonyms: ['汽修', '汽车修理', '汽车维修工', '修车'], occupations: ['4-12-01-01'] },
  { term: '质检', synonyms: ['质检员', '质量检验', '品检', '检验员'], occupations: ['6-31-03-05'] },
  { term: '安全员证', synonyms: ['安全员', '安全生产管理', '安全管理员'], occupations: ['6-31-06-00'] },
  { term: '缝纫', synonyms: ['缝纫工', '缝纫机操作', '制衣'], occupations: ['6-05-01-03'] },
  { term: '锅炉操作', synonyms: ['锅炉工', '司炉', '司炉工', '锅炉操作工'], occupations: ['6-28-01-11'] },
  // Building (砌筑工 6-29-01-01, 混凝土工 -03, 钢筋工 -04, 架子工 -05, 装饰装修工 6-29-04-01, 管道工 6-29-02-15)
  { term: '建筑施工', synonyms: ['建筑工', '施工'], occupations: [] },
  { term: '砌筑', synonyms: ['砌筑工', '瓦工', '泥瓦工', '砌砖'], broader: '建筑施工', occupations: ['6-29-01-01'] },
  { term: '混凝土', synonyms: ['混凝土工'], broader: '建筑施工', occupations: ['6-29-01-03'] },
  { term: '钢筋', synonyms: ['钢筋工'], broader: '建筑施工', occupations: ['6-29-01-04'] },
  { term: '架子工', synonyms: ['搭架子', '脚手架'], broader: '建筑施工', occupations: ['6-29-01-05'] },
  { term: '装修', synonyms: ['装饰装修', '装修工', '装饰装修工', '室内装修'], occupations: ['6-29-04-01'] },
  { term: '管道安装', synonyms: ['管道工', '水暖工', '管工', '水电工'], occupations: ['6-29-02-15', '6-29-03-04'] },
  // Mining (井下采矿工 6-16-01-05, 矿井开掘工 6-16-01-04, 井下支护工 6-16-01-06)
  {
    term: '井下作业',
    synonyms: ['井下', '煤矿井下', '采煤', '井下采煤', '采煤工', '井下采矿工'],
    occupations: ['6-16-01-05', '6-16-01-04', '6-16-01-06'],
  },
  // Teaching
  {
    term: '教师资格',
    synonyms: ['教师资格证', '教师证'],
    occupations: ['2-08-02-01', '2-08-02-02', '2-08-02-03', '2-08-02-04', '2-08-03-00'],
  },
];

/** How a word is compared: full-width forms folded (ＣＮＣ → CNC), Latin letters upper-cased, spaces dropped. */
export function normalizeSkillWord(word: string): string {
  return word.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
}

const termOfWord = new Map<string, SkillTerm>();
for (const entry of skillVocabulary)
  for (const word of [entry.term, ...entry.synonyms]) {
    const key = normalizeSkillWord(word);
    // A wording that meant two skills would make matching arbitrary: the vocabulary test checks, and so does loading.
    if (termOfWord.has(key) && termOfWord.get(key) !== entry) throw new Error(`skill wording ${word} belongs to two terms`);
    termOfWord.set(key, entry);
  }
const entryOfTerm = new Map(skillVocabulary.map((e) => [e.term, e]));

/** The vocabulary term of a word, or the normalized word itself when the vocabulary does not know it. */
export function skillTerm(word: string): string {
  const key = normalizeSkillWord(word);
  return termOfWord.get(key)?.term ?? key;
}

/** The terms a vacancy asks for: one per skill, duplicates dropped, order kept. */
export function requiredSkillTerms(skills: readonly string[]): string[] {
  return [...new Set(skills.map(skillTerm).filter((t) => t !== ''))];
}

/** The terms a person has: each skill's term and every broader term it implies (氩弧焊 → 焊接). */
export function heldSkillTerms(skills: readonly string[]): string[] {
  const held = new Set<string>();
  for (const term of requiredSkillTerms(skills)) {
    // The chain is short and acyclic (checked by the vocabulary test).
    for (let t: string | undefined = term; t && !held.has(t); t = entryOfTerm.get(t)?.broader) held.add(t);
  }
  return [...held];
}

const occupationByName = new Map(listedOccupations.map((o) => [normalizeSkillWord(o.name), o.code]));

/**
 * The occupations keyword wishes stand for: a keyword that names a listed occupation (焊工, 保安员)
 * is that occupation; a keyword the vocabulary knows (电焊工, 叉车司机) stands for the occupations of
 * its term. Other keywords stand for none (they still count as skills).
 */
export function occupationsOfKeywords(keywords: readonly string[]): string[] {
  const codes = new Set<string>();
  for (const keyword of keywords) {
    const key = normalizeSkillWord(keyword);
    const named = occupationByName.get(key);
    if (named) codes.add(named);
    for (const code of termOfWord.get(key)?.occupations ?? []) codes.add(code);
  }
  return [...codes];
}

/** The other wordings of a word's skill (for search): the term and its synonyms, the word itself first. */
export function skillWordings(word: string): string[] {
  const entry = termOfWord.get(normalizeSkillWord(word));
  if (!entry) return [word];
  return [...new Set([word, entry.term, ...entry.synonyms])];
}

/** Whether every code the vocabulary names is a listed occupation (used by the vocabulary's test). */
export function unlistedVocabularyOccupations(): string[] {
  return skillVocabulary.flatMap((e) => e.occupations.filter((code) => occupationName(code) === undefined));
}
