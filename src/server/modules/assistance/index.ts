// Employment assistance (AID-*): what other modules and the composition roots may use.
export { welfarePostRoutes } from './postsRoutes.js';
export { createPost, exitPlacement, getPost, listPosts, monthlySubsidyList, placeOnPost } from './postsService.js';
export { graduateServiceRoutes } from './graduateRoutes.js';
export { graduateService, listGraduateService } from './graduateService.js';
