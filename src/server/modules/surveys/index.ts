// Vacancy surveys (JOB-9): what other modules may use.
export * from './service.js';
export { surveyRoutes } from './routes.js';
