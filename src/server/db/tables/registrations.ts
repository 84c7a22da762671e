// Tables owned by the registrations module: only its code writes them (docs/architecture.md "Layers").
import { date, index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { persons } from './persons.js';

/** Registration events (REG-3): appended, never edited; a correction points at what it corrects. */
export const registrationEvents = pgTable(
  'registration_events',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    type: text('type').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    details: jsonb('details').notNull(),
    correctsEventId: uuid('corrects_event_id'),
    certificateNo: text('certificate_no'),
    createdBy: text('created_by').notNull(),
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('registration_events_person_idx').on(t.personId, t.date),
    index('registration_events_region_type_idx').on(t.regionCode.op('varchar_pattern_ops'), t.type, t.date),
  ],
);
