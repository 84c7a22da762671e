// The 就业失业登记证 (REG-3, AID-5): what other modules may use.
export * from './service.js';
export { checksDue, recordPoliciesEnjoyed, recordYearlyCheck, type PolicyEnjoyedInput } from './policies.js';
export { policyTypeNames, type PolicyType } from './rules.js';
export { certificateRoutes } from './routes.js';
