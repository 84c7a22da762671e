// Tables owned by the assistance module: only its code writes them (docs/architecture.md "Layers").
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { persons } from './persons.js';

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
