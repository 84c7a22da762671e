// Administrative divisions (NET-2): what other modules may use.
export * from './service.js';
export { regionRoutes } from './routes.js';
export { countRegions } from './repo.js';
