// Hard-to-employ categories (就业困难人员类别, AID-1): the codes of shared/API.md and their Chinese
// names, used by the server's rules and the web UI alike.

export const hardToEmployCategories = [
  'person_4050',
  'zero_employment_household',
  'long_term_unemployed',
  'disabled',
  'minimum_living_allowance',
  'land_lost_farmer',
  'extreme_hardship',
  'graduate_unemployed',
] as const;
export type HardToEmployCategory = (typeof hardToEmployCategories)[number];

export const hardToEmployCategoryNames: Record<HardToEmployCategory, string> = {
  person_4050: '“4050”人员',
  zero_employment_household: '零就业家庭成员',
  long_term_unemployed: '长期失业人员',
  disabled: '残疾人',
  minimum_living_allowance: '城市低保人员',
  land_lost_farmer: '被征地农民',
  extreme_hardship: '特困群体',
  graduate_unemployed: '登记失业高校毕业生',
};

/** Who recognises and revokes (API.md: reviewer, eligibility decisions). */
export const recognitionRoles = ['reviewer'] as const;
