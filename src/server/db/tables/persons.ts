// Tables owned by the persons module: only its code writes them (docs/architecture.md "Layers").
import { boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
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
    // The ledger list's order (persons repo listPersons): a district's page read from the index, and
    // its count from the index alone (import_batch is what visiblePerson reads besides the region).
    index('persons_region_name_idx').on(sql`${t.regionCode} COLLATE "C"`, t.name, t.importBatch),
    index('persons_phone_idx').on(t.phoneIndex),
    index('persons_name_idx').on(t.name),
    // A district's registered unemployed (a tenth of a ledger): the graduate follow-up list and the
    // community clerk's work list read them from here instead of every person of the district.
    index('persons_unemployed_idx')
      .on(sql`${t.regionCode} COLLATE "C"`, t.statusSince)
      .where(sql`${t.employmentStatus} = 'unemployed'`),
    // Valid certificates: the yearly checks due.
    index('persons_certificate_valid_idx')
      .on(sql`${t.regionCode} COLLATE "C"`)
      .where(sql`${t.certificateStatus} = 'valid'`),
  ],
);

/**
 * The match profile of every person who seeks work (JOB-4; shared/matchProfiles.ts), one narrow row
 * each, written by the persons repo in the same transaction as every write of the person. Matching
 * scores all seekers sharing a key with a vacancy in SQL from these few columns: seekers are one
 * row in ten of the wide ledger, where the same candidates would cost a page read each.
 */
export const seekerMatchProfiles = pgTable('seeker_match_profiles', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => persons.id, { onDelete: 'cascade' }),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  occupations: text('occupations').array().notNull(),
  occupationGroups: text('occupation_groups').array().notNull(),
  skills: text('skills').array().notNull(),
  wageMinFen: integer('wage_min_fen'),
  educationRank: smallint('education_rank').notNull(),
  hours: text('hours'),
  wishedPrefixes: text('wished_prefixes').array().notNull(),
  priority: boolean('priority').notNull(),
  /** Since when the person is in their status: the longer unemployed come first among equal scores. */
  statusSince: date('status_since', { mode: 'string' }),
});

/**
 * The keys a seeker is found by (lookupKeysOf: match keys, also placed at the person's district
 * and wished places), apart from the profile. On PostgreSQL a policy on a table
 * keeps its GIN index from answering `&&` (the operator is not leakproof, so it may not run before
 * the policy's row filter), so this table is readable whatever the scope (its policy lets every
 * row be read, and only rows in scope be written): it holds ids and keys, no name, no wage, no
 * category. Matching joins the profiles by id, and their policy keeps each caller to their scope.
 */
export const seekerMatchLookup = pgTable(
  'seeker_match_lookup',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => persons.id, { onDelete: 'cascade' }),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    lookupKeys: text('lookup_keys').array().notNull(),
  },
  (t) => [index('seeker_match_lookup_keys_idx').using('gin', t.lookupKeys)],
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
