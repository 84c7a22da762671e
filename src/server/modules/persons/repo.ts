// SQL for the labour-force ledger; every read is limited to the caller's scope.
import type { BulkColumn } from '../../db/bulk.js';
import crypto from 'node:crypto';
import { and, arrayContains, asc, eq, ilike, isNull, lt, sql, type SQL } from 'drizzle-orm';
import {
  hardToEmployRecognitions,
  householdMembers,
  personImportBatches,
  persons,
  regions,
  seekerMatchLookup,
  seekerMatchProfiles,
  units,
} from '../../db/schema.js';
import { bulkInsert, deleteSome } from '../../db/bulk.js';
import { isSeeker, seekerLookupKeys, seekerMatchColumns, seekerProfileOf } from '../../../shared/matchProfiles.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, withTransaction, withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';
import type { Role } from '../../../shared/roles.js';

export type PersonRow = typeof persons.$inferSelect;

/**
 * Persons every read may see: all but those of a ledger import not yet applied (REG-7). The set of
 * pending batches is empty but during an import, so this costs a hashed look-up of nothing.
 */
/** Ids of persons of a ledger import not yet applied: readers of derived rows (match profiles) leave them out too. */
export const unappliedImportPersonIds = sql`(SELECT ${persons.id} FROM ${persons} WHERE ${persons.importBatch} IN (SELECT ${personImportBatches.id} FROM ${personImportBatches} WHERE ${personImportBatches.appliedAt} IS NULL))`;
export const visiblePerson = sql`(${persons.importBatch} IS NULL OR ${persons.importBatch} NOT IN (SELECT ${personImportBatches.id} FROM ${personImportBatches} WHERE ${personImportBatches.appliedAt} IS NULL))`;

export const personColumns = {
  id: persons.id,
  name: persons.name,
  sex: persons.sex,
  birthDate: persons.birthDate,
  idNumber: persons.idNumberMasked,
  idConvertedFrom15: persons.idConvertedFrom15,
  regionCode: persons.regionCode,
  regionName: regions.name,
  householdType: persons.householdType,
  phone: persons.phoneMasked,
  ethnicity: persons.ethnicity,
  education: persons.education,
  address: persons.address,
  labourCapacity: persons.labourCapacity,
  disability: persons.disability,
  skills: persons.skills,
  occupation: persons.occupation,
  jobWishes: persons.jobWishes,
  categories: persons.categories,
  retiree: persons.retiree,
  graduationYear: persons.graduationYear,
  school: persons.school,
  employmentStatus: persons.employmentStatus,
  statusSince: persons.statusSince,
  jobSeeking: persons.jobSeeking,
  certificateNo: persons.certificateNo,
  certificateStatus: persons.certificateStatus,
  householdId: householdMembers.householdId,
  unitId: persons.unitId,
  unitName: units.name,
  createdAt: persons.createdAt,
};

export interface PersonFilter {
  q?: string | undefined;
  regionCode?: string | undefined;
  status?: string | undefined;
  category?: string | undefined;
  jobSeeking?: boolean | undefined;
  /** Job seekers only: a job-seeking registration or registered unemployed (the matching's seekers). */
  seeker?: boolean | undefined;
  /** College graduates (REG-4): a graduation year or the category 高校毕业生. */
  graduate?: boolean | undefined;
  /** Community-managed retirees (REG-6). */
  retiree?: boolean | undefined;
}

/**
 * Roles that read the whole ledger of their scope. A job officer holding none of them reads only
 * job seekers (a job-seeking registration or registered unemployed): what matching and referral
 * need, and no more of the ledger (issue 12, PIPL art. 6 minimum necessary).
 */
export const ledgerReaderRoles: readonly Role[] = ['clerk', 'admin', 'leader', 'auditor', 'reviewer', 'ui_officer', 'finance'];

/** A job seeker in SQL: seeking work or registered unemployed (isSeeker of shared/matchProfiles in JS). */
const seekerCondition = sql`(${persons.jobSeeking} OR ${persons.employmentStatus} = 'unemployed')`;

/** True when the caller reads only job seekers of the ledger. */
export function readsSeekersOnly(ctx: Ctx): boolean {
  return !ctx.actor.roles.some((r) => ledgerReaderRoles.includes(r));
}

