// Staff members and their roles: what other modules may use.
export * from './service.js';
export { Staff, staffRoutes } from './routes.js';
