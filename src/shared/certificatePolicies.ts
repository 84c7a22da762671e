// The preferential policies a holder of the 就业失业登记证 may enjoy (AID-5), by the code the
// granting module records. Loans (loan.guaranteed) and training (training.subsidy) have no module
// yet: their codes are reserved for when those modules call certificates' recordPoliciesEnjoyed.
export const policyTypeNames = {
  'subsidy.public_welfare_post': '公益性岗位补贴',
  'subsidy.social_insurance': '社会保险补贴',
  'subsidy.job_creation': '岗位开发补贴',
  'placement.public_welfare_post': '公益性岗位安置',
  'loan.guaranteed': '小额担保贷款',
  'training.subsidy': '培训补贴',
} as const;
export type PolicyType = keyof typeof policyTypeNames;
export const policyTypeCodes = Object.keys(policyTypeNames) as PolicyType[];

/** The eligibility rules' names (the review lists each with its reason). */
export const eligibilityRuleNames: Record<string, string> = {
  REGISTERED_UNEMPLOYED: '登记失业',
  WORKING_AGE: '劳动年龄内',
  LABOUR_CAPACITY: '有劳动能力',
  URBAN_HOUSEHOLD: '城镇户籍',
};

export const reviewResultNames: Record<string, string> = {
  eligible: '符合条件',
  eligible_by_override: '说明理由后认定',
  continue: '年审通过',
  withdraw: '年审收回',
};
