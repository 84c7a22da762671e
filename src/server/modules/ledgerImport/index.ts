// The ledger's Excel import (REG-7): what other modules and the app may use.
export { importLedger, ledgerColumns, ledgerSheet, ledgerTemplate } from './ledgerImport.js';
export { ledgerImportRoutes } from './routes.js';
