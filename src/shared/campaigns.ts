// Campaigns (专项活动, AID-7) and full-employment communities (充分就业社区, AID-9): codes and
// Chinese names shared by the server's rules and the web UI.
import { hardToEmployCategoryNames } from './assistance.js';

/** Campaign kinds: seed 003 §(四) 再就业援助月 (January), §(五) 毕业生就业服务周 (September), seed 002 §(十) 就业援助周 (spring and autumn). */
export const campaignKinds = ['assistance_month', 'assistance_week', 'graduates_week', 'spring_breeze', 'other'] as const;
export type CampaignKind = (typeof campaignKinds)[number];

export const campaignKindNames: Record<CampaignKind, string> = {
  assistance_month: '就业援助月',
  assistance_week: '就业援助周',
  graduates_week: '毕业生就业服务周',
  spring_breeze: '春风行动',
  other: '其他专项活动',
};

/** Target groups: the hard-to-employ categories (AID-1) and the graduates of the year and the year before. */
export const campaignTargetGroupNames: Record<string, string> = { ...hardToEmployCategoryNames, graduates: '高校毕业生' };
export const campaignTargetGroups = Object.keys(campaignTargetGroupNames);

/** The indicators a campaign counts, each from records dated in its period (assistance/campaignIndicators.ts). */
export const campaignIndicators = [
  'persons_served',
  'services',
  'persons_placed',
  'hard_to_employ_placed',
  'referrals',
  'welfare_post_placements',
  'job_fairs',
  'zero_employment_resolved',
] as const;
export type CampaignIndicator = (typeof campaignIndicators)[number];

export const campaignIndicatorNames: Record<CampaignIndicator, string> = {
  persons_served: '服务人数',
  services: '服务人次',
  persons_placed: '实现就业人数',
  hard_to_employ_placed: '就业困难人员实现就业人数',
  referrals: '推荐就业人次',
  welfare_post_placements: '公益性岗位安置人数',
  job_fairs: '举办招聘会场次',
  zero_employment_resolved: '零就业家庭解决户数',
};

/** Full-employment community criteria (seed 002 §(八), seed 003 §(四)). */
export const communityCriteria = ['registration', 'certificates', 'placement_4050', 'zero_employment'] as const;
export type CommunityCriterion = (typeof communityCriteria)[number];

export const communityCriterionNames: Record<CommunityCriterion, string> = {
  registration: '下岗失业人员登记率',
  certificates: '登记失业人员发证率',
  placement_4050: '有就业要求的“4050”人员安置率',
  zero_employment: '零就业家庭按期解决',
};