/** The persons the caller may read: in scope, and seekers only for a job officer. */
function readable(ctx: Ctx): SQL {
  const inScope = withinScope(ctx, persons.regionCode);
  return readsSeekersOnly(ctx) ? and(inScope, seekerCondition)! : inScope;
}

function listQuery(ctx: Ctx) {
  return ctx.db
    .select(personColumns)
    .from(persons)
    .leftJoin(regions, eq(regions.code, persons.regionCode))
    .leftJoin(householdMembers, eq(householdMembers.personId, persons.id))
    .leftJoin(units, eq(units.id, persons.unitId));
}

/** A page of persons in scope, ordered by region then name. */
export async function listPersons(ctx: Ctx, filter: PersonFilter, paging: Paging) {
  const conds: SQL[] = [readable(ctx), visiblePerson];
  if (filter.q) conds.push(ilike(persons.name, `%${filter.q}%`));
  // starts_with, as withinScope: leakproof, so an index range even under row-level security.
  if (filter.regionCode) conds.push(sql`starts_with(${persons.regionCode}, ${filter.regionCode.replace(/0+$/, '')}::text)`);
  if (filter.status) conds.push(eq(persons.employmentStatus, filter.status));
  if (filter.category) conds.push(arrayContains(persons.categories, [filter.category]));
  if (filter.jobSeeking !== undefined) conds.push(eq(persons.jobSeeking, filter.jobSeeking));
  if (filter.retiree !== undefined) conds.push(eq(persons.retiree, filter.retiree));
  if (filter.seeker) conds.push(seekerCondition);
  if (filter.graduate) conds.push(sql`(${persons.graduationYear} IS NOT NULL OR ${persons.categories} @> ARRAY['高校毕业生']::text[])`);
  const where = and(...conds);
  const items = await listQuery(ctx)
    .where(where)
    // In the order of persons_region_name_idx (region codes are digits: "C" orders them as any collation does),
    // so a page is read from the index, not by sorting a district's hundred thousand persons.
    .orderBy(sql`${persons.regionCode} COLLATE "C"`, asc(persons.name))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(persons)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

/** One person the caller may read (display columns), or undefined. */
export async function findPerson(ctx: Ctx, id: string) {
  const [row] = await listQuery(ctx).where(and(eq(persons.id, id), readable(ctx), visiblePerson));
  return row;
}

/** The full row of a person the caller may read (a job officer: seekers only), locked for update. */
export async function findPersonRowForUpdate(ctx: Ctx, id: string): Promise<PersonRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(persons)
    .where(and(eq(persons.id, id), readable(ctx), visiblePerson))
    .for('update');
  return row;
}

/** The person with an ID number's blind index anywhere, with the holding unit's region. */
export async function findByIdIndex(ctx: Ctx, idIndex: string) {
  const [row] = await anywhereCtx(ctx)
    .db.select({ id: persons.id, regionCode: persons.regionCode, unitName: units.name })
    .from(persons)
    .leftJoin(units, eq(units.id, persons.unitId))
    .where(and(eq(persons.idNumberIndex, idIndex), visiblePerson));
  return row;
}

export async function insertPerson(ctx: Ctx, row: typeof persons.$inferInsert) {
  const [stored] = await ctx.db.insert(persons).values(row).returning();
  await keepMatchProfile(ctx, stored!);
}

export async function updatePerson(ctx: Ctx, id: string, patch: Partial<typeof persons.$inferInsert>) {
  const [stored] = await ctx.db
    .update(persons)
    .set(patch)
    .where(and(eq(persons.id, id), withinScope(ctx, persons.regionCode)))
    .returning();
  if (stored) await keepMatchProfile(ctx, stored);
}

/**
 * Whether a person holds an active hard-to-employ recognition on a date (not revoked, not past its
 * validity): matching's priority (AID-1). The assistance module owns the recognitions and stands
 * above the ledger, so the ledger reads its table here and the assistance module asks it to
 * refresh the profile (refreshMatchProfile) in the transaction of every recognition and revocation.
 */
export async function holdsActiveRecognition(ctx: Ctx, personId: string, date: string): Promise<boolean> {
  const r = hardToEmployRecognitions;
  const [row] = await anywhereCtx(ctx)
    .db.select({ id: r.id })
    .from(r)
    .where(and(eq(r.personId, personId), isNull(r.revokedOn), sql`(${r.validUntil} IS NULL OR ${r.validUntil} >= ${date}::date)`))
    .limit(1);
  return row !== undefined;
}

