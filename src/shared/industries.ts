// Employer classifications recorded at registration (JOB-1) and used to break down vacancies and
// filings in reports: the industry section, the size class and the ownership. One list for the API,
// the Excel exports and the screens, like labels.ts.

/** The 20 门类 (sections) of GB/T 4754-2017 国民经济行业分类; an employer's industry is one of these letters or a 大类 below. */
export const industrySections = [
  { code: 'A', name: '农、林、牧、渔业' },
  { code: 'B', name: '采矿业' },
  { code: 'C', name: '制造业' },
  { code: 'D', name: '电力、热力、燃气及水生产和供应业' },
  { code: 'E', name: '建筑业' },
  { code: 'F', name: '批发和零售业' },
  { code: 'G', name: '交通运输、仓储和邮政业' },
  { code: 'H', name: '住宿和餐饮业' },
  { code: 'I', name: '信息传输、软件和信息技术服务业' },
  { code: 'J', name: '金融业' },
  { code: 'K', name: '房地产业' },
  { code: 'L', name: '租赁和商务服务业' },
  { code: 'M', name: '科学研究和技术服务业' },
  { code: 'N', name: '水利、环境和公共设施管理业' },
  { code: 'O', name: '居民服务、修理和其他服务业' },
  { code: 'P', name: '教育' },
  { code: 'Q', name: '卫生和社会工作' },
  { code: 'R', name: '文化、体育和娱乐业' },
  { code: 'S', name: '公共管理、社会保障和社会组织' },
  { code: 'T', name: '国际组织' },
] as const;
export type IndustrySection = (typeof industrySections)[number]['code'];

/**
 * The 97 大类 (divisions, 01–97) of GB/T 4754-2017 国民经济行业分类 (国家统计局, 2017-06-30,
 * in force 2017-10-01; as amended by 第1号修改单, 2019, which changed no 大类), each stored as its
 * 门类 letter and two digits (`C34` 通用设备制造业) so that the section it belongs to is read
 * from the code itself.
 */
export const industryDivisions = [
  // A
  { code: 'A01', name: '农业' },
  { code: 'A02', name: '林业' },
  { code: 'A03', name: '畜牧业' },
  { code: 'A04', name: '渔业' },
  { code: 'A05', name: '农、林、牧、渔专业及辅助性活动' },
  // B
  { code: 'B06', name: '煤炭开采和洗选业' },
  { code: 'B07', name: '石油和天然气开采业' },
  { code: 'B08', name: '黑色金属矿采选业' },
  { code: 'B09', name: '有色金属矿采选业' },
  { code: 'B10', name: '非金属矿采选业' },
  { code: 'B11', name: '开采专业及辅助性活动' },
  { code: 'B12', name: '其他采矿业' },
  // C
  { code: 'C13', name: '农副食品加工业' },
  { code: 'C14', name: '食品制造业' },
  { code: 'C15', name: '酒、饮料和精制茶制造业' },
  { code: 'C16', name: '烟草制品业' },
  { code: 'C17', name: '纺织业' },
  { code: 'C18', name: '纺织服装、服饰业' },
  { code: 'C19', name: '皮革、毛皮、羽毛及其制品和制鞋业' },
  { code: 'C20', name: '木材加工和木、竹、藤、棕、草制品业' },
  { code: 'C21', name: '家具制造业' },
  { code: 'C22', name: '造纸和纸制品业' },
  { code: 'C23', name: '印刷和记录媒介复制业' },
  { code: 'C24', name: '文教、工美、体育和娱乐用品制造业' },
  { code: 'C25', name: '石油、煤炭及其他燃料加工业' },
  { code: 'C26', name: '化学原料和化学制品制造业' },
  { code: 'C27', name: '医药制造业' },
  { code: 'C28', name: '化学纤维制造业' },
  { code: 'C29', name: '橡胶和塑料制品业' },
  { code: 'C30', name: '非金属矿物制品业' },
  { code: 'C31', name: '黑色金属冶炼和压延加工业' },
  { code: 'C32', name: '有色金属冶炼和压延加工业' },
  { code: 'C33', name: '金属制品业' },
  { code: 'C34', name: '通用设备制造业' },
  { code: 'C35', name: '专用设备制造业' },
  { code: 'C36', name: '汽车制造业' },
  { code: 'C37', name: '铁路、船舶、航空航天和其他运输设备制造业' },
  { code: 'C38', name: '电气机械和器材制造业' },
  { code: 'C39', name: '计算机、通信和其他电子设备制造业' },
  { code: 'C40', name: '仪器仪表制造业' },
  { code: 'C41', name: '其他制造业' },
  { code: 'C42', name: '废弃资源综合利用业' },
  { code: 'C43', name: '金属制品、机械和设备修理业' },
  // D
  { code: 'D44', name: '电力、热力生产和供应业' },
  { code: 'D45', name: '燃气生产和供应业' },
  { code: 'D46', name: '水的生产和供应业' },
  // E
  { code: 'E47', name: '房屋建筑业' },
  { code: 'E48', name: '土木工程建筑业' },
  { code: 'E49', name: '建筑安装业' },
  { code: 'E50', name: '建筑装饰、装修和其他建筑业' },
  // F
  { code: 'F51', name: '批发业' },
  { code: 'F52', name: '零售业' },
  // G
  { code: 'G53', name: '铁路运输业' },
  { code: 'G54', name: '道路运输业' },
  { code: 'G55', name: '水上运输业' },
  { code: 'G56', name: '航空运输业' },
  { code: 'G57', name: '管道运输业' },
  { code: 'G58', name: '多式联运和运输代理业' },
  { code: 'G59', name: '装卸搬运和仓储业' },
  { code: 'G60', name: '邮政业' },
  // H
  { code: 'H61', name: '住宿业' },
  { code: 'H62', name: '餐饮业' },
  // I
  { code: 'I63', name: '电信、广播电视和卫星传输服务' },
  { code: 'I64', name: '互联网和相关服务' },
  { code: 'I65', name: '软件和信息技术服务业' },
  // J
  { code: 'J66', name: '货币金融服务' },
  { code: 'J67', name: '资本市场服务' },
  { code: 'J68', name: '保险业' },
  { code: 'J69', name: '其他金融业' },
  // K
  { code: 'K70', name: '房地产业' },
  // L
  { code: 'L71', name: '租赁业' },
  { code: 'L72', name: '商务服务业' },
  // M
  { code: 'M73', name: '研究和试验发展' },
  { code: 'M74', name: '专业技术服务业' },
  { code: 'M75', name: '科技推广和应用服务业' },
  // N
  { code: 'N76', name: '水利管理业' },
  { code: 'N77', name: '生态保护和环境治理业' },
  { code: 'N78', name: '公共设施管理业' },
  { code: 'N79', name: '土地管理业' },
  // O
  { code: 'O80', name: '居民服务业' },
  { code: 'O81', name: '机动车、电子产品和日用产品修理业' },
  { code: 'O82', name: '其他服务业' },
  // P
  { code: 'P83', name: '教育' },
  // Q
  { code: 'Q84', name: '卫生' },
  { code: 'Q85', name: '社会工作' },
  // R
  { code: 'R86', name: '新闻和出版业' },
  { code: 'R87', name: '广播、电视、电影和录音制作业' },
  { code: 'R88', name: '文化艺术业' },
  { code: 'R89', name: '体育' },
  { code: 'R90', name: '娱乐业' },
  // S
  { code: 'S91', name: '中国共产党机关' },
  { code: 'S92', name: '国家机构' },
  { code: 'S93', name: '人民政协、民主党派' },
  { code: 'S94', name: '社会保障' },
  { code: 'S95', name: '群众团体、社会团体和其他成员组织' },
  { code: 'S96', name: '基层群众自治组织及其他组织' },
  // T
  { code: 'T97', name: '国际组织' },
] as const;
export type IndustryDivision = (typeof industryDivisions)[number]['code'];

