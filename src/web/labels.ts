// Chinese names of the codes the ledger, registrations, services and households use (GLOSSARY.md).
// Names the server uses too (Excel exports) come from src/shared/labels.ts.
import { householdRelationNames, serviceChannelNames as serviceChannels, serviceTypeNames as serviceTypes } from '../shared/labels.js';
export { certificateActionNames, employmentStatusNames, registrationTypeNames } from '../shared/labels.js';
import type {
  CaseStatus,
  CertificateAction,
  CertificateStatus,
  EmploymentStatus,
  GraduateServiceStatus,
  HouseholdType,
  LabourCapacity,
  RegistrationType,
} from './types.js';
import { caseResolutionNames as sharedCaseResolutionNames, vacancyStatusNames as sharedVacancyStatusNames } from '../shared/labels.js';
import type { VacancyStatus } from './types.js';
import type { MatchFactor, ReferralOutcome } from './types.js';

export const employmentStatusColors: Record<EmploymentStatus, string> = {
  employed: 'green',
  unemployed: 'orange',
  not_registered: 'default',
};

export const registrationTypeColors: Record<RegistrationType, string> = {
  employment: 'green',
  employment_end: 'gray',
  unemployment: 'orange',
  unemployment_end: 'gray',
  job_seeking: 'blue',
  job_seeking_end: 'gray',
  correction: 'purple',
};

export const certificateStatusNames: Record<CertificateStatus, string> = { valid: '有效', withdrawn: '已收回' };
export const certificateStatusColors: Record<CertificateStatus, string> = { valid: 'green', withdrawn: 'default' };
export const certificateActionColors: Record<CertificateAction, string> = { issue: 'blue', withdraw: 'gray', reissue: 'cyan' };

export const employmentFormNames = {
  employer: '单位就业',
  self_employed: '自主创业（个体经营）',
  flexible: '灵活就业',
  public_welfare_post: '公益性岗位',
} as const;
export const correctionActionNames = { void: '作废', redate: '更改日期' } as const;

/** Looked up by the codes the API returns as plain strings. */
export const serviceTypeNames: Record<string, string> = serviceTypes;
export const serviceChannelNames: Record<string, string> = serviceChannels;

export const sexNames: Record<string, string> = { M: '男', F: '女' };
export const householdTypeNames: Record<HouseholdType, string> = { urban: '城镇', rural: '农村' };
export const labourCapacityNames: Record<LabourCapacity, string> = { full: '完全劳动能力', partial: '部分劳动能力', none: '无劳动能力' };

export const educationLevels = ['研究生', '大学本科', '大学专科', '高中/中专/技校', '初中', '小学及以下'] as const;
export const personCategories = [
  '高校毕业生',
  '4050人员',
  '退役军人',
  '农民工',
  '残疾人',
  '就业困难人员',
  '零就业家庭成员',
  '被征地农民',
  '低保人员',
  '长期失业人员',
] as const;

/** Relation of a member to the head of household; the API stores the code. */
export const relationNames: Record<string, string> = householdRelationNames;

export const caseStatusNames: Record<CaseStatus, string> = { open: '办理中', due_soon: '即将到期', overdue: '已超期', resolved: '已解决' };
export const caseStatusColors: Record<CaseStatus, string> = { open: 'blue', due_soon: 'gold', overdue: 'red', resolved: 'green' };
export { caseMeasureKindNames } from '../shared/labels.js';

/** The graduate one-to-one service (AID-6) by its checklist's state. */
export const graduateServiceStatusNames: Record<GraduateServiceStatus, string> = {
  open: '服务中',
  due_soon: '即将到期',
  overdue: '已超期',
  complete: '已完成',
};
export const graduateServiceStatusColors: Record<GraduateServiceStatus, string> = {
  open: 'blue',
  due_soon: 'gold',
  overdue: 'red',
  complete: 'green',
};
/** How a zero-employment case ended; looked up by the API's code. */
export const caseResolutionNames: Record<string, string> = sharedCaseResolutionNames;

/** `{value, label}` options of a name table, for selects. */
export function optionsOf(names: Record<string, string>): { value: string; label: string }[] {
  return Object.entries(names).map(([value, label]) => ({ value, label }));
}

/** Options whose value is the label itself (education, categories). */
export function plainOptions(labels: readonly string[]): { value: string; label: string }[] {
  return labels.map((l) => ({ value: l, label: l }));
}

// The job market (JOB-1..3): employers, vacancies and their discrimination screening.
export { employerFilingKindNames, vacancyHoursNames, vacancySourceNames } from '../shared/labels.js';
export { employerOwnershipNames, employerSizeNames } from '../shared/industries.js';

/** Every status a vacancy can read as; filled is derived by the API, never stored (expired is stored by the nightly job, and derived before it runs). */
export const vacancyStatusNames: Record<VacancyStatus, string> = { ...sharedVacancyStatusNames, filled: '已招满' };
export const vacancyStatusColors: Record<VacancyStatus, string> = {
  pending_review: 'gold',
  published: 'green',
  rejected: 'red',
  closed: 'default',
  expired: 'default',
  filled: 'blue',
};

export const employerSourceNames: Record<string, string> = { counter: '窗口登记', self: '单位自助登记' };

/** The screening categories of docs/screening.md. */
export const screeningCategoryNames: Record<string, string> = {
  sex: '性别',
  marital_childbearing: '婚育状况',
  ethnicity: '民族',
  race: '种族',
  religion: '宗教信仰',
  disability: '残疾',
  infectious_disease: '传染病病原携带',
  origin: '户籍地域',
  age: '年龄',
};
/** 'flag': unlawful on its face, must be fixed or justified; 'warning': the reviewer judges (age). */
export const screeningSeverityNames: Record<string, string> = { flag: '歧视提示', warning: '提醒' };
export const screeningSeverityColors: Record<string, string> = { flag: 'red', warning: 'orange' };
/** Which text of the vacancy a flag was found in. */
export const screenedFieldNames: Record<string, string> = { title: '岗位名称', description: '岗位描述', skills: '技能要求' };

// Matching, referrals and job fairs (JOB-4..6).
export { jobFairKindNames, referralOutcomeNames } from '../shared/labels.js';

/** The factors of a match score, as a counsellor reads them out. */
export const matchFactorNames: Record<MatchFactor, string> = {
  occupation: '职业',
  skills: '技能',
  place: '地点',
  wage: '工资',
  education: '文化程度',
  hours: '工作时间',
  priority: '优先',
};
export const referralOutcomeColors: Record<ReferralOutcome, string> = {
  interviewed: 'blue',
  hired: 'green',
  rejected: 'default',
  no_show: 'orange',
};
