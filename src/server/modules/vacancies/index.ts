// Vacancies, their screening and public search (JOB-2, JOB-3, JOB-7): what other modules may use.
export * from './service.js';
export { Vacancy, VacancyInput as VacancyInputSchema, vacancyStatuses } from './schemas.js';
export { vacancyRoutes } from './routes.js';
export {
  findPublic,
  insertVacancyProfilesInBulk,
  publiclyVisible,
  rebuildVacancyMatchProfiles,
  searchPublic,
  type StoredVacancy,
} from './repo.js';
export { searchCondition, searchQuery, searchSql, searchTokens } from './searchText.js';
