// SQL for households, their members and zero-employment cases.
import type { HouseholdRelation } from '../../../shared/labels.js';
import { and, asc, desc, eq, gte, isNotNull, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { householdMembers, households, persons, zeroEmploymentCases } from '../../db/schema.js';
import { withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';

export type HouseholdRow = typeof households.$inferSelect;
export type CaseRow = typeof zeroEmploymentCases.$inferSelect;

export async function findHousehold(ctx: Ctx, id: string, lock = false): Promise<HouseholdRow | undefined> {
  const q = ctx.db
    .select()
    .from(households)
    .where(and(eq(households.id, id), withinScope(ctx, households.regionCode)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Members with the facts the zero-employment rule needs. */
export function membersOf(ctx: Ctx, householdId: string) {
  return ctx.db
    .select({
      personId: persons.id,
      name: persons.name,
      relation: householdMembers.relation,
      sex: persons.sex,
      birthDate: persons.birthDate,
      idNumber: persons.idNumberMasked,
      labourCapacity: persons.labourCapacity,
      employmentStatus: persons.employmentStatus,
      statusSince: persons.statusSince,
    })
    .from(householdMembers)
    .innerJoin(persons, eq(persons.id, householdMembers.personId))
    .where(eq(householdMembers.householdId, householdId))
    .orderBy(asc(persons.birthDate));
}

export async function householdIdOf(ctx: Ctx, personId: string): Promise<string | undefined> {
  const [row] = await ctx.db
    .select({ id: householdMembers.householdId })
    .from(householdMembers)
    .where(eq(householdMembers.personId, personId));
  return row?.id;
}

export async function insertHousehold(
  ctx: Ctx,
  row: typeof households.$inferInsert,
  members: { personId: string; relation: HouseholdRelation }[],
) {
  await ctx.db.insert(households).values(row);
  await ctx.db.insert(householdMembers).values(members.map((m) => ({ householdId: row.id, ...m })));
}

export async function addMember(ctx: Ctx, householdId: string, personId: string, relation: HouseholdRelation) {
  await ctx.db.insert(householdMembers).values({ householdId, personId, relation });
}

/** Removes a member; true when there was one to remove. */
export async function removeMember(ctx: Ctx, householdId: string, personId: string): Promise<boolean> {
  const gone = await ctx.db
    .delete(householdMembers)
    .where(and(eq(householdMembers.householdId, householdId), eq(householdMembers.personId, personId)))
    .returning({ personId: householdMembers.personId });
  return gone.length > 0;
}

export async function setZeroEmployment(ctx: Ctx, id: string, since: string | null) {
  await ctx.db
    .update(households)
    .set({ zeroEmployment: since !== null, zeroEmploymentSince: since })
    .where(eq(households.id, id));
}

export async function openCaseOf(ctx: Ctx, householdId: string): Promise<CaseRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(zeroEmploymentCases)
    .where(and(eq(zeroEmploymentCases.householdId, householdId), isNull(zeroEmploymentCases.resolvedOn)));
  return row;
}

export async function insertCase(ctx: Ctx, row: typeof zeroEmploymentCases.$inferInsert) {
  await ctx.db.insert(zeroEmploymentCases).values(row);
}

export async function resolveCase(ctx: Ctx, id: string, resolvedOn: string, resolution: string) {
  await ctx.db.update(zeroEmploymentCases).set({ resolvedOn, resolution }).where(eq(zeroEmploymentCases.id, id));
}

export type CaseStatus = 'open' | 'due_soon' | 'overdue' | 'resolved';

/** A page of cases in scope with a status as of `today`; due soon = deadline by `dueSoonBy` (parameter zero_employment.due_soon_days). */
export async function listCases(ctx: Ctx, filter: { status?: CaseStatus | undefined; today: string; dueSoonBy: string }, paging: Paging) {
  const c = zeroEmploymentCases;
  const statusConds: Record<CaseStatus, SQL> = {
    resolved: isNotNull(c.resolvedOn),
    overdue: and(isNull(c.resolvedOn), lt(c.deadline, filter.today))!,
    due_soon: and(isNull(c.resolvedOn), gte(c.deadline, filter.today), lte(c.deadline, filter.dueSoonBy))!,
    open: and(isNull(c.resolvedOn), sql`${c.deadline} > ${filter.dueSoonBy}`)!,
  };
  const conds: SQL[] = [withinScope(ctx, c.regionCode)];
  if (filter.status) conds.push(statusConds[filter.status]);
  const where = and(...conds);
  const status = sql<CaseStatus>`CASE WHEN ${c.resolvedOn} IS NOT NULL THEN 'resolved' WHEN ${c.deadline} < ${filter.today} THEN 'overdue' WHEN ${c.deadline} <= ${filter.dueSoonBy} THEN 'due_soon' ELSE 'open' END`;
  const items = await ctx.db
    .select({
      id: c.id,
      householdId: c.householdId,
      regionCode: c.regionCode,
      detectedOn: c.detectedOn,
      deadline: c.deadline,
      resolvedOn: c.resolvedOn,
      resolution: c.resolution,
      status,
      address: households.address,
      communityName: sql<string | null>`(SELECT name FROM regions WHERE code = ${c.regionCode})`,
      headName: sql<
        string | null
      >`(SELECT p.name FROM household_members m JOIN persons p ON p.id = m.person_id WHERE m.household_id = ${c.householdId} ORDER BY (m.relation = 'head') DESC, p.birth_date LIMIT 1)`,
    })
    .from(c)
    .innerJoin(households, eq(households.id, c.householdId))
    .where(where)
    .orderBy(asc(c.resolvedOn), asc(c.deadline), desc(c.detectedOn))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(c)
    .where(where);
  return { items, total: count?.n ?? 0 };
}
