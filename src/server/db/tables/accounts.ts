// Tables owned by the accounts module: only its code writes them (docs/architecture.md "Layers").
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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

/**
 * One-time codes that bind a public account to a ledger person or an employer (JOB-7, SYS-2): a
 * code sent by SMS to the phone on record, or an activation code issued at a counter. Only the
 * hash of a code is stored; a code expires, is used once and allows a few wrong tries.
 */
export const bindingCodes = pgTable(
  'binding_codes',
  {
    id: uuid('id').primaryKey(),
    /** 'seeker' (subject is a person) or 'employer'. */
    kind: text('kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    regionCode: text('region_code').notNull(),
    /** 'sms' (sent to the phone on record) or 'counter' (issued by staff). */
    channel: text('channel').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    issuedBy: uuid('issued_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('binding_codes_subject_idx').on(t.kind, t.subjectId, t.createdAt)],
);

/**
 * Text messages to citizens. The default sender only writes here, and counter staff of the
 * recipient's region read a message out or print it; with a gateway configured
 * (OPENPES_SMS_WEBHOOK_URL) a delivery run sends pending messages and records the outcome.
 */
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: uuid('id').primaryKey(),
    phoneSealed: text('phone_sealed').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    regionCode: text('region_code').notNull(),
    /** What the message is for ('seeker_binding', 'employer_binding'), for the counter's list. */
    purpose: text('purpose').notNull(),
    body: text('body').notNull(),
    /** 'pending' (not yet given to a gateway), 'sent', 'failed'. */
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [index('sms_outbox_region_created_idx').on(t.regionCode, t.createdAt)],
);
