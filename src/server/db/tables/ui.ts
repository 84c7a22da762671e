// Tables owned by the unemployment-insurance module (UI-1, UI-2): only its code writes them
// (docs/architecture.md "Layers"). Payment runs, payments and the fund ledger come later and will
// read a claim's start month, entitlement, status and stop date from here.
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { employers } from './employers.js';
import { persons } from './persons.js';
import type {
  FundAccount,
  FundTransferKind,
  FundTransferStatus,
  SeparationReason,
  UiClaimStatus,
  UiFollowUpKind,
  UiFollowUpStatus,
  UiPaymentRunStatus,
  UiPaymentStatus,
  UiStopReason,
} from '../../../shared/labels.js';

/**
 * Collector file imports being written (UI-1): their contribution rows are stored in short
 * transactions but stay invisible to every reader (`visibleContribution`) until `appliedAt` is set
 * in one last short transaction, which also posts the file's fund income (docs/architecture.md,
 * "Unemployment insurance", contribution file). A batch never applied is discarded with its rows:
 * `discardedAt` is set first, under the batch row's lock, so a late chunk or apply of the import
 * that still runs finds it gone. `touchedAt` moves with every chunk: a batch untouched for long was
 * left by a process that died. `regionCode` is the importer's scope padded to 12 digits.
 */
