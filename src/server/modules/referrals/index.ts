// Referrals and their letters (JOB-5): what other modules may use.
export * from './service.js';
export { Referral } from './schemas.js';
export { referralRoutes } from './routes.js';
