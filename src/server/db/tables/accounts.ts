// Tables owned by the accounts module: only its code writes them (docs/architecture.md "Layers").
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { persons } from './persons.js';
import { employers } from './employers.js';
import { vacancies } from './vacancies.js';

/** Self-service accounts of job seekers (tied to a ledger person) and employers (JOB-7). */
export const publicAccounts = pgTable(
  'public_accounts',
  {
    id: uuid('id').primaryKey(),
    /** 'seeker' or 'employer'. */
    kind: text('kind').notNull(),
    phoneSealed: text('phone_sealed').notNull(),
    phoneIndex: text('phone_index').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    passwordHash: text('password_hash').notNull(),
    personId: uuid('person_id').references(() => persons.id),
    employerId: uuid('employer_id').references(() => employers.id),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('public_accounts_phone_uq').on(t.kind, t.phoneIndex),
    uniqueIndex('public_accounts_person_uq').on(t.personId),
    uniqueIndex('public_accounts_employer_uq').on(t.employerId),
  ],
);

/** Online applications of seekers to published vacancies (JOB-7). */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    vacancyId: uuid('vacancy_id')
      .notNull()
      .references(() => vacancies.id),
    message: text('message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('applications_person_vacancy_uq').on(t.personId, t.vacancyId), index('applications_vacancy_idx').on(t.vacancyId)],
);
