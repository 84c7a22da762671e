// Tables owned by the services module: only its code writes them (docs/architecture.md "Layers").
import { date, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { persons } from './persons.js';

/** Services given to a person (REG-8): what, who, where, when; the basis of statistics and scoring. */
export const serviceRecords = pgTable(
  'service_records',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    type: text('type').notNull(),
    channel: text('channel').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    staffId: uuid('staff_id'),
    staffName: text('staff_name').notNull(),
    unitId: uuid('unit_id'),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('service_records_person_idx').on(t.personId, t.date),
    index('service_records_region_date_idx').on(t.regionCode.op('varchar_pattern_ops'), t.date),
  ],
);
