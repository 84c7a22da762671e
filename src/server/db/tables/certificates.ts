// Tables owned by the certificates module: only its code writes them (docs/architecture.md "Layers").
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