const industryNamesByCode = new Map<string, string>([...industrySections, ...industryDivisions].map((entry) => [entry.code, entry.name]));

/** The Chinese name of a GB/T 4754-2017 门类 (`C`) or 大类 (`C34`), or undefined for anything else. */
export function industryName(code: string): string | undefined {
  return industryNamesByCode.get(code);
}

/** Whether a code is a 门类 or one of the 97 大类 of GB/T 4754-2017 (`C`, `C34`; not `C99`, `Z`, `34`). */
export function isIndustryCode(code: string): boolean {
  return industryNamesByCode.has(code);
}

/** The 门类 a 门类 or 大类 code belongs to (`C34` → `C`): statistics by industry roll divisions up to sections. */
export function industrySectionOf(code: string): IndustrySection | undefined {
  const section = code.slice(0, 1);
  return isIndustryCode(code) ? (section as IndustrySection) : undefined;
}

/** `C34 通用设备制造业` for lists and exports; an unknown code is shown as stored. */
export function industryLabel(code: string): string {
  const name = industryName(code);
  return name ? `${code} ${name}` : code;
}

/** 门类 with their 大类, for a cascading choice (section first, then an optional division). */
export const industryTree = industrySections.map((section) => ({
  ...section,
  divisions: industryDivisions.filter((division) => division.code.startsWith(section.code)),
}));

/**
 * Size classes of 《统计上大中小微型企业划分办法（2017）》. The thresholds (staff, revenue, assets)
 * differ by industry, so the class is recorded as the employer states it, not derived from headcount.
 */
export const employerSizes = ['micro', 'small', 'medium', 'large'] as const;
export type EmployerSize = (typeof employerSizes)[number];
export const employerSizeNames: Record<EmployerSize, string> = { micro: '微型', small: '小型', medium: '中型', large: '大型' };

/**
 * Ownership, kept coarse on purpose: what a counter can tell from a business licence. The finer
 * 登记注册类型 (有限责任公司, 股份合作 ...) can be added if a statistical report ever needs it.
 */
export const employerOwnerships = [
  'state_owned',
  'collective',
  'private',
  'individual',
  'foreign',
  'hong_kong_macao_taiwan',
  'other',
] as const;
export type EmployerOwnership = (typeof employerOwnerships)[number];
export const employerOwnershipNames: Record<EmployerOwnership, string> = {
  state_owned: '国有',
  collective: '集体',
  private: '私营',
  individual: '个体',
  foreign: '外商投资',
  hong_kong_macao_taiwan: '港澳台投资',
  other: '其他',
};
