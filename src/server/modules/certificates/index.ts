// The 就业失业登记证 (REG-3): what other modules may use.
export * from './service.js';
export { certificateRoutes } from './routes.js';