/** Of some persons, those holding an active recognition on a date (holdsActiveRecognition for many at once). */
async function holdingRecognition(ctx: Ctx, personIds: string[], date: string): Promise<Set<string>> {
  const r = hardToEmployRecognitions;
  const rows = await anywhereCtx(ctx)
    .db.selectDistinct({ personId: r.personId })
    .from(r)
    .where(
      and(
        sql`${r.personId} IN (SELECT unnest(${sql.param(personIds)}::uuid[]))`,
        isNull(r.revokedOn),
        sql`(${r.validUntil} IS NULL OR ${r.validUntil} >= ${date}::date)`,
      ),
    );
  return new Set(rows.map((row) => row.personId));
}

/** The seeker_match_profiles and seeker_match_lookup rows of a stored person, or null for a non-seeker; `priority` from holdsActiveRecognition. */
export function matchProfileRows(
  p: Pick<
    PersonInsert,
    'id' | 'regionCode' | 'occupation' | 'skills' | 'jobWishes' | 'education' | 'jobSeeking' | 'employmentStatus' | 'statusSince'
  >,
  priority: boolean,
) {
  if (!isSeeker({ jobSeeking: p.jobSeeking ?? false, employmentStatus: p.employmentStatus })) return null;
  const profile = seekerProfileOf({
    regionCode: p.regionCode,
    occupation: p.occupation ?? null,
    skills: p.skills,
    jobWishes: p.jobWishes ?? null,
    education: p.education ?? null,
    priority,
  });
  return {
    profile: { personId: p.id!, ...seekerMatchColumns(profile), statusSince: p.statusSince ?? null } satisfies SeekerProfileRow,
    lookup: { personId: p.id!, regionCode: p.regionCode, lookupKeys: seekerLookupKeys(profile) } satisfies SeekerLookupRow,
  };
}

/**
 * Keeps the person's match profile and lookup keys in step with the row just written, in the same
 * transaction: every write of persons goes through insertPerson, updatePerson or insertPersonsInBulk.
 */
async function keepMatchProfile(ctx: Ctx, stored: PersonRow) {
  const priority = isSeeker(stored) && (await holdsActiveRecognition(ctx, stored.id, shanghaiDateOf(ctx.now())));
  const rows = matchProfileRows(stored, priority);
  if (!rows) {
    await ctx.db.delete(seekerMatchProfiles).where(eq(seekerMatchProfiles.personId, stored.id));
    await ctx.db.delete(seekerMatchLookup).where(eq(seekerMatchLookup.personId, stored.id));
    return;
  }
  const { personId: _p, ...profile } = rows.profile;
  await ctx.db.insert(seekerMatchProfiles).values(rows.profile).onConflictDoUpdate({ target: seekerMatchProfiles.personId, set: profile });
  const { personId: _l, ...lookup } = rows.lookup;
  await ctx.db.insert(seekerMatchLookup).values(rows.lookup).onConflictDoUpdate({ target: seekerMatchLookup.personId, set: lookup });
}

/** Rewrites a person's match profile from the stored row (a recognition began or ended: the priority changed). */
export async function refreshMatchProfileOf(ctx: Ctx, personId: string) {
  const [stored] = await anywhereCtx(ctx).db.select().from(persons).where(eq(persons.id, personId));
  if (stored) await keepMatchProfile(ctx, stored);
}

/** Inserts new persons in chunks (the ledger import) with the match profiles of the seekers among them (new persons hold no recognition yet). */
export async function insertPersonsInBulk(ctx: Ctx, rows: PersonInsert[]) {
  await bulkInsert(ctx.db, 'persons', personBulkColumns, rows);
  const seekers = rows.map((r) => matchProfileRows(r, false)).filter((r) => r !== null);
  await bulkInsert(
    ctx.db,
    'seeker_match_profiles',
    seekerProfileBulkColumns,
    seekers.map((r) => r.profile),
  );
  await bulkInsert(
    ctx.db,
    'seeker_match_lookup',
    seekerLookupBulkColumns,
    seekers.map((r) => r.lookup),
  );
}

