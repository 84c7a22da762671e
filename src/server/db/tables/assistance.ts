// Tables owned by the assistance module: only its code writes them (docs/architecture.md "Layers").
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { persons } from './persons.js';
import { registrationEvents } from './registrations.js';
import { staff } from './staff.js';
import {
  welfarePostTypes,
  type PlacementExitReason,
  type SubsidyStatus,
  type SubsidyType,
  type WelfarePostType,
} from '../../../shared/labels.js';

/**
 * Recognitions of hard-to-employ persons (就业困难人员认定, AID-1): one row per recognition of a
 * person in a category, by a reviewer, with the evidence seen. Rows are never deleted: a
 * recognition ends by revocation (the facts ended, an employment was registered, or a reviewer's
 * decision), so the history stays. At most one active recognition per person and category.
 */
export const hardToEmployRecognitions = pgTable(
  'hard_to_employ_recognitions',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    /** The person's region when recognised (jurisdiction and the unit's overview). */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** A category code of assistance/categories.ts (person_4050, zero_employment_household ...). */
    category: text('category').notNull(),
    recognisedOn: date('recognised_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    /** What the reviewer saw (证明材料), or where a migrated recognition came from. */
    evidence: text('evidence').notNull(),
    /** Set when the rule was not met and the reviewer recognised anyway (audited with it). */
    overrideReason: text('override_reason'),
    recognisedBy: text('recognised_by').notNull(),
    recognisedByName: text('recognised_by_name').notNull(),
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedOn: date('revoked_on', { mode: 'string' }),
    revokedReason: text('revoked_reason'),
    /** The username of the reviewer, or `system` when an event (an employment registration) ended it. */
    revokedBy: text('revoked_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('hard_to_employ_recognitions_active_uq')
      .on(t.personId, t.category)
      .where(sql`${t.revokedOn} IS NULL`),
    index('hard_to_employ_recognitions_person_idx').on(t.personId),
    index('hard_to_employ_recognitions_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/**
 * Public-welfare posts (公益性岗位, AID-4): posts a sponsor (a street office, a community, a
 * government department) funds for hard-to-employ persons, with the number of places and the
 * term the post is approved for.
 */
export const publicWelfarePosts = pgTable(
  'public_welfare_posts',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    sponsor: text('sponsor').notNull(),
    postType: text('post_type').$type<WelfarePostType>().notNull(),
    /** Where the post is: the region of the sponsor's community, street or district. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    places: integer('places').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('public_welfare_posts_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    check('public_welfare_posts_places_ck', sql`${t.places} > 0`),
    check('public_welfare_posts_type_ck', sql`${t.postType} IN (${sql.raw(welfarePostTypes.map((k) => `'${k}'`).join(', '))})`),
    check('public_welfare_posts_term_ck', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/**
 * A person placed on a public-welfare post (AID-4): from the start date until the planned end
 * (the term limit) or an exit with its reason. The placement is an employment: its registration
 * is kept with it. A person holds at most one post at a time.
 */
export const publicWelfarePlacements = pgTable(
  'public_welfare_placements',
  {
    id: uuid('id').primaryKey(),
    postId: uuid('post_id')
      .notNull()
      .references(() => publicWelfarePosts.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** The post's region (the placement is the post's record). */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /** The planned last day: the post's end or the term limit, whichever comes first. */
    endDate: date('end_date', { mode: 'string' }).notNull(),
    exitedOn: date('exited_on', { mode: 'string' }),
    exitReason: text('exit_reason').$type<PlacementExitReason>(),
    /** Why a person outside the priority groups was placed (seed 000 §4: posts go first to the hard-to-employ). */
    priorityOverride: text('priority_override'),
    registrationEventId: uuid('registration_event_id')
      .notNull()
      .references(() => registrationEvents.id),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('public_welfare_placements_post_idx').on(t.postId),
    index('public_welfare_placements_person_idx').on(t.personId),
    uniqueIndex('public_welfare_placements_one_active_uq')
      .on(t.personId)
      .where(sql`${t.exitedOn} IS NULL`),
    check('public_welfare_placements_term_ck', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/**
 * Subsidies (AID-8): an application of one type for one beneficiary and period, decided by a
 * second person and paid by a subsidy run. `beneficiaryKey` names the beneficiary whatever its kind
 * (`p:<person>`, `e:<employer>/p:<person>`), so that one unique index says "once per type,
 * beneficiary and period" for every type; a rejected application does not hold the place.
 */
export const subsidies = pgTable(
  'subsidies',
  {
    id: uuid('id').primaryKey(),
    type: text('type').$type<SubsidyType>().notNull(),
    period: varchar('period', { length: 7 }).notNull(),
    personId: uuid('person_id').references(() => persons.id),
    employerId: uuid('employer_id'),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    beneficiaryKey: text('beneficiary_key').notNull(),
    amountFen: integer('amount_fen').notNull(),
    status: text('status').$type<SubsidyStatus>().notNull(),
    /** The rules that made the amount and the eligibility: [{rule, source, detail}]. */
    reasons: jsonb('reasons').$type<{ rule: string; source: string; detail: string }[]>().notNull(),
    /** Facts the applicant declared that the ledger does not hold (contract years, insurance paid). */
    declared: jsonb('declared').$type<{ contractYears?: number | undefined; insurancePaid?: boolean | undefined }>().notNull(),
    /** The fund line the payment is charged to (for the fund reports). */
    budgetLine: text('budget_line').notNull(),
    appliedBy: text('applied_by').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionComment: text('decision_comment'),
  },
  (t) => [
    uniqueIndex('subsidies_once_uq')
      .on(t.type, t.beneficiaryKey, t.period)
      .where(sql`${t.status} <> 'rejected'`),
    index('subsidies_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.period),
    index('subsidies_person_idx').on(t.personId),
    check('subsidies_status_ck', sql`${t.status} IN ('applied', 'approved', 'rejected', 'paid')`),
    check('subsidies_amount_ck', sql`${t.amountFen} > 0`),
  ],
);

/** A subsidy run (AID-8): one finance officer's payment of the approved subsidies of a period in their scope. */
export const subsidyRuns = pgTable(
  'subsidy_runs',
  {
    id: uuid('id').primaryKey(),
    period: varchar('period', { length: 7 }).notNull(),
    /** The scope of the officer who ran it: the region the run covers. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('subsidy_runs_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.period)],
);

/** A payment of a subsidy by a run: one per subsidy, ever (the unique key is the exactly-once guard). */
export const subsidyPayments = pgTable(
  'subsidy_payments',
  {
    id: uuid('id').primaryKey(),
    runId: uuid('run_id')
      .notNull()
      .references(() => subsidyRuns.id),
    subsidyId: uuid('subsidy_id')
      .notNull()
      .references(() => subsidies.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    budgetLine: text('budget_line').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('subsidy_payments_once_uq').on(t.subsidyId), index('subsidy_payments_run_idx').on(t.runId)],
);

/**
 * Campaigns (专项活动, AID-7): an assistance month, a graduates' service week, a spring-breeze
 * action ... over a region and a period, aimed at target groups, with a number to reach per
 * indicator. Only the plan is stored: the results are counted from the records dated in the period
 * whenever they are asked for (assistance/campaignIndicators.ts), never typed.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** A kind code of shared/campaigns.ts campaignKinds (assistance_month, graduates_week, spring_breeze ...). */
    kind: text('kind').notNull(),
    /** The region the campaign covers (its records are those of this region and below). */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** Category codes of assistance/categories.ts and `graduates`; empty = everyone in the region. */
    targetGroups: text('target_groups').array().notNull(),
    /** The number to reach per indicator code: {persons_placed: 200, ...}. */
    targets: jsonb('targets').$type<Record<string, number>>().notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('campaigns_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.startDate),
    check('campaigns_period_ck', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/**
 * The named caseworker of a recognised person (AID-2, seed 004 §三(七): 登记造冊、定期家訪、跟蹤服務):
 * one row per assignment; a change ends the current row (endedOn) and adds the next, so the
 * history stays. At most one current assignment per person.
 */
export const caseworkerAssignments = pgTable(
  'caseworker_assignments',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** The person's region (jurisdiction; follows the person when they move). */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    caseworkerId: uuid('caseworker_id')
      .notNull()
      .references(() => staff.id),
    /** Kept with the row: the office the person moves to reads the history without seeing the staff member's unit. */
    caseworkerName: text('caseworker_name').notNull(),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    reason: text('reason'),
    assignedBy: text('assigned_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('caseworker_assignments_current_uq')
      .on(t.personId)
      .where(sql`${t.endedOn} IS NULL`),
    index('caseworker_assignments_caseworker_idx').on(t.caseworkerId),
    index('caseworker_assignments_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/**
 * A step of a recognised person's individual employment plan (个人就业计划, AID-2): what is to be
 * done by when, and when it was done with a note. Steps are edited, never deleted (audited).
 */
export const employmentPlanSteps = pgTable(
  'employment_plan_steps',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    text: text('text').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    doneNote: text('done_note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('employment_plan_steps_person_idx').on(t.personId, t.dueOn),
    index('employment_plan_steps_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);
