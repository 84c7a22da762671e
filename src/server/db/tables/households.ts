// Tables owned by the households module: only its code writes them (docs/architecture.md "Layers").
import { boolean, check, date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { householdRelations } from '../../../shared/labels.js';
import { persons } from './persons.js';
import { staff } from './staff.js';
import { caseMeasureKinds, type CaseMeasureKind, type CaseResolution } from '../../../shared/labels.js';

/** Households (REG-5) and their members. */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    address: text('address'),
    householdType: text('household_type').notNull(),
    zeroEmployment: boolean('zero_employment').notNull().default(false),
    zeroEmploymentSince: date('zero_employment_since', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('households_region_idx').on(t.regionCode.op('varchar_pattern_ops'))],
);

export const householdMembers = pgTable(
  'household_members',
  {
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    relation: text('relation').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.householdId, t.personId] }),
    uniqueIndex('household_members_person_uq').on(t.personId),
    check('household_members_relation_ck', sql`${t.relation} IN (${sql.raw(householdRelations.map((r) => `'${r}'`).join(', '))})`),
  ],
);

/** Zero-employment household cases (AID-3): opened on detection, due after a parameter's months. */
export const zeroEmploymentCases = pgTable(
  'zero_employment_cases',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    detectedOn: date('detected_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    resolvedOn: date('resolved_on', { mode: 'string' }),
    resolution: text('resolution').$type<CaseResolution>(),
    /** What shows the resolution: the employment registration that ended the case (its id, date and employer). */
    resolutionEvidence: text('resolution_evidence'),
    /** The staff member who works the case (AID-2, AID-3). */
    caseworkerId: uuid('caseworker_id').references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('zero_employment_cases_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.deadline),
    index('zero_employment_cases_household_idx').on(t.householdId),
    index('zero_employment_cases_caseworker_idx').on(t.caseworkerId),
  ],
);

/**
 * The plan and the measures of a zero-employment case (AID-3): a step planned for a date (`dueOn`)
 * is a measure not yet taken; taking it records the day (`takenOn`) and what came of it.
 */
export const zeroEmploymentCaseMeasures = pgTable(
  'zero_employment_case_measures',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => zeroEmploymentCases.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    kind: text('kind').$type<CaseMeasureKind>().notNull(),
    /** For which member, where the measure is for one. */
    personId: uuid('person_id').references(() => persons.id),
    dueOn: date('due_on', { mode: 'string' }),
    takenOn: date('taken_on', { mode: 'string' }),
    note: text('note').notNull(),
    outcome: text('outcome'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('zero_employment_case_measures_case_idx').on(t.caseId),
    check('zero_employment_case_measures_kind_ck', sql`${t.kind} IN (${sql.raw(caseMeasureKinds.map((k) => `'${k}'`).join(', '))})`),
    check('zero_employment_case_measures_date_ck', sql`${t.dueOn} IS NOT NULL OR ${t.takenOn} IS NOT NULL`),
  ],
);