/**
 * Rebuilds every seeker's match profile and lookup keys from the persons as stored, `chunk` persons
 * per transaction in id order (so PGlite's one connection is never held for long): after the
 * skills vocabulary or the profile's format changed, the rows written earlier no longer say what
 * the code would write (bootstrap.ts runs it once per vocabulary version). Returns the persons read.
 */
export async function rebuildSeekerMatchProfiles(ctx: Ctx, chunk = 2000): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let read = 0;
  for (;;) {
    const rows = await ctx.db
      .select({
        id: persons.id,
        regionCode: persons.regionCode,
        occupation: persons.occupation,
        skills: persons.skills,
        jobWishes: persons.jobWishes,
        education: persons.education,
        categories: persons.categories,
        jobSeeking: persons.jobSeeking,
        employmentStatus: persons.employmentStatus,
        statusSince: persons.statusSince,
      })
      .from(persons)
      .where(sql`${persons.id} > ${after}::uuid`)
      .orderBy(asc(persons.id))
      .limit(chunk);
    if (rows.length === 0) return read;
    read += rows.length;
    after = rows[rows.length - 1]!.id;
    const ids = sql`(SELECT unnest(${sql.param(rows.map((r) => r.id))}::uuid[]))`;
    const priority = await holdingRecognition(
      ctx,
      rows.map((r) => r.id),
      shanghaiDateOf(ctx.now()),
    );
    const seekers = rows.map((r) => matchProfileRows(r, priority.has(r.id))).filter((r) => r !== null);
    await withTransaction(ctx, async (tx) => {
      await tx.db.execute(sql`DELETE FROM ${seekerMatchLookup} WHERE ${seekerMatchLookup.personId} IN ${ids}`);
      await tx.db.execute(sql`DELETE FROM ${seekerMatchProfiles} WHERE ${seekerMatchProfiles.personId} IN ${ids}`);
      await bulkInsert(
        tx.db,
        'seeker_match_profiles',
        seekerProfileBulkColumns,
        seekers.map((r) => r.profile),
      );
      await bulkInsert(
        tx.db,
        'seeker_match_lookup',
        seekerLookupBulkColumns,
        seekers.map((r) => r.lookup),
      );
    });
  }
}

type SeekerLookupRow = typeof seekerMatchLookup.$inferInsert;
/** Columns of a bulk insert of seeker lookup keys. */
export const seekerLookupBulkColumns: BulkColumn<SeekerLookupRow>[] = [
  { name: 'person_id', type: 'uuid', value: (r) => r.personId },
  { name: 'region_code', type: 'varchar', value: (r) => r.regionCode },
  { name: 'lookup_keys', type: 'text[]', value: (r) => r.lookupKeys },
];

type SeekerProfileRow = typeof seekerMatchProfiles.$inferInsert;
/** Columns of a bulk insert of seeker match profiles (the ledger import, the benchmark's load). */
export const seekerProfileBulkColumns: BulkColumn<SeekerProfileRow>[] = [
  { name: 'person_id', type: 'uuid', value: (r) => r.personId },
  { name: 'region_code', type: 'varchar', value: (r) => r.regionCode },
  { name: 'occupations', type: 'text[]', value: (r) => r.occupations },
  { name: 'occupation_groups', type: 'text[]', value: (r) => r.occupationGroups },
  { name: 'skills', type: 'text[]', value: (r) => r.skills },
  { name: 'wage_min_fen', type: 'integer', value: (r) => r.wageMinFen },
  { name: 'education_rank', type: 'integer', value: (r) => r.educationRank },
  { name: 'hours', type: 'text', value: (r) => r.hours },
  { name: 'wished_prefixes', type: 'text[]', value: (r) => r.wishedPrefixes },
  { name: 'priority', type: 'boolean', value: (r) => r.priority },
  { name: 'status_since', type: 'date', value: (r) => r.statusSince },
];

