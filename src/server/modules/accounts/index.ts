// Self-service accounts of seekers and employers (JOB-7): routes only; nothing below may import it.
export { accountRoutes } from './routes.js';
export { accountActor } from './service.js';
