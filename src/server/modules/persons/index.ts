// The labour-force ledger (REG-1, REG-2, REG-6): what other modules may use. Everything else in
// this folder is private to it (docs/architecture.md "Anatomy of a module").
import './events.js';

export * from './service.js';
export { DateString, LedgerFields, Person, PersonPatch } from './schemas.js';
export { personRoutes } from './routes.js';
export {
  abandonedImportBatches,
  applyImportBatch,
  closeUnappliedImportBatch,
  deleteUnappliedImportedPersons,
  findPerson,
  openImportBatch,
  rebuildSeekerMatchProfiles,
  unappliedBatchPersonIds,
  unappliedImportPersonIds,
  visiblePerson,
  type PersonInsert,
  type PersonRow,
} from './repo.js';
