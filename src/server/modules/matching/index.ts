// Explainable matching (JOB-4): what other modules may use.
export * from './service.js';
export { matchingRoutes } from './routes.js';
export { Reason as MatchReasonSchema, VacancyMatch as VacancyMatchSchema } from './schemas.js';
export { matchFactors, scoreMatch, type MatchReason, type MatchWeights } from './rules.js';
