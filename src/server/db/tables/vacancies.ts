// Tables owned by the vacancies module: only its code writes them (docs/architecture.md "Layers").
import { customType, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { VacancyScreening } from '../../../shared/screening.js';
import { employers } from './employers.js';
import { jobFairs } from './fairs.js';
import { vacancySurveys } from './surveys.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

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
    /** pending_review | published | rejected | closed | expired (published, then past valid_until: the nightly job vacancies.expire) */
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
    index('vacancies_public_idx')
      .on(t.publishedAt)
      .where(sql`${t.status} = 'published'`),
    index('vacancies_search_idx')
      .using('gin', t.search)
      .where(sql`${t.status} = 'published'`),
    index('vacancies_fair_idx').on(t.fairId),
  ],
);

/**
 * The match profile of every published vacancy (JOB-4; shared/matchProfiles.ts), one narrow row
 * each, written by the vacancies repo in the same transaction as every write of the vacancy (a
 * row exists exactly while the vacancy is published). Matching scores all vacancies sharing a key
 * with a seeker in SQL from these columns instead of the wide rows the public search reads.
 */
export const vacancyMatchProfiles = pgTable(
  'vacancy_match_profiles',
  {
    vacancyId: uuid('vacancy_id')
      .primaryKey()
      .references(() => vacancies.id, { onDelete: 'cascade' }),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** Match keys, also placed at the vacancy's community, street and district (lookupKeysOf). */
    lookupKeys: text('lookup_keys').array().notNull(),
    occupation: text('occupation'),
    occupationGroup: text('occupation_group'),
    skills: text('skills').array().notNull(),
    wageMax: integer('wage_max').notNull(),
    educationRank: smallint('education_rank').notNull(),
    hours: text('hours').notNull(),
    /** As publiclyVisible reads them: valid until, and open while filled < headcount. */
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    headcount: integer('headcount').notNull(),
    filled: integer('filled').notNull(),
    /** The newer first among equal scores. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('vacancy_match_profiles_keys_idx').using('gin', t.lookupKeys)],
);
