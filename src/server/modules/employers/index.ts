// Employers (JOB-1): what other modules may use.
export * from './service.js';
export { Employer, EmployerInput } from './schemas.js';
export { employerRoutes } from './routes.js';
export { findEmployer } from './repo.js';
