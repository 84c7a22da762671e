// Tables owned by the surveys module: only its code writes them (docs/architecture.md "Layers").
import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { employers } from './employers.js';

/** Yearly vacancy survey rounds of a unit (JOB-9) and the employers' returns. */
export const vacancySurveys = pgTable(
  'vacancy_surveys',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    unitId: uuid('unit_id'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('vacancy_surveys_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.year)],
);

export const surveyReturns = pgTable(
  'survey_returns',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => vacancySurveys.id),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    returnedOn: date('returned_on', { mode: 'string' }),
    currentVacancies: integer('current_vacancies'),
    nextYearDemand: integer('next_year_demand'),
    notes: text('notes'),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.employerId] })],
);
