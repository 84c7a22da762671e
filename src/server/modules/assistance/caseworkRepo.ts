// SQL of casework with recognised persons (AID-2): caseworker assignments, plan steps, and the
// visit schedule read from the service records of type home_visit. Every read is limited to scope.
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { caseworkerAssignments, employmentPlanSteps, hardToEmployRecognitions, persons, regions } from '../../db/schema.js';
import { anywhereCtx, withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';
import { visiblePerson } from '../persons/index.js';

export type AssignmentRow = typeof caseworkerAssignments.$inferSelect;
export type PlanStepRow = typeof employmentPlanSteps.$inferSelect;
export type VisitStatus = 'overdue' | 'due_soon' | 'scheduled';

const a = caseworkerAssignments;
const r = hardToEmployRecognitions;

/** A person's assignments in scope with the caseworker's name, current first then newest. */
export function assignmentsOf(ctx: Ctx, personId: string) {
  return ctx.db
    .select({
      id: a.id,
      caseworkerId: a.caseworkerId,
      caseworkerName: a.caseworkerName,
      assignedOn: a.assignedOn,
      endedOn: a.endedOn,
      reason: a.reason,
      assignedBy: a.assignedBy,
      regionCode: a.regionCode,
    })
    .from(a)
    .where(and(eq(a.personId, personId), withinScope(ctx, a.regionCode)))
    .orderBy(sql`${a.endedOn} IS NULL DESC`, desc(a.assignedOn), desc(a.createdAt));
}

/** The person's current assignment, locked for the change. */
export async function currentAssignmentForUpdate(ctx: Ctx, personId: string): Promise<AssignmentRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(a)
    .where(and(eq(a.personId, personId), isNull(a.endedOn)))
    .for('update');
  return row;
}

export async function insertAssignment(ctx: Ctx, row: typeof a.$inferInsert) {
  await ctx.db.insert(a).values(row);
}

export async function endAssignment(ctx: Ctx, id: string, endedOn: string) {
  await ctx.db.update(a).set({ endedOn }).where(eq(a.id, id));
}

/** The first day of the person's active recognitions on `today` (visits are due from it), or null when none is active. */
export async function recognisedSince(ctx: Ctx, personId: string, today: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ since: sql<string | null>`min(${r.recognisedOn})::text` })
    .from(r)
    .where(and(eq(r.personId, personId), activeOn(today), withinScope(ctx, r.regionCode)));
  return row?.since ?? null;
}

const activeOn = (today: string) => sql`${r.revokedOn} IS NULL AND (${r.validUntil} IS NULL OR ${r.validUntil} >= ${today}::date)`;

/** A person's plan steps in scope, by due date. */
export function planStepsOf(ctx: Ctx, personId: string) {
  const s = employmentPlanSteps;
  return ctx.db
    .select()
    .from(s)
    .where(and(eq(s.personId, personId), withinScope(ctx, s.regionCode)))
    .orderBy(asc(s.dueOn), asc(s.createdAt));
}

/** One plan step in scope, locked for the change. */
export async function findPlanStepForUpdate(ctx: Ctx, id: string): Promise<PlanStepRow | undefined> {
  const s = employmentPlanSteps;
  const [row] = await ctx.db
    .select()
    .from(s)
    .where(and(eq(s.id, id), withinScope(ctx, s.regionCode)))
    .for('update');
  return row;
}

export async function insertPlanStep(ctx: Ctx, row: PlanStepRow) {
  await ctx.db.insert(employmentPlanSteps).values(row);
}

export async function updatePlanStep(ctx: Ctx, id: string, change: Partial<PlanStepRow>) {
  await ctx.db.update(employmentPlanSteps).set(change).where(eq(employmentPlanSteps.id, id));
}

