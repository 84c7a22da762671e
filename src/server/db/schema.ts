// Drizzle schema: the single source for tables; migrations are generated from it
// (`npm run db:generate -- --name <why>`) and checked in under ./migrations.
// Region-code indexes use varchar_pattern_ops so `region_code LIKE '140105%'` (jurisdiction,
// DESIGN idea 1) can use them under any database collation, not only "C".
// Every table, from the file of its owner in ./tables (the module, platform or policy that alone
// writes it; other modules may read it in joins). drizzle-kit reads this file.
export * from './tables/platform.js';
export * from './tables/regions.js';
export * from './tables/units.js';
export * from './tables/staff.js';
export * from './tables/policy.js';
export * from './tables/persons.js';
export * from './tables/registrations.js';
export * from './tables/households.js';
export * from './tables/services.js';
export * from './tables/certificates.js';
export * from './tables/employers.js';
export * from './tables/fairs.js';
export * from './tables/surveys.js';
export * from './tables/vacancies.js';
export * from './tables/referrals.js';
export * from './tables/accounts.js';
export * from './tables/notices.js';
export * from './tables/assistance.js';
export * from './tables/ui.js';
