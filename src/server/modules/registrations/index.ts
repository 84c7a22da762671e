// Registration events and the status rules (REG-3): what other modules may use.
import './events.js';

export * from './service.js';
export { RegistrationEvent } from './schemas.js';
export { registrationRoutes } from './routes.js';
export { replayRegistrations, registrationTypeNames, type EmploymentStatus, type RegistrationType } from './rules.js';
export type { EventInsert, RegistrationEventRow } from './repo.js';