/** Moves a person's casework to the region the person moved to (the new office keeps their file). */
export async function moveCasework(ctx: Ctx, personId: string, regionCode: string): Promise<number> {
  const any = anywhereCtx(ctx);
  const moved = await any.db.update(a).set({ regionCode }).where(eq(a.personId, personId)).returning({ id: a.id });
  const steps = await any.db
    .update(employmentPlanSteps)
    .set({ regionCode })
    .where(eq(employmentPlanSteps.personId, personId))
    .returning({ id: employmentPlanSteps.id });
  return moved.length + steps.length;
}

export interface VisitFilter {
  today: string;
  intervalDays: number;
  dueSoonDays: number;
  /** overdue, due_soon, or due (both). */
  status?: VisitStatus | 'due' | undefined;
  caseworkerId?: string | undefined;
  /** Only persons without a caseworker. */
  unassigned?: boolean | undefined;
}

/**
 * A page of the recognised persons in scope (an active recognition today) with their caseworker,
 * last visit and next visit due: the last home_visit service record, or the first day of the
 * active recognitions when none since, plus the interval. Overdue first, then by due date.
 */
export async function listVisitSchedule(ctx: Ctx, filter: VisitFilter, paging: Paging) {
  // Written out with the table's name: inside a subquery Drizzle would name the column bare.
  const personId = sql.raw('"persons"."id"');
  const since = sql`(SELECT min(x.recognised_on) FROM hard_to_employ_recognitions x WHERE x.person_id = ${personId}
    AND x.revoked_on IS NULL AND (x.valid_until IS NULL OR x.valid_until >= ${filter.today}::date))`;
  const lastVisit = sql`(SELECT max(v.date) FROM service_records v WHERE v.person_id = ${personId} AND v.type = 'home_visit' AND v.date >= ${since})`;
  const nextDue = sql`(GREATEST(${lastVisit}, ${since}) + ${filter.intervalDays}::int)`;
  const soon = sql`(${filter.today}::date + ${filter.dueSoonDays}::int)`;
  const status = sql<VisitStatus>`CASE WHEN ${nextDue} < ${filter.today}::date THEN 'overdue' WHEN ${nextDue} <= ${soon} THEN 'due_soon' ELSE 'scheduled' END`;
  const conds: SQL[] = [
    withinScope(ctx, persons.regionCode),
    visiblePerson,
    sql`EXISTS (SELECT 1 FROM hard_to_employ_recognitions x WHERE x.person_id = ${personId} AND x.revoked_on IS NULL
      AND (x.valid_until IS NULL OR x.valid_until >= ${filter.today}::date))`,
  ];
  if (filter.status === 'overdue') conds.push(sql`${nextDue} < ${filter.today}::date`);
  if (filter.status === 'due_soon') conds.push(sql`${nextDue} >= ${filter.today}::date AND ${nextDue} <= ${soon}`);
  if (filter.status === 'due') conds.push(sql`${nextDue} <= ${soon}`);
  if (filter.status === 'scheduled') conds.push(sql`${nextDue} > ${soon}`);
  if (filter.caseworkerId) conds.push(eq(a.caseworkerId, filter.caseworkerId));
  if (filter.unassigned) conds.push(isNull(a.id));
  const where = and(...conds);
  const from = () =>
    ctx.db
      .select({
        personId: persons.id,
        name: persons.name,
        idNumber: persons.idNumberMasked,
        regionCode: persons.regionCode,
        regionName: regions.name,
        recognisedSince: sql<string>`${since}::text`,
        caseworkerId: a.caseworkerId,
        caseworkerName: a.caseworkerName,
        lastVisitOn: sql<string | null>`${lastVisit}::text`,
        nextVisitDue: sql<string>`${nextDue}::text`,
        status,
      })
      .from(persons)
      .leftJoin(a, and(eq(a.personId, persons.id), isNull(a.endedOn)))
      .leftJoin(regions, eq(regions.code, persons.regionCode));
  const items = await from()
    .where(where)
    .orderBy(sql`${nextDue}`, asc(persons.name), asc(persons.id))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(persons)
    .leftJoin(a, and(eq(a.personId, persons.id), isNull(a.endedOn)))
    .where(where);
  return { items, total: count?.n ?? 0 };
}
