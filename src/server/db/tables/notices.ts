// Tables owned by the notices module: only its code writes them (docs/architecture.md "Layers").
import { customType, date, index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A document a notice is based on: title, 文号 (if it has one), issuer, date of issue, link. */
export interface NoticeSource {
  title: string;
  documentNumber: string | null;
  issuer: string;
  date: string | null;
  url: string | null;
}

/**
 * Policy notices (JOB-8): written by one staff member, reviewed and published by another, shown
 * on the public board while valid; withdrawn ones stay for the record.
 */
export const policyNotices = pgTable(
  'policy_notices',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    /** Plain text; paragraphs separated by line breaks. */
    body: text('body').notNull(),
    category: text('category').notNull(),
    /** Where it applies: a district's notice shows for that district, a city's for all of its districts. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    sources: jsonb('sources').$type<NoticeSource[]>().notNull(),
    /** draft | submitted | published | withdrawn */
    status: text('status').notNull(),
    unitId: uuid('unit_id'),
    createdBy: text('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    /** Everyone who wrote any of the text: none of them may review it (four eyes). */
    contributors: text('contributors').array().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by'),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** The reviewer's comment; the reason when the notice was returned to draft. */
    reviewComment: text('review_comment'),
    publishedOn: date('published_on', { mode: 'string' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnBy: text('withdrawn_by'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawReason: text('withdraw_reason'),
    /** Character unigrams and bigrams of title and body (the vacancies' tokenizer). */
    search: tsvector('search').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('policy_notices_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.status),
    index('policy_notices_public_idx')
      .on(t.publishedAt)
      .where(sql`${t.status} = 'published'`),
    index('policy_notices_search_idx')
      .using('gin', t.search)
      .where(sql`${t.status} = 'published'`),
  ],
);
