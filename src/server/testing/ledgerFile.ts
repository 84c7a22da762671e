// Generated community ledgers written as .xlsx for import tests and benchmarks (streaming writer).
import type { LedgerRow } from '../demo/people.js';
import { ledgerSheet } from '../modules/ledgerImport/index.js';

export { makeLedgerRows, seededRandom, type LedgerRow } from '../demo/people.js';

/** Writes rows under the template's header row as an .xlsx buffer. */
export const ledgerXlsx = (rows: LedgerRow[]): Promise<Buffer> => ledgerSheet(rows);
