// Employment assistance (AID): recognition of hard-to-employ persons (AID-1). What other modules
// and the app may use.
export * from './service.js';
export { assistanceRoutes } from './routes.js';
export { categories, categoryCodes, type CategoryCode } from './categories.js';
