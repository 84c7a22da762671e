// Tables owned by the certificates module: only its code writes them (docs/architecture.md "Layers").
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { persons } from './persons.js';

/** Last number issued per certificate prefix (region + year), locked FOR UPDATE when issuing. */
export const certificateCounters = pgTable('certificate_counters', {
  prefix: text('prefix').primaryKey(),
  last: integer('last').notNull(),
});

/** History of a person's 就业失业登记证: issued, withdrawn, reissued (REG-3). */
export const certificateEvents = pgTable(
  'certificate_events',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    certificateNo: text('certificate_no').notNull(),
    action: text('action').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    reason: text('reason'),
    createdBy: text('created_by').notNull(),
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('certificate_events_person_idx').on(t.personId, t.createdAt)],
);

/**
 * Reviews of a holder's certificate (AID-5): an eligibility review (资格审核: the rules met, with
 * reasons, and the reviewer's decision, an override audited with its reason) or a yearly check
 * (年审: continue, or withdraw with the reason).
 */
export const certificateReviews = pgTable(
  'certificate_reviews',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    certificateNo: text('certificate_no'),
    kind: text('kind').$type<'eligibility' | 'yearly_check'>().notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** eligibility: eligible / ineligible (as the rules found); yearly_check: continue / withdraw. */
    result: text('result').notNull(),
    reasons: jsonb('reasons').$type<{ rule: string; source: string; detail: string; met: boolean }[]>().notNull(),
    comment: text('comment').notNull(),
    overrideReason: text('override_reason'),
    createdBy: text('created_by').notNull(),
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('certificate_reviews_person_idx').on(t.personId, t.kind, t.date),
    index('certificate_reviews_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    check('certificate_reviews_kind_ck', sql`${t.kind} IN ('eligibility', 'yearly_check')`),
  ],
);

/**
 * The preferential policies a person enjoyed (AID-5), written by the certificates module when the
 * granting module (a subsidy paid, a public-welfare placement, later a loan or a training) calls
 * it in its own transaction; once per source entity and policy, so a retry never adds a second.
 */
export const policiesEnjoyed = pgTable(
  'policies_enjoyed',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    policyType: text('policy_type').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    amountFen: integer('amount_fen'),
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id').notNull(),
    unitId: uuid('unit_id'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('policies_enjoyed_once_uq').on(t.sourceType, t.sourceId, t.policyType),
    index('policies_enjoyed_person_idx').on(t.personId, t.date),
    index('policies_enjoyed_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.date),
  ],
);