export type PersonInsert = typeof persons.$inferInsert;
/** Columns of a bulk insert of persons (the ledger import). */
export const personBulkColumns: BulkColumn<PersonInsert>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'id_number_sealed', type: 'text', value: (r) => r.idNumberSealed },
  { name: 'id_number_index', type: 'text', value: (r) => r.idNumberIndex },
  { name: 'id_number_masked', type: 'text', value: (r) => r.idNumberMasked },
  { name: 'id_converted_from_15', type: 'boolean', value: (r) => r.idConvertedFrom15 ?? false },
  { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'sex', type: 'varchar', value: (r) => r.sex },
  { name: 'birth_date', type: 'date', value: (r) => r.birthDate },
  { name: 'ethnicity', type: 'text', value: (r) => r.ethnicity },
  { name: 'education', type: 'text', value: (r) => r.education },
  { name: 'household_type', type: 'text', value: (r) => r.householdType },
  { name: 'address', type: 'text', value: (r) => r.address },
  { name: 'region_code', type: 'varchar', value: (r) => r.regionCode },
  { name: 'phone_sealed', type: 'text', value: (r) => r.phoneSealed },
  { name: 'phone_index', type: 'text', value: (r) => r.phoneIndex },
  { name: 'phone_masked', type: 'text', value: (r) => r.phoneMasked },
  { name: 'labour_capacity', type: 'text', value: (r) => r.labourCapacity },
  { name: 'skills', type: 'text[]', value: (r) => r.skills },
  { name: 'occupation', type: 'text', value: (r) => r.occupation },
  { name: 'job_wishes', type: 'jsonb', value: (r) => r.jobWishes },
  { name: 'match_keys', type: 'text[]', value: (r) => r.matchKeys },
  { name: 'categories', type: 'text[]', value: (r) => r.categories },
  { name: 'employment_status', type: 'text', value: (r) => r.employmentStatus },
  { name: 'status_since', type: 'date', value: (r) => r.statusSince },
  { name: 'job_seeking', type: 'boolean', value: (r) => r.jobSeeking ?? false },
  { name: 'certificate_no', type: 'text', value: (r) => r.certificateNo },
  { name: 'certificate_status', type: 'text', value: (r) => r.certificateStatus },
  { name: 'unit_id', type: 'uuid', value: (r) => r.unitId },
  { name: 'import_batch', type: 'uuid', value: (r) => r.importBatch },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  { name: 'updated_at', type: 'timestamptz', value: (r) => r.updatedAt },
];

/** Opens a ledger-import batch (REG-7): persons inserted under it stay invisible until it is applied. */
export async function openImportBatch(ctx: Ctx): Promise<string> {
  const id = crypto.randomUUID();
  await ctx.db.insert(personImportBatches).values({ id, scope: ctx.actor.scope, createdBy: ctx.actor.username, createdAt: ctx.now() });
  return id;
}

/** Makes every person of the batch visible at once: one row changes, whatever the batch's size. */
export async function applyImportBatch(ctx: Ctx, batchId: string): Promise<void> {
  await ctx.db.update(personImportBatches).set({ appliedAt: ctx.now() }).where(eq(personImportBatches.id, batchId));
}

/**
 * Deletes up to `limit` persons of a batch never applied (their registration and certificate
 * events must be gone first); answers how many went. A caller repeats it in short transactions.
 */
export function deleteUnappliedImportedPersons(ctx: Ctx, batchId: string, limit: number): Promise<number> {
  return deleteSome(ctx.db, sql`${persons}`, unappliedBatchPersonIds(batchId), limit);
}

/** Ids of the persons of a ledger-import batch never applied: the modules with rows of theirs delete those first. */
export function unappliedBatchPersonIds(batchId: string): SQL {
  return sql`(SELECT ${persons.id} FROM ${persons} WHERE ${persons.importBatch} = ${batchId}
    AND ${persons.importBatch} IN (SELECT ${personImportBatches.id} FROM ${personImportBatches} WHERE ${personImportBatches.appliedAt} IS NULL))`;
}

/** Removes the row of a batch once its persons are gone (an applied batch is kept: its persons name it). */
export async function closeUnappliedImportBatch(ctx: Ctx, batchId: string): Promise<void> {
  await ctx.db.delete(personImportBatches).where(and(eq(personImportBatches.id, batchId), isNull(personImportBatches.appliedAt)));
}

/** Batches never applied that were opened before `before`: imports that died with their process. */
export async function abandonedImportBatches(ctx: Ctx, before: Date): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: personImportBatches.id })
    .from(personImportBatches)
    .where(and(isNull(personImportBatches.appliedAt), lt(personImportBatches.createdAt, before)));
  return rows.map((r) => r.id);
}
