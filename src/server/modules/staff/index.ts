// Staff members and their roles: what other modules may use.
export * from './service.js';
export { Staff } from './schemas.js';
export { staffRoutes } from './routes.js';
