// SQL for households, their members and zero-employment cases.
import type { CaseResolution, HouseholdRelation } from '../../../shared/labels.js';
import { and, asc, desc, eq, gte, isNotNull, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { householdMembers, households, persons, staff, zeroEmploymentCaseMeasures, zeroEmploymentCases } from '../../db/schema.js';
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

export async function resolveCase(ctx: Ctx, id: string, resolvedOn: string, resolution: CaseResolution, evidence: string | null) {
  await ctx.db
    .update(zeroEmploymentCases)
    .set({ resolvedOn, resolution, resolutionEvidence: evidence })
    .where(eq(zeroEmploymentCases.id, id));
}

/** A case in scope (locked for a change when asked). */
export async function findCase(ctx: Ctx, id: string, lock = false): Promise<CaseRow | undefined> {
  const q = ctx.db
    .select()
    .from(zeroEmploymentCases)
    .where(and(eq(zeroEmploymentCases.id, id), withinScope(ctx, zeroEmploymentCases.regionCode)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function setCaseworker(ctx: Ctx, id: string, caseworkerId: string | null) {
  await ctx.db.update(zeroEmploymentCases).set({ caseworkerId }).where(eq(zeroEmploymentCases.id, id));
}

export type MeasureRow = typeof zeroEmploymentCaseMeasures.$inferSelect;

export async function insertMeasure(ctx: Ctx, row: typeof zeroEmploymentCaseMeasures.$inferInsert) {
  await ctx.db.insert(zeroEmploymentCaseMeasures).values(row);
}

export async function findMeasure(ctx: Ctx, caseId: string, id: string): Promise<MeasureRow | undefined> {
  const m = zeroEmploymentCaseMeasures;
  const [row] = await ctx.db
    .select()
    .from(m)
    .where(and(eq(m.id, id), eq(m.caseId, caseId), withinScope(ctx, m.regionCode)));
  return row;
}

export async function markMeasureTaken(ctx: Ctx, id: string, takenOn: string, outcome: string | null) {
  await ctx.db.update(zeroEmploymentCaseMeasures).set({ takenOn, outcome }).where(eq(zeroEmploymentCaseMeasures.id, id));
}

/** The plan and measures of a case: planned steps by their date, then measures taken by theirs. */
export function measuresOf(ctx: Ctx, caseId: string) {
  const m = zeroEmploymentCaseMeasures;
  return ctx.db
    .select({
      id: m.id,
      kind: m.kind,
      personId: m.personId,
      personName: persons.name,
      dueOn: m.dueOn,
      takenOn: m.takenOn,
      note: m.note,
      outcome: m.outcome,
      createdBy: m.createdBy,
      createdAt: m.createdAt,
    })
    .from(m)
    .leftJoin(persons, eq(persons.id, m.personId))
    .where(and(eq(m.caseId, caseId), withinScope(ctx, m.regionCode)))
    .orderBy(sql`coalesce(${m.takenOn}, ${m.dueOn})`, asc(m.createdAt));
}

export type CaseStatus = 'open' | 'due_soon' | 'overdue' | 'resolved';

export interface CaseFilter {
  status?: CaseStatus | undefined;
  /** Only cases of this caseworker ("my cases"). */
  caseworkerId?: string | undefined;
  /** Only cases with no caseworker yet. */
  unassigned?: boolean | undefined;
  today: string;
  dueSoonBy: string;
}

/** A page of cases in scope with a status as of `today`; due soon = deadline by `dueSoonBy` (parameter zero_employment.due_soon_days). */
export async function listCases(ctx: Ctx, filter: CaseFilter, paging: Paging) {
  const c = zeroEmploymentCases;
  const statusConds: Record<CaseStatus, SQL> = {
    resolved: isNotNull(c.resolvedOn),
    overdue: and(isNull(c.resolvedOn), lt(c.deadline, filter.today))!,
    due_soon: and(isNull(c.resolvedOn), gte(c.deadline, filter.today), lte(c.deadline, filter.dueSoonBy))!,
    open: and(isNull(c.resolvedOn), sql`${c.deadline} > ${filter.dueSoonBy}`)!,
  };
  const conds: SQL[] = [withinScope(ctx, c.regionCode)];
  if (filter.status) conds.push(statusConds[filter.status]);
  if (filter.caseworkerId) conds.push(eq(c.caseworkerId, filter.caseworkerId));
  if (filter.unassigned) conds.push(isNull(c.caseworkerId));
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
      caseworkerId: c.caseworkerId,
      caseworkerName: staff.name,
      recordedOn: sql<string>`to_char(${c.createdAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`,
      address: households.address,
      communityName: sql<string | null>`(SELECT name FROM regions WHERE code = ${c.regionCode})`,
      headName: sql<
        string | null
      >`(SELECT p.name FROM household_members m JOIN persons p ON p.id = m.person_id WHERE m.household_id = ${c.householdId} ORDER BY (m.relation = 'head') DESC, p.birth_date LIMIT 1)`,
    })
    .from(c)
    .innerJoin(households, eq(households.id, c.householdId))
    .leftJoin(staff, eq(staff.id, c.caseworkerId))
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

/** Per area one level below the caller's scope: the figures of the month (AID-3 "动态清零"). */
export interface CaseMonthRow {
  regionCode: string;
  regionName: string | null;
  /** Cases detected in the month. */
  detected: number;
  /** Cases whose deadline falls in the month, and those of them resolved by their deadline. */
  due: number;
  resolvedInTime: number;
  /** Open at the month's end, and of those past their deadline then. */
  openAtEnd: number;
  overdueAtEnd: number;
}

/**
 * The month's figures per area `digits` long under the caller's scope, from the cases' own dates
 * (detected, deadline, resolved), so a past month's figures stay as they were.
 */
export async function caseMonthFigures(ctx: Ctx, first: string, last: string, digits: number): Promise<CaseMonthRow[]> {
  const c = zeroEmploymentCases;
  // The length is written into the text, not passed as a parameter: GROUP BY must see the very expression the SELECT has.
  if (![2, 4, 6, 9, 12].includes(digits)) throw new Error(`not a region level: ${digits}`);
  const area = sql`rpad(left(${c.regionCode}, ${sql.raw(String(digits))}), 12, '0')`;
  const rows = await ctx.db
    .select({
      regionCode: sql<string>`${area}`,
      detected: sql<number>`count(*) FILTER (WHERE ${c.detectedOn} BETWEEN ${first} AND ${last})::int`,
      due: sql<number>`count(*) FILTER (WHERE ${c.deadline} BETWEEN ${first} AND ${last})::int`,
      resolvedInTime: sql<number>`count(*) FILTER (WHERE ${c.deadline} BETWEEN ${first} AND ${last} AND ${c.resolvedOn} <= ${c.deadline})::int`,
      openAtEnd: sql<number>`count(*) FILTER (WHERE ${c.detectedOn} <= ${last} AND (${c.resolvedOn} IS NULL OR ${c.resolvedOn} > ${last}))::int`,
      overdueAtEnd: sql<number>`count(*) FILTER (WHERE ${c.detectedOn} <= ${last} AND (${c.resolvedOn} IS NULL OR ${c.resolvedOn} > ${last}) AND ${c.deadline} < ${last})::int`,
    })
    .from(c)
    .where(and(withinScope(ctx, c.regionCode), lte(c.detectedOn, last)))
    .groupBy(area)
    .orderBy(area);
  const names = await ctx.db.execute(
    sql`SELECT code, name FROM regions WHERE code IN (SELECT unnest(${sql.param(rows.map((r) => r.regionCode))}::text[]))`,
  );
  const nameOf = new Map((names as unknown as { rows: { code: string; name: string }[] }).rows.map((r) => [r.code, r.name]));
  return rows.map((r) => ({ ...r, regionName: nameOf.get(r.regionCode) ?? null }));
}
