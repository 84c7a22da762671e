// Households and zero-employment households (REG-5, AID-3): what other modules may use.
import './events.js';

export * from './service.js';
export { householdRoutes } from './routes.js';
export { isZeroEmploymentHousehold, isWorkingAge, type MemberFacts, type WorkingAges } from './rules.js';
