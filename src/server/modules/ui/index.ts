// Unemployment insurance (UI): contributions and individual accounts (UI-1), benefit claims
// (UI-2) and their stop on re-employment. What other modules and the app may use.
export { uiRoutes } from './routes.js';
export {
  assessClaim,
  decideOnClaim,
  getClaim,
  listClaims,
  onRegistrationAppended,
  postContributions,
  takeClaim,
  uiAccountOf,
  type ContributionItem,
} from './service.js';
export { createFollowUp, enrolEmployer } from './coverage.js';
export { decideClaim, entitlementMonths, involuntaryReasons } from './rules.js';
export {
  approvedRunTotals,
  approvePaymentRun,
  createPaymentRun,
  discardPaymentRun,
  getPaymentRun,
  listRunPayments,
  paymentRunBankFile,
  postBankReturns,
} from './paymentRuns.js';
export type { RunOptions } from './paymentRuns.js';
export { postTransfers, transferPairs, type TransferToPost } from './fund.js';
export { onPersonRegionChanged, recordRefusal, stopClaimBy } from './claimStops.js';
export { deferralRate, signDeferral } from './deferral.js';
export { assignClaimCaseworker } from './claimCaseworker.js';
export { contributionSheet, contributionTemplate, importContributions } from './contributionsImport.js';
