// Tables owned by the households module: only its code writes them (docs/architecture.md "Layers").
import { boolean, check, date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { householdRelations } from '../../../shared/labels.js';
import { persons } from './persons.js';

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
    resolution: text('resolution'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('zero_employment_cases_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.deadline),
    index('zero_employment_cases_household_idx').on(t.householdId),
  ],
);
