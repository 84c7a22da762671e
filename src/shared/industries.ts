// Employer classifications recorded at registration (JOB-1) and used to break down vacancies and
// filings in reports: the industry section, the size class and the ownership. One list for the API,
// the Excel exports and the screens, like labels.ts.

/** The 20 门类 (sections) of GB/T 4754-2017 国民经济行业分类; the letter is what is stored. */
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

const industryNamesByCode = new Map<string, string>(industrySections.map((section) => [section.code, section.name]));

/** The Chinese name of a GB/T 4754-2017 门类 letter, or undefined for anything else. */
export function industryName(code: string): string | undefined {
  return industryNamesByCode.get(code);
}

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
