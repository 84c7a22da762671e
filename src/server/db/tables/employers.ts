// Tables owned by the employers module: only its code writes them (docs/architecture.md "Layers").
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { persons } from './persons.js';

/** A PostgreSQL tsvector column (public search, JOB-7); written with to_tsvector('simple', tokens). */
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
  (t) => [
    uniqueIndex('employers_credit_code_uq').on(t.creditCode),
    index('employers_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    index('employers_name_idx').on(t.name),
  ],
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
