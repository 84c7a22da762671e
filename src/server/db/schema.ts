// Drizzle schema: the single source for tables; migrations are generated from it
// (`npm run db:generate -- --name <why>`) and checked in under ./migrations.
// Region-code indexes use varchar_pattern_ops so `region_code LIKE '140105%'` (jurisdiction,
// DESIGN idea 1) can use them under any database collation, not only "C".
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { householdRelations } from '../../shared/labels.js';
import type { VacancyScreening } from '../modules/vacancies/screening.js';

/** Key/value facts about this installation (first-start bootstrap done, region data version). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/** Administrative divisions (统计用区划代码), 12-digit codes; level 1 province .. 5 community. */
export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    level: smallint('level').notNull(),
    parentCode: varchar('parent_code', { length: 12 }),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);

/** Service units of the four-level network (NET-1): bureaus, centres, offices and stations. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    scope: varchar('scope', { length: 12 }).notNull(),
    address: text('address'),
    phone: text('phone'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('units_region_idx').on(t.regionCode.op('varchar_pattern_ops')), uniqueIndex('units_scope_name_uq').on(t.scope, t.name)],
);

/** Staff accounts; regionCode is the unit's, kept here so scope filtering needs no join. */
export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    name: text('name').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    scope: varchar('scope', { length: 12 }).notNull(),
    roles: text('roles').array().notNull(),
    passwordHash: text('password_hash').notNull(),
    phoneSealed: text('phone_sealed'),
    phoneIndex: text('phone_index'),
    phoneMasked: text('phone_masked'),
    disabled: boolean('disabled').notNull().default(false),
    builtIn: boolean('built_in').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('staff_username_uq').on(t.username), index('staff_region_idx').on(t.regionCode.op('varchar_pattern_ops')), index('staff_phone_index_idx').on(t.phoneIndex)],
);

/** Login sessions; only the SHA-256 of the opaque token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_staff_idx').on(t.staffId)],
);

/** Failed logins per username, for throttling. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_failures_username_at_idx').on(t.username, t.at)],
);

/** Append-only audit trail (SYS-2); each row carries the hash of the previous one. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username').notNull(),
    unitId: uuid('unit_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    regionCode: varchar('region_code', { length: 12 }),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_actor_idx').on(t.actorUsername),
    index('audit_at_idx').on(t.at),
    index('audit_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);

/** One row: the newest audit sequence and hash; locked FOR UPDATE so the chain never forks. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** Policy parameter definitions (DESIGN idea 3). */
export const paramDefinitions = pgTable('param_definitions', {
  name: text('name').primaryKey(),
  title: text('title').notNull(),
  unit: text('unit').notNull(),
  description: text('description').notNull(),
});

/** Dated values of a parameter per region prefix, each with its source. */
export const paramValues = pgTable(
  'param_values',
  {
    id: uuid('id').primaryKey(),
    name: text('name')
      .notNull()
      .references(() => paramDefinitions.name),
    regionPrefix: varchar('region_prefix', { length: 12 }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    value: jsonb('value').notNull(),
    source: text('source').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('param_values_uq').on(t.name, t.regionPrefix, t.effectiveFrom)],
);

/** Idempotency keys of writes that must happen once (DESIGN idea 5). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    key: text('key').notNull(),
    actorId: uuid('actor_id').notNull(),
    route: text('route').notNull(),
    bodyHash: text('body_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.route, t.key] })],
);

/** The labour-force ledger (REG-1): one row per person; ID number and phone sealed (SYS-3). */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey(),
    idNumberSealed: text('id_number_sealed').notNull(),
    idNumberIndex: text('id_number_index').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    idConvertedFrom15: boolean('id_converted_from_15').notNull().default(false),
    name: text('name').notNull(),
    sex: varchar('sex', { length: 1 }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    ethnicity: text('ethnicity'),
    education: text('education'),
    householdType: text('household_type').notNull(),
    address: text('address'),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    phoneSealed: text('phone_sealed'),
    phoneIndex: text('phone_index'),
    phoneMasked: text('phone_masked'),
    labourCapacity: text('labour_capacity').notNull(),
    disability: text('disability'),
    skills: text('skills').array().notNull(),
    occupation: text('occupation'),
    jobWishes: jsonb('job_wishes'),
    /** Wished and current occupation codes and groups, skills: matching's candidate keys (JOB-4). */
    matchKeys: text('match_keys').array().notNull().default(sql`'{}'::text[]`),
    categories: text('categories').array().notNull(),
    retiree: boolean('retiree').notNull().default(false),
    graduationYear: integer('graduation_year'),
    school: text('school'),
    /** Projection of the registration events (DESIGN idea 2), updated in the same transaction. */
    employmentStatus: text('employment_status').notNull(),
    statusSince: date('status_since', { mode: 'string' }),
    jobSeeking: boolean('job_seeking').notNull().default(false),
    certificateNo: text('certificate_no'),
    /** 'valid' or 'withdrawn' once a certificate has been issued. */
    certificateStatus: text('certificate_status'),
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('persons_id_number_uq').on(t.idNumberIndex),
    uniqueIndex('persons_certificate_uq').on(t.certificateNo),
    index('persons_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    index('persons_phone_idx').on(t.phoneIndex),
    index('persons_name_idx').on(t.name),
    index('persons_seeker_match_idx').using('gin', t.matchKeys).where(sql`${t.jobSeeking} OR ${t.employmentStatus} = 'unemployed'`),
  ],
);

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
  (t) => [index('registration_events_person_idx').on(t.personId, t.date), index('registration_events_region_type_idx').on(t.regionCode.op('varchar_pattern_ops'), t.type, t.date)],
);

