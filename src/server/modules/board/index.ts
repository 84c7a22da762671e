// The public job board (JOB-7, JOB-8): routes only; nothing below may import it.
export { boardRoutes } from './routes.js';
