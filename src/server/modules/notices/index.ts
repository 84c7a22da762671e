// Policy notices (JOB-8): what other modules may use.
export * from './service.js';
export { PublicNotice, PublicNoticeDetail } from './schemas.js';
export { noticeRoutes } from './routes.js';