/** Households (REG-5) and their members. */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    address: text('address'),
    householdType: text('household_type').notNull(),
    zeroEmployment: boolean('zero_employment').notNull().default(false),
    zeroEmploymentSince: date('zero_employment_since', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('households_region_idx').on(t.regionCode.op('varchar_pattern_ops'))],
);

export const householdMembers = pgTable(
  'household_members',
  {
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    relation: text('relation').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.householdId, t.personId] }),
    uniqueIndex('household_members_person_uq').on(t.personId),
    check('household_members_relation_ck', sql`${t.relation} IN (${sql.raw(householdRelations.map((r) => `'${r}'`).join(', '))})`),
  ],
);

/** Zero-employment household cases (AID-3): opened on detection, due after a parameter's months. */
export const zeroEmploymentCases = pgTable(
  'zero_employment_cases',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    detectedOn: date('detected_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    resolvedOn: date('resolved_on', { mode: 'string' }),
    resolution: text('resolution'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('zero_employment_cases_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.deadline), index('zero_employment_cases_household_idx').on(t.householdId)],
);

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
  (t) => [index('service_records_person_idx').on(t.personId, t.date), index('service_records_region_date_idx').on(t.regionCode.op('varchar_pattern_ops'), t.date)],
);

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

/** A PostgreSQL tsvector column (public search, JOB-7); written with to_tsvector('simple', tokens). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Employers (JOB-1): one per unified social credit code. */
export const employers = pgTable(
  'employers',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    creditCode: varchar('credit_code', { length: 18 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    industry: text('industry'),
    size: text('size'),
    ownership: text('ownership'),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    description: text('description'),
    /** 'counter' (entered by staff) or 'self' (an employer account registered it). */
    source: text('source').notNull(),
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('employers_credit_code_uq').on(t.creditCode), index('employers_region_idx').on(t.regionCode.op('varchar_pattern_ops')), index('employers_name_idx').on(t.name)],
);

/** Hiring filings (招用人员录用备案) and labour-contract filings (劳动合同备案) of employers (JOB-1). */
export const employerFilings = pgTable(
  'employer_filings',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    kind: text('kind').notNull(),
    personId: uuid('person_id').references(() => persons.id),
    personName: text('person_name').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    contractEnd: date('contract_end', { mode: 'string' }),
    notes: text('notes'),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    createdBy: text('created_by').notNull(),
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('employer_filings_employer_idx').on(t.employerId, t.date)],
);

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

/** Vacancies (JOB-2): wages in fen; published only after screening and review (JOB-3). */
export const vacancies = pgTable(
  'vacancies',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    title: text('title').notNull(),
    occupation: text('occupation'),
    headcount: integer('headcount').notNull(),
    filled: integer('filled').notNull().default(0),
    wageMin: integer('wage_min').notNull(),
    wageMax: integer('wage_max').notNull(),
    education: text('education'),
    skills: text('skills').array().notNull(),
    hours: text('hours').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    address: text('address'),
    description: text('description').notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    /** pending_review | published | rejected | closed */
    status: text('status').notNull(),
    screening: jsonb('screening').$type<VacancyScreening>().notNull(),
    reviewComment: text('review_comment'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    fairId: uuid('fair_id').references(() => jobFairs.id),
    surveyId: uuid('survey_id').references(() => vacancySurveys.id),
    /** Occupation code and group, skills: what matching looks candidates up by (JOB-4). */
    matchKeys: text('match_keys').array().notNull(),
    /** Character unigrams and bigrams of the texts (JOB-7): Chinese search without a segmenter. */
    search: tsvector('search').notNull(),
    unitId: uuid('unit_id'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('vacancies_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.status),
    index('vacancies_employer_idx').on(t.employerId),
    index('vacancies_public_idx').on(t.publishedAt).where(sql`${t.status} = 'published'`),
    index('vacancies_search_idx').using('gin', t.search).where(sql`${t.status} = 'published'`),
    index('vacancies_match_idx').using('gin', t.matchKeys).where(sql`${t.status} = 'published'`),
    index('vacancies_fair_idx').on(t.fairId),
  ],
);

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

/** Sessions of self-service accounts; only the SHA-256 of the token is stored. */
export const publicSessions = pgTable(
  'public_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => publicAccounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('public_sessions_account_idx').on(t.accountId)],
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

// ---------------------------------------------------------------------------------------------
// platform: scheduler
// ---------------------------------------------------------------------------------------------

/** One run of a scheduled job (platform/scheduler.ts): when, how it ended, and what it did or why it failed. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid('id').primaryKey(),
    jobName: text('job_name').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    /** 'ok', 'failed' (detail = the error message) or 'skipped' (another instance held the job's lock). */
    outcome: text('outcome', { enum: ['ok', 'failed', 'skipped'] }).notNull(),
    detail: text('detail'),
  },
  (t) => [
    index('job_runs_started_idx').on(t.startedAt),
    index('job_runs_job_started_idx').on(t.jobName, t.startedAt),
    check('job_runs_outcome_ck', sql`${t.outcome} IN ('ok', 'failed', 'skipped')`),
  ],
);
