// Tables owned by the persons module: only its code writes them (docs/architecture.md "Layers").
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

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
    matchKeys: text('match_keys')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
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
    /**
     * The ledger import that brought the person in (REG-7). While that import is not applied the
     * person is invisible to every read (`visiblePerson`); it stays set afterwards as provenance.
     */
    importBatch: uuid('import_batch'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('persons_id_number_uq').on(t.idNumberIndex),
    index('persons_import_batch_idx').on(t.importBatch),
    uniqueIndex('persons_certificate_uq').on(t.certificateNo),
    index('persons_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
    index('persons_phone_idx').on(t.phoneIndex),
    index('persons_name_idx').on(t.name),
    index('persons_seeker_match_idx')
      .using('gin', t.matchKeys)
      .where(sql`${t.jobSeeking} OR ${t.employmentStatus} = 'unemployed'`),
  ],
);

/**
 * Ledger imports being written (REG-7): their persons are stored in short transactions but stay
 * invisible until `appliedAt` is set in one last short transaction (docs/architecture.md, "Ledger
 * import"). A batch never applied is discarded with its rows.
 */
export const personImportBatches = pgTable('person_import_batches', {
  id: uuid('id').primaryKey(),
  /** The importing clerk's scope (not a region code: the batch itself shows nobody anything). */
  scope: text('scope').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true }),
});
