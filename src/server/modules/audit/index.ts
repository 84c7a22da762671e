// The audit log's reading side (SYS-2); writing is platform/audit.ts.
export { actionNames, auditRoutes } from './routes.js';
export { listAudit } from './repo.js';
