// Tables owned by the fairs module: only its code writes them (docs/architecture.md "Layers").
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { employers } from './employers.js';

/** Job fairs (JOB-6), general or special; booths and vacancies point at them. */
export const jobFairs = pgTable(
  'job_fairs',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    venue: text('venue').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    description: text('description'),
    cancelled: boolean('cancelled').notNull().default(false),
    attendance: integer('attendance'),
    intentions: integer('intentions'),
    deals: integer('deals'),
    unitId: uuid('unit_id'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('job_fairs_region_date_idx').on(t.regionCode.op('varchar_pattern_ops'), t.date), index('job_fairs_date_idx').on(t.date)],
);

/** Employers' booths at a fair. */
export const fairBooths = pgTable(
  'fair_booths',
  {
    id: uuid('id').primaryKey(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => jobFairs.id),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    boothNo: text('booth_no'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('fair_booths_uq').on(t.fairId, t.employerId)],
);
