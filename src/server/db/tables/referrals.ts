// Tables owned by the referrals module: only its code writes them (docs/architecture.md "Layers").
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { persons } from './persons.js';
import { employers } from './employers.js';
import { vacancies } from './vacancies.js';

/** Referrals (JOB-5): a seeker sent to a vacancy, with a letter code the employer can verify. */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    vacancyId: uuid('vacancy_id')
      .notNull()
      .references(() => vacancies.id),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    /** The person's region: who may see the referral (DESIGN idea 1). */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    verificationCode: text('verification_code').notNull(),
    /** interviewed | hired | rejected | no_show; null while awaiting the employer. */
    outcome: text('outcome'),
    outcomeDate: date('outcome_date', { mode: 'string' }),
    outcomeNote: text('outcome_note'),
    employerFeedback: text('employer_feedback'),
    employerFeedbackAt: timestamp('employer_feedback_at', { withTimezone: true }),
    employmentEventId: uuid('employment_event_id'),
    staffId: uuid('staff_id'),
    staffName: text('staff_name').notNull(),
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('referrals_code_uq').on(t.verificationCode),
    uniqueIndex('referrals_person_vacancy_uq').on(t.personId, t.vacancyId),
    index('referrals_region_date_idx').on(t.regionCode.op('varchar_pattern_ops'), t.date),
    index('referrals_vacancy_idx').on(t.vacancyId),
  ],
);
