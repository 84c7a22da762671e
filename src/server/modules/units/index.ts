// Units of the service network (NET-1): what other modules may use.
export * from './service.js';
export { Unit } from './schemas.js';
export { unitRoutes } from './routes.js';
export { findUnitAnywhere } from './repo.js';
