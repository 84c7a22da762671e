// Job fairs (JOB-6): what other modules may use.
export * from './service.js';
export { Fair } from './schemas.js';
export { fairRoutes } from './routes.js';
