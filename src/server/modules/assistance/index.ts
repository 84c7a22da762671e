// Employment assistance (AID): recognition of hard-to-employ persons (AID-1), public-welfare posts
// (AID-4), the graduate one-to-one service (AID-6) and subsidies paid exactly once (AID-8). What other modules and the app may use.
export * from './service.js';
export { assistanceRoutes } from './routes.js';
export { categories, categoryCodes, type CategoryCode } from './categories.js';
export { welfarePostRoutes } from './postsRoutes.js';
export { createPost, exitPlacement, getPost, listPosts, monthlySubsidyList, placeOnPost } from './postsService.js';
export { graduateServiceRoutes } from './graduateRoutes.js';
export { graduateService, listGraduateService } from './graduateService.js';
export { subsidyRoutes } from './subsidyRoutes.js';
export { applyForSubsidy, decideOnSubsidy, getSubsidy, listSubsidies, runSubsidies } from './subsidyService.js';
export { campaignRoutes } from './campaignRoutes.js';
export { campaignResults, createCampaign, getCampaign, listCampaigns, updateCampaign } from './campaignService.js';
export { fullEmploymentCommunity, rankFullEmploymentCommunities } from './communityService.js';
export { caseworkRoutes } from './caseworkRoutes.js';
export {
  addPlanStep,
  assignPersonCaseworker,
  caseworkOf,
  listVisitSchedule,
  onPersonMovedCasework,
  recordVisit,
  updatePlanStep,
} from './caseworkService.js';
export { workList } from './workList.js';