export const uiContributionImportBatches = pgTable(
  'ui_contribution_import_batches',
  {
    id: uuid('id').primaryKey(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    fileSha256: text('file_sha256').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    touchedAt: timestamp('touched_at', { withTimezone: true }).notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    discardedAt: timestamp('discarded_at', { withTimezone: true }),
  },
  (t) => [
    index('ui_contribution_import_batches_pending_idx')
      .on(t.touchedAt)
      .where(sql`${t.appliedAt} IS NULL`),
  ],
);

/**
 * Contribution records (缴费记录, UI-1): what an employer declared and paid for one insured person
 * in one month. Once per (person, employer, month) by the unique key, so a file posted twice is
 * stored once; a month with several employers has several rows. `regionCode` is the person's.
 * `importBatch` names the file import a row came in with: while that batch is not applied the row
 * is invisible to every read, yet holds its key (another import or post of the key is refused meanwhile).
 */
export const uiContributions = pgTable(
  'ui_contributions',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** The contribution month, 'YYYY-MM'. */
    month: varchar('month', { length: 7 }).notNull(),
    /** The contribution base (缴费基数) and the amount paid for the month, in fen. */
    baseFen: integer('base_fen').notNull(),
    paidFen: integer('paid_fen').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    importBatch: uuid('import_batch').references(() => uiContributionImportBatches.id),
  },
  (t) => [
    uniqueIndex('ui_contributions_once_uq').on(t.personId, t.employerId, t.month),
    index('ui_contributions_person_idx').on(t.personId, t.month),
    index('ui_contributions_import_batch_idx').on(t.importBatch),
    index('ui_contributions_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    check('ui_contributions_amounts_ck', sql`${t.baseFen} >= 0 AND ${t.paidFen} >= 0`),
  ],
);

/**
 * Claims for unemployment benefit (失业保险金申领, UI-2): taken by a UI officer, decided by a
 * reviewer who did not take it, stopped by re-employment and the other events of 条例第十五条.
 * A claim counts the contribution months up to its separation month not counted by an earlier
 * claim (`countedThrough` marks them) and adds the earlier claim's unused months (`carriedMonths`).
 * At most one pending or active claim per person.
 */
export const uiClaims = pgTable(
  'ui_claims',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** The person's region when the claim was taken. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    separationDate: date('separation_date', { mode: 'string' }).notNull(),
    separationReason: text('separation_reason').$type<SeparationReason>().notNull(),
    status: text('status').$type<UiClaimStatus>().notNull(),
    /** Contribution months this claim counts (after the earlier claim's, up to the separation month). */
    contributionMonths: integer('contribution_months').notNull(),
    /** The last month counted by this claim ('YYYY-MM'): later claims count only later months. */
    countedThrough: varchar('counted_through', { length: 7 }).notNull(),
    /** The earlier claim whose unused months were added, and how many. */
    earlierClaimId: uuid('earlier_claim_id'),
    carriedMonths: integer('carried_months').notNull(),
    entitlementMonths: integer('entitlement_months').notNull(),
    monthlyAmountFen: integer('monthly_amount_fen').notNull(),
    /** The first benefit month ('YYYY-MM'). */
    startMonth: varchar('start_month', { length: 7 }).notNull(),
    /** The rules that decided: [{rule, source, detail}]. */
    reasons: jsonb('reasons').$type<{ rule: string; source: string; detail: string }[]>().notNull(),
    takenBy: text('taken_by').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionComment: text('decision_comment'),
    /** Set when the benefit stopped (条例第十五条): the event's own date and why. */
    stoppedOn: date('stopped_on', { mode: 'string' }),
    stopReason: text('stop_reason').$type<UiStopReason>(),
    /** The claimant's current caseworker (UI-4: guidance and referrals), name as when assigned; history in ui_claim_caseworkers. */
    caseworkerId: uuid('caseworker_id'),
    caseworkerName: text('caseworker_name'),
  },
  (t) => [
    uniqueIndex('ui_claims_one_open_uq')
      .on(t.personId)
      .where(sql`${t.status} IN ('pending', 'active')`),
    index('ui_claims_person_idx').on(t.personId),
    index('ui_claims_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.status),
    index('ui_claims_caseworker_idx').on(t.caseworkerId),
    check('ui_claims_status_ck', sql`${t.status} IN ('pending', 'active', 'stopped', 'exhausted', 'rejected')`),
    check('ui_claims_months_ck', sql`${t.entitlementMonths} > 0 AND ${t.contributionMonths} >= 0 AND ${t.carriedMonths} >= 0`),
    check('ui_claims_amount_ck', sql`${t.monthlyAmountFen} > 0`),
  ],
);

/**
 * Monthly payment runs of unemployment benefit (UI-3): built by a finance officer over their scope
 * in chunks of short transactions (`building`, with its progress and the keyset cursor over claims,
 * so a run whose process died is resumed, not begun again), then `draft`, then `approved` by
 * another finance officer (`approving` while its payments are approved chunk by chunk). At most one run of a month and region is `building` at a time: a second
 * POST meanwhile joins (resumes) it. A draft never approved may be `discarded`: its draft payments
 * are removed, so its months are free for a later run. `regionCode` is the creator's scope padded to 12 digits.
 */
export const uiPaymentRuns = pgTable(
  'ui_payment_runs',
  {
    id: uuid('id').primaryKey(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** The benefit month paid up to ('YYYY-MM'). */
    month: varchar('month', { length: 7 }).notNull(),
    status: text('status').$type<UiPaymentRunStatus>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /**
     * Finance officers other than the creator who resumed building the run (after a crash): they
     * built part of it, so, like the creator, none of them may approve it (four eyes).
     */
    resumedBy: text('resumed_by')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** Payments the run made and their total, in fen. */
    payments: integer('payments').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    /** Progress: claims looked at so far of those due to be looked at when the run began. */
    claimsSeen: integer('claims_seen').notNull(),
    claimsTotal: integer('claims_total').notNull(),
    /** The last claim id looked at (keyset cursor): a resumed run continues after it. */
    cursorClaimId: uuid('cursor_claim_id'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('ui_payment_runs_one_building_uq')
      .on(t.regionCode, t.month)
      .where(sql`${t.status} = 'building'`),
    index('ui_payment_runs_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.month),
    check('ui_payment_runs_status_ck', sql`${t.status} IN ('building', 'draft', 'approving', 'approved', 'discarded')`),
  ],
);

/**
 * A payment of one benefit month of one claim (UI-3). One live payment per (claim, month), ever:
 * the partial unique index is the exactly-once guard; only a payment the bank returned as failed
 * stops counting, so a later run pays that month again. `regionCode` is the claim's.
 */
export const uiPayments = pgTable(
  'ui_payments',
  {
    id: uuid('id').primaryKey(),
    runId: uuid('run_id')
      .notNull()
      .references(() => uiPaymentRuns.id),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => uiClaims.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** The benefit month paid ('YYYY-MM'). */
    month: varchar('month', { length: 7 }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    status: text('status').$type<UiPaymentStatus>().notNull(),
    /** Why the bank returned it unpaid. */
    failureReason: text('failure_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('ui_payments_once_uq')
      .on(t.claimId, t.month)
      .where(sql`${t.status} <> 'failed'`),
    index('ui_payments_run_idx').on(t.runId, t.id),
    index('ui_payments_claim_idx').on(t.claimId),
    index('ui_payments_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    check('ui_payments_status_ck', sql`${t.status} IN ('draft', 'approved', 'paid', 'failed')`),
    check('ui_payments_amount_ck', sql`${t.amountFen} > 0`),
  ],
);

/**
 * The unemployment-insurance fund ledger (失业保险基金台账, UI-5), double entry: a transfer moves a
 * positive amount from one account (debited) to another (credited) of a region's fund in one
 * accounting month; its kind fixes the pair (modules/ui/fund.ts). Contributions and benefit
 * payments are posted by their use cases at once; provincial transfers, interest and subsidies are
 * requested by one finance officer and posted on another's approval. A correction is a reversing
 * transfer (`reversesId`, at most one per transfer). Exactly once per source by the unique key.
 */
export const uiFundTransfers = pgTable(
  'ui_fund_transfers',
  {
    id: uuid('id').primaryKey(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** The accounting period, 'YYYY-MM'. */
    month: varchar('month', { length: 7 }).notNull(),
    kind: text('kind').$type<FundTransferKind>().notNull(),
    debitAccount: text('debit_account').$type<FundAccount>().notNull(),
    creditAccount: text('credit_account').$type<FundAccount>().notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** What caused it: 'ui_contribution_post' (a post's id), 'ui_contribution_import' (a file import's batch id), 'ui_payment_run' (a run's id), 'fund_request' (its own id), 'reversal' (the reversed id). */
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    reversesId: uuid('reverses_id'),
    memo: text('memo').notNull(),
    /** requested: awaits a second finance officer; posted: its two entries are written. */
    status: text('status').$type<FundTransferStatus>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('ui_fund_transfers_source_uq').on(t.sourceType, t.sourceId, t.kind, t.regionCode, t.month),
    uniqueIndex('ui_fund_transfers_reverses_uq').on(t.reversesId),
    index('ui_fund_transfers_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.month),
    check('ui_fund_transfers_amount_ck', sql`${t.amountFen} > 0`),
    check('ui_fund_transfers_accounts_ck', sql`${t.debitAccount} <> ${t.creditAccount}`),
    check('ui_fund_transfers_status_ck', sql`${t.status} IN ('requested', 'posted')`),
    check('ui_fund_transfers_reversal_ck', sql`(${t.kind} = 'reversal') = (${t.reversesId} IS NOT NULL)`),
  ],
);

/**
 * The entries of posted transfers: two per transfer, −amount on the debited account and +amount on
 * the credited one, so every transfer and the whole ledger sum to zero. Never updated or deleted
 * (a trigger of the migration raises); the fund's balance is the sum of its account's entries.
 */
export const uiFundEntries = pgTable(
  'ui_fund_entries',
  {
    id: uuid('id').primaryKey(),
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => uiFundTransfers.id),
    account: text('account').$type<FundAccount>().notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    month: varchar('month', { length: 7 }).notNull(),
    /** Signed: negative on the debited account, positive on the credited. */
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('ui_fund_entries_side_uq').on(t.transferId, t.account),
    index('ui_fund_entries_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.account, t.month),
    check('ui_fund_entries_amount_ck', sql`${t.amountFen} <> 0`),
  ],
);

/**
 * Offers a claimant refused (UI-3, 条例第十五条第（六）项: 无正当理由，拒不接受当地人民政府指定的部门或者
 * 机构介绍的工作的): each with its date and what was offered. The claim stops as `refused_offers` on
 * the refusal that reaches the parameter `ui.refusals_to_stop`. `regionCode` is the claim's.
 */
export const uiClaimRefusals = pgTable(
  'ui_claim_refusals',
  {
    id: uuid('id').primaryKey(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => uiClaims.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** The work or training offered (post, employer, course). */
    offer: text('offer').notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('ui_claim_refusals_claim_idx').on(t.claimId, t.date),
    index('ui_claim_refusals_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/**
 * Employers enrolled in unemployment insurance (参保, UI-6): from a month, until a month when the
 * enrolment ended. At most one open enrolment per employer. `regionCode` is the employer's.
 */
export const uiEnrolments = pgTable(
  'ui_enrolments',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** First month covered, 'YYYY-MM'. */
    sinceMonth: varchar('since_month', { length: 7 }).notNull(),
    /** Last month covered ('YYYY-MM'), null while enrolled. */
    untilMonth: varchar('until_month', { length: 7 }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('ui_enrolments_one_open_uq')
      .on(t.employerId)
      .where(sql`${t.untilMonth} IS NULL`),
    index('ui_enrolments_employer_idx').on(t.employerId),
    index('ui_enrolments_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    check('ui_enrolments_months_ck', sql`${t.untilMonth} IS NULL OR ${t.untilMonth} >= ${t.sinceMonth}`),
  ],
);

/**
 * Follow-up tasks on an employer (UI-6, 种子文件 003 §(十五) 扩面、征缴、清欠): to enrol it, or to
 * collect its arrears; open until done with a result. `regionCode` is the employer's.
 */
export const uiFollowUps = pgTable(
  'ui_follow_ups',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    kind: text('kind').$type<UiFollowUpKind>().notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    note: text('note'),
    status: text('status').$type<UiFollowUpStatus>().notNull(),
    result: text('result'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    doneBy: text('done_by'),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    index('ui_follow_ups_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.status, t.dueDate),
    index('ui_follow_ups_employer_idx').on(t.employerId),
    check('ui_follow_ups_kind_ck', sql`${t.kind} IN ('enrol', 'arrears')`),
    check('ui_follow_ups_status_ck', sql`${t.status} IN ('open', 'done')`),
  ],
);

/**
 * The caseworkers a claim has had (UI-4: claimants get guidance and referrals): who looked after the
 * claimant from which day to which; the current one has no end and is copied onto the claim.
 * `regionCode` is the claim's.
 */
export const uiClaimCaseworkers = pgTable(
  'ui_claim_caseworkers',
  {
    id: uuid('id').primaryKey(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => uiClaims.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    staffId: uuid('staff_id').notNull(),
    /** The staff member's name when assigned (the record keeps it if the account changes). */
    staffName: text('staff_name').notNull(),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    assignedBy: text('assigned_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('ui_claim_caseworkers_claim_idx').on(t.claimId, t.assignedOn),
    uniqueIndex('ui_claim_caseworkers_one_current_uq')
      .on(t.claimId)
      .where(sql`${t.endedOn} IS NULL`),
    index('ui_claim_caseworkers_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/**
 * Deferral agreements (缓发协议, seed 002 §(八): 已就业在领失业金人员签订缓发协议率达100%): a
 * claimant re-employed while in benefit signs that the unused entitlement is kept for a later
 * claim. One per claim; `keptMonths` is computed from the claim when signed (entitlement less the
 * months paid), never typed. `regionCode` is the claim's.
 */
export const uiDeferralAgreements = pgTable(
  'ui_deferral_agreements',
  {
    id: uuid('id').primaryKey(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => uiClaims.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    entitlementMonths: integer('entitlement_months').notNull(),
    paidMonths: integer('paid_months').notNull(),
    keptMonths: integer('kept_months').notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('ui_deferral_agreements_claim_uq').on(t.claimId),
    index('ui_deferral_agreements_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.signedOn),
    check('ui_deferral_agreements_months_ck', sql`${t.keptMonths} >= 0 AND ${t.paidMonths} >= 0`),
  ],
);
