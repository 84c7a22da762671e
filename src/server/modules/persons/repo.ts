// SQL for the labour-force ledger; every read is limited to the caller's scope.
import type { BulkColumn } from '../../db/bulk.js';
import crypto from 'node:crypto';
import { and, arrayContains, asc, eq, ilike, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { householdMembers, personImportBatches, persons, regions, units } from '../../db/schema.js';
import { anywhereCtx, withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';

export type PersonRow = typeof persons.$inferSelect;

/**
 * Persons every read may see: all but those of a ledger import not yet applied (REG-7). The set of
 * pending batches is empty but during an import, so this costs a hashed look-up of nothing.
 */
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
  /** College graduates (REG-4): a graduation year or the category 高校毕业生. */
  graduate?: boolean | undefined;
  /** Community-managed retirees (REG-6). */
  retiree?: boolean | undefined;
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
  const conds: SQL[] = [withinScope(ctx, persons.regionCode), visiblePerson];
  if (filter.q) conds.push(ilike(persons.name, `%${filter.q}%`));
  if (filter.regionCode) conds.push(sql`${persons.regionCode} LIKE ${filter.regionCode.replace(/0+$/, '')} || '%'`);
  if (filter.status) conds.push(eq(persons.employmentStatus, filter.status));
  if (filter.category) conds.push(arrayContains(persons.categories, [filter.category]));
  if (filter.jobSeeking !== undefined) conds.push(eq(persons.jobSeeking, filter.jobSeeking));
  if (filter.retiree !== undefined) conds.push(eq(persons.retiree, filter.retiree));
  if (filter.graduate) conds.push(sql`(${persons.graduationYear} IS NOT NULL OR ${persons.categories} @> ARRAY['高校毕业生']::text[])`);
  const where = and(...conds);
  const items = await listQuery(ctx)
    .where(where)
    .orderBy(asc(persons.regionCode), asc(persons.name))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(persons)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

/** One person in scope (display columns), or undefined. */
export async function findPerson(ctx: Ctx, id: string) {
  const [row] = await listQuery(ctx).where(and(eq(persons.id, id), withinScope(ctx, persons.regionCode), visiblePerson));
  return row;
}

/** The full row of a person in scope, locked for update. */
export async function findPersonRowForUpdate(ctx: Ctx, id: string): Promise<PersonRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(persons)
    .where(and(eq(persons.id, id), withinScope(ctx, persons.regionCode), visiblePerson))
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
  await ctx.db.insert(persons).values(row);
}

export async function updatePerson(ctx: Ctx, id: string, patch: Partial<typeof persons.$inferInsert>) {
  await ctx.db
    .update(persons)
    .set(patch)
    .where(and(eq(persons.id, id), withinScope(ctx, persons.regionCode)));
}

export type PersonInsert = typeof persons.$inferInsert;
/** Columns of a bulk insert of persons (the ledger import). */
export const personBulkColumns: BulkColumn<PersonInsert>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'id_number_sealed', type: 'text', value: (r) => r.idNumberSealed },
  { name: 'id_number_index', type: 'text', value: (r) => r.idNumberIndex },
  { name: 'id_number_masked', type: 'text', value: (r) => r.idNumberMasked },
  { name: 'id_converted_from_15', type: 'boolean', value: (r) => r.idConvertedFrom15 },
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
  { name: 'match_keys', type: 'text[]', value: (r) => r.matchKeys },
  { name: 'categories', type: 'text[]', value: (r) => r.categories },
  { name: 'employment_status', type: 'text', value: (r) => r.employmentStatus },
  { name: 'status_since', type: 'date', value: (r) => r.statusSince },
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
export async function deleteUnappliedImportedPersons(ctx: Ctx, batchId: string, limit: number): Promise<number> {
  const gone = await ctx.db.execute(
    sql`DELETE FROM persons WHERE id IN (SELECT id FROM persons WHERE import_batch = ${batchId} LIMIT ${limit})
        AND import_batch IN (SELECT id FROM person_import_batches WHERE applied_at IS NULL) RETURNING id`,
  );
  return (gone as unknown as { rows: unknown[] }).rows.length;
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
