// Codes used by both the API and the UI, with their Chinese names (GLOSSARY.md): one list for
// the server's Excel exports and for the screens.

export const registrationTypes = [
  'employment',
  'employment_end',
  'unemployment',
  'unemployment_end',
  'job_seeking',
  'job_seeking_end',
  'correction',
] as const;
export type RegistrationType = (typeof registrationTypes)[number];

export const registrationTypeNames: Record<RegistrationType, string> = {
  employment: '就业登记',
  employment_end: '就业终止登记',
  unemployment: '失业登记',
  unemployment_end: '失业登记注销',
  job_seeking: '求职登记',
  job_seeking_end: '求职登记终止',
  correction: '更正',
};

export type EmploymentStatus = 'employed' | 'unemployed' | 'not_registered';
export const employmentStatusNames: Record<EmploymentStatus, string> = {
  employed: '就业',
  unemployed: '登记失业',
  not_registered: '未登记',
};

export const serviceTypeNames = {
  consultation: '政策咨询',
  vocational_guidance: '职业指导',
  vacancy_information: '提供岗位信息',
  referral: '职业介绍',
  training_referral: '培训推荐',
  policy_application: '政策申请',
  home_visit: '入户走访',
  other: '其他',
} as const;
export type ServiceType = keyof typeof serviceTypeNames;

export const serviceChannelNames = { counter: '窗口', phone: '电话', online: '网上', home_visit: '上门', outreach: '外出' } as const;
export type ServiceChannel = keyof typeof serviceChannelNames;

export const certificateActionNames = { issue: '发证', withdraw: '收回', reissue: '补发' } as const;
export type CertificateAction = keyof typeof certificateActionNames;

/** Relation of a household member to the head of household (REG-5); the API stores the code. */
export const householdRelationNames = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  sibling: '兄弟姐妹',
  grandchild: '孙子女',
  grandparent: '祖父母',
  member: '其他成员',
} as const;
export type HouseholdRelation = keyof typeof householdRelationNames;
export const householdRelations = Object.keys(householdRelationNames) as HouseholdRelation[];

/** Measures of a zero-employment case's plan (AID-3): what the caseworker does for the household. */
export const caseMeasureKindNames = {
  home_visit: '入户走访',
  policy_consultation: '政策咨询',
  vocational_guidance: '职业指导',
  vacancy_referral: '岗位推荐',
  training: '技能培训',
  public_welfare_post: '公益性岗位安置',
  self_employment_support: '创业扶持',
  other: '其他措施',
} as const;
export type CaseMeasureKind = keyof typeof caseMeasureKindNames;
export const caseMeasureKinds = Object.keys(caseMeasureKindNames) as CaseMeasureKind[];

/**
 * How a zero-employment case ended (AID-3): a member's employment by its form (the employment
 * registration's `employmentForm`; a public-welfare post places through a registration too), or
 * the household no longer meeting the rule (a member moved out, reached retirement age ...).
 */
export const caseResolutionNames = {
  employment: '单位就业',
  self_employment: '自主创业',
  flexible_employment: '灵活就业',
  public_welfare_post: '公益性岗位安置',
  no_longer_qualifies: '不再符合认定条件',
} as const;
export type CaseResolution = keyof typeof caseResolutionNames;

/** Kinds of public-welfare post (AID-4). */
export const welfarePostTypeNames = {
  community_service: '社区服务（保洁、保绿、保安等）',
  public_administration: '社区公共管理',
  labour_security_assistant: '劳动保障协理员',
  other: '其他公益性岗位',
} as const;
export type WelfarePostType = keyof typeof welfarePostTypeNames;
export const welfarePostTypes = Object.keys(welfarePostTypeNames) as WelfarePostType[];

/** Why a placement on a public-welfare post ended (AID-4). */
export const placementExitReasonNames = {
  term_ended: '安置期满',
  employed_elsewhere: '另行就业',
  resigned: '本人辞职',
  dismissed: '违规解除',
  retired: '达到退休年龄',
  other: '其他原因',
} as const;
export type PlacementExitReason = keyof typeof placementExitReasonNames;
export const placementExitReasons = Object.keys(placementExitReasonNames) as PlacementExitReason[];

/** Subsidy types (AID-8) and the states of an application. */
export const subsidyTypeNames = {
  public_welfare_post: '公益性岗位补贴',
  social_insurance: '社会保险补贴',
  job_creation: '岗位开发补贴',
} as const;
export type SubsidyType = keyof typeof subsidyTypeNames;
export const subsidyStatusNames = { applied: '待审批', approved: '已审批待发放', rejected: '已驳回', paid: '已发放' } as const;
export type SubsidyStatus = keyof typeof subsidyStatusNames;

/** Why a claimant's employment ended (UI-2, API.md "Unemployment insurance"): the first five are involuntary (条例第十四条第二项). */
export const separationReasonNames = {
  contract_ended_not_renewed: '劳动合同期满未续订',
  dismissed_by_employer: '被用人单位解除劳动合同',
  employer_terminated_by_law: '用人单位依法终止劳动合同',
  employer_bankrupt: '用人单位破产、撤销、解散',
  mutual_agreement_employer_initiated: '用人单位提出、协商一致解除劳动合同',
  voluntary_resignation: '本人辞职',
  other_voluntary: '其他本人意愿中断就业',
} as const;
export type SeparationReason = keyof typeof separationReasonNames;
export const separationReasons = Object.keys(separationReasonNames) as SeparationReason[];

/** A benefit claim's status (UI-2, UI-3). */
export const uiClaimStatusNames = {
  pending: '待审核',
  active: '享受待遇中',
  stopped: '已停发',
  exhausted: '期满终止',
  rejected: '已驳回',
} as const;
export type UiClaimStatus = keyof typeof uiClaimStatusNames;

