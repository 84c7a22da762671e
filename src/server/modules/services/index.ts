// The service record (REG-8): what other modules may use.
export * from './service.js';
export { serviceRoutes } from './routes.js';