/** Working time of a vacancy (JOB-2); seekers' wishes use the Chinese names. */
export const vacancyHoursNames = { full_time: '全日制', part_time: '非全日制' } as const;
export type VacancyHours = keyof typeof vacancyHoursNames;

/** Where a vacancy came from (JOB-2). */
export const vacancySourceNames = {
  counter: '窗口登记',
  employer: '单位自助发布',
  agency: '中介机构',
  survey: '空岗调查',
  fair: '招聘会',
} as const;
export type VacancySource = keyof typeof vacancySourceNames;

export const vacancyStatusNames = {
  pending_review: '待审核',
  published: '已发布',
  rejected: '已驳回',
  closed: '已关闭',
  expired: '已过期',
} as const;
export type VacancyStatus = keyof typeof vacancyStatusNames;

/** Outcome of a referral (JOB-5). */
export const referralOutcomeNames = { interviewed: '已面试', hired: '已录用', rejected: '未录用', no_show: '未到场' } as const;
export type ReferralOutcome = keyof typeof referralOutcomeNames;

/** Kinds of job fair (JOB-6): general and the special fairs of seed 002 §(十六). */
export const jobFairKindNames = {
  general: '综合招聘会',
  rural_migrants: '农民工专场',
  graduates: '高校毕业生专场',
  person_4050: '“4050”人员专场',
  women: '女性专场',
  disabled: '残疾人专场',
} as const;
export type JobFairKind = keyof typeof jobFairKindNames;

/** Filings an employer makes (JOB-1). */
export const employerFilingKindNames = { hiring: '招用人员录用备案', contract: '劳动合同备案' } as const;
export type EmployerFilingKind = keyof typeof employerFilingKindNames;

/** How a person's record was looked at (the access log, SYS-2). */
export const accessActionNames: Record<'view' | 'lookup' | 'export' | 'reveal', string> = {
  view: '查看记录',
  lookup: '按身份证号查找',
  export: '导出名册',
  reveal: '查看完整证件号或电话',
};

/** A monthly payment run of unemployment benefit (UI-3). */
export const uiPaymentRunStatusNames = {
  building: '生成中',
  draft: '待审批',
  approving: '审批中',
  approved: '已审批',
  discarded: '已作废',
} as const;
export type UiPaymentRunStatus = keyof typeof uiPaymentRunStatusNames;

/** A benefit payment (UI-3): failed ones were returned by the bank and are paid again by the next run. */
export const uiPaymentStatusNames = { draft: '待审批', approved: '已审批待发放', paid: '已发放', failed: '发放失败' } as const;
export type UiPaymentStatus = keyof typeof uiPaymentStatusNames;
/** Accounts of the unemployment-insurance fund ledger (UI-5), a closed list. */
export const fundAccountNames = {
  fund: '失业保险基金',
  contributors: '缴费单位和个人',
  claimants: '失业保险金领取人',
  subsidy_recipients: '补贴领取人/单位',
  provincial_adjustment: '省级调剂金',
  interest: '利息收入',
} as const;
export type FundAccount = keyof typeof fundAccountNames;

/** Kinds of fund transfer (UI-5); each fixes its debited and credited account (modules/ui/fund.ts). */
export const fundTransferKindNames = {
  contribution: '缴费收入',
  benefit: '失业保险金支出',
  benefit_returned: '银行退回',
  subsidy: '补贴支出（稳岗返还、技能提升补贴）',
  provincial_out: '上解省级调剂金',
  provincial_in: '省级调剂金下拨',
  interest: '利息收入',
  reversal: '冲正',
} as const;
export type FundTransferKind = keyof typeof fundTransferKindNames;

/** A fund transfer awaiting a second finance officer, or posted (its entries written). */
export const fundTransferStatusNames = { requested: '待复核', posted: '已入账' } as const;
export type FundTransferStatus = keyof typeof fundTransferStatusNames;
/**
 * Why a benefit claim stopped (UI-3, 《失业保险条例》第十五条): re-employment comes from an employment
 * registration, refused offers from the refusals recorded on the claim, the others from a stop.
 */
export const uiStopReasonNames = {
  re_employed: '重新就业',
  conscripted: '应征服兵役',
  moved_away: '移居境外或迁出统筹地区',
  pension_started: '开始领取基本养老保险待遇',
  imprisoned: '被判刑收监执行',
  refused_offers: '无正当理由拒不接受指定的适当工作或培训',
  other: '法律、行政法规规定的其他情形',
} as const;
export type UiStopReason = keyof typeof uiStopReasonNames;
export const uiStopReasons = Object.keys(uiStopReasonNames) as UiStopReason[];
/** The article of 《失业保险条例》 behind each stop reason (第十五条第（一）–（七）项). */
export const uiStopReasonArticles: Record<UiStopReason, string> = {
  re_employed: '第十五条第（一）项',
  conscripted: '第十五条第（二）项',
  moved_away: '第十五条第（三）项',
  pension_started: '第十五条第（四）项',
  imprisoned: '第十五条第（五）项',
  refused_offers: '第十五条第（六）项',
  other: '第十五条第（七）项',
};

/** Follow-up tasks on an employer's unemployment insurance (UI-6). */
export const uiFollowUpKindNames = { enrol: '督促参保', arrears: '追缴欠费' } as const;
export type UiFollowUpKind = keyof typeof uiFollowUpKindNames;
export const uiFollowUpStatusNames = { open: '待办', done: '已办结' } as const;
export type UiFollowUpStatus = keyof typeof uiFollowUpStatusNames;
