// SQL of coverage and collection (UI-6): employers' enrolments, the registered employers not
// enrolled, each enrolled employer's monthly contribution totals, and follow-up tasks. Every read is
// limited to the caller's scope (employers by their own region).
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { employers, uiContributions, uiEnrolments, uiFollowUps } from '../../db/schema.js';
import { withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';
import type { UiFollowUpKind, UiFollowUpStatus } from '../../../shared/labels.js';
import { visibleContribution } from './repo.js';

export type EnrolmentRow = typeof uiEnrolments.$inferSelect;
export type FollowUpRow = typeof uiFollowUps.$inferSelect;

const enrolmentColumns = {
  id: uiEnrolments.id,
  employerId: uiEnrolments.employerId,
  employerName: employers.name,
  creditCode: employers.creditCode,
  regionCode: uiEnrolments.regionCode,
  sinceMonth: uiEnrolments.sinceMonth,
  untilMonth: uiEnrolments.untilMonth,
  createdBy: uiEnrolments.createdBy,
  createdAt: uiEnrolments.createdAt,
};

/** Inserts an enrolment; false when the employer has an open one already (the unique key decides). */
export async function insertEnrolment(ctx: Ctx, row: typeof uiEnrolments.$inferInsert): Promise<boolean> {
  const inserted = await ctx.db.insert(uiEnrolments).values(row).onConflictDoNothing().returning({ id: uiEnrolments.id });
  return inserted.length > 0;
}

export async function findEnrolment(ctx: Ctx, id: string, lock = false) {
  const q = ctx.db
    .select(enrolmentColumns)
    .from(uiEnrolments)
    .innerJoin(employers, eq(employers.id, uiEnrolments.employerId))
    .where(and(eq(uiEnrolments.id, id), withinScope(ctx, uiEnrolments.regionCode)));
  const [row] = lock ? await q.for('update', { of: uiEnrolments }) : await q;
  return row;
}

/** The employer's enrolments overlapping [since, until] (until null: open-ended). */
export function overlappingEnrolments(ctx: Ctx, employerId: string, since: string, until: string | null, exceptId?: string) {
  const e = uiEnrolments;
  const conds: SQL[] = [eq(e.employerId, employerId), or(isNull(e.untilMonth), gte(e.untilMonth, since))!];
  if (until) conds.push(lte(e.sinceMonth, until));
  if (exceptId) conds.push(sql`${e.id} <> ${exceptId}`);
  return ctx.db
    .select({ id: e.id, sinceMonth: e.sinceMonth, untilMonth: e.untilMonth })
    .from(e)
    .where(and(...conds));
}

export async function setEnrolmentUntil(ctx: Ctx, id: string, untilMonth: string | null) {
  await ctx.db.update(uiEnrolments).set({ untilMonth }).where(eq(uiEnrolments.id, id));
}

export async function listEnrolments(ctx: Ctx, filter: { employerId?: string | undefined }, paging: Paging) {
  const conds: SQL[] = [withinScope(ctx, uiEnrolments.regionCode)];
  if (filter.employerId) conds.push(eq(uiEnrolments.employerId, filter.employerId));
  const where = and(...conds);
  const items = await ctx.db
    .select(enrolmentColumns)
    .from(uiEnrolments)
    .innerJoin(employers, eq(employers.id, uiEnrolments.employerId))
    .where(where)
    .orderBy(asc(employers.name), desc(uiEnrolments.sinceMonth), asc(uiEnrolments.id))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(uiEnrolments)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

/** An enrolment of the employer covers the month. */
const enrolledIn = (month: string) =>
  sql`EXISTS (SELECT 1 FROM ${uiEnrolments} WHERE ${uiEnrolments.employerId} = ${employers.id}
    AND ${uiEnrolments.sinceMonth} <= ${month} AND (${uiEnrolments.untilMonth} IS NULL OR ${uiEnrolments.untilMonth} >= ${month}))`;

/** Registered employers in scope with no enrolment covering the month, by name; with their open enrol follow-ups. */
export async function notEnrolled(ctx: Ctx, month: string, paging: Paging) {
  const where = and(withinScope(ctx, employers.regionCode), sql`NOT ${enrolledIn(month)}`);
  const items = await ctx.db
    .select({
      employerId: employers.id,
      name: employers.name,
      creditCode: employers.creditCode,
      regionCode: employers.regionCode,
      industry: employers.industry,
      contactName: employers.contactName,
      // Spelt out: a column interpolated into a select's subquery loses its table name.
      openFollowUps: sql<number>`(SELECT count(*)::int FROM ui_follow_ups f
        WHERE f.employer_id = "employers"."id" AND f.kind = 'enrol' AND f.status = 'open')`,
    })
    .from(employers)
    .where(where)
    .orderBy(asc(employers.name), asc(employers.id))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(employers)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

/** Enrolments in scope overlapping [from, through], with their employers' names. */
export function enrolmentsOverlapping(ctx: Ctx, from: string, through: string) {
  const e = uiEnrolments;
  return ctx.db
    .select(enrolmentColumns)
    .from(e)
    .innerJoin(employers, eq(employers.id, e.employerId))
    .where(and(withinScope(ctx, e.regionCode), lte(e.sinceMonth, through), or(isNull(e.untilMonth), gte(e.untilMonth, from))))
    .orderBy(asc(employers.name), asc(e.sinceMonth));
}

/**
 * Each employer's contribution totals per month in [from, through] (all its insured persons,
 * wherever they live: read with an anywhere context by the caller for employers in its scope).
 */
export function employerMonthTotals(ctx: Ctx, employerIds: string[], from: string, through: string) {
  const c = uiContributions;
  if (employerIds.length === 0) return Promise.resolve([]);
  return ctx.db
    .select({
      employerId: c.employerId,
      month: c.month,
      baseFen: sql<number>`sum(${c.baseFen})::bigint`.mapWith(Number),
      paidFen: sql<number>`sum(${c.paidFen})::bigint`.mapWith(Number),
    })
    .from(c)
    .where(
      and(
        inArray(c.employerId, employerIds),
        gte(c.month, from),
        lte(c.month, through),
        withinScope(ctx, c.regionCode),
        visibleContribution,
      ),
    )
    .groupBy(c.employerId, c.month);
}

/** Each employer's last declared month before `from` with its base (for estimating missing months). */
export function lastBaseBefore(ctx: Ctx, employerIds: string[], from: string) {
  const c = uiContributions;
  if (employerIds.length === 0) return Promise.resolve([]);
  return ctx.db
    .selectDistinctOn([c.employerId], {
      employerId: c.employerId,
      month: c.month,
      baseFen: sql<number>`(SELECT sum(x.base_fen) FROM ui_contributions x WHERE x.employer_id = ${c.employerId} AND x.month = ${c.month}
          AND (x.import_batch IS NULL OR x.import_batch NOT IN (SELECT b.id FROM ui_contribution_import_batches b WHERE b.applied_at IS NULL)))::bigint`.mapWith(
        Number,
      ),
    })
    .from(c)
    .where(and(inArray(c.employerId, employerIds), sql`${c.month} < ${from}`, withinScope(ctx, c.regionCode), visibleContribution))
    .orderBy(c.employerId, desc(c.month));
}

export async function insertFollowUp(ctx: Ctx, row: typeof uiFollowUps.$inferInsert) {
  await ctx.db.insert(uiFollowUps).values(row);
}

const followUpColumns = {
  id: uiFollowUps.id,
  employerId: uiFollowUps.employerId,
  employerName: employers.name,
  regionCode: uiFollowUps.regionCode,
  kind: uiFollowUps.kind,
  dueDate: uiFollowUps.dueDate,
  note: uiFollowUps.note,
  status: uiFollowUps.status,
  result: uiFollowUps.result,
  createdBy: uiFollowUps.createdBy,
  createdAt: uiFollowUps.createdAt,
  doneBy: uiFollowUps.doneBy,
  doneAt: uiFollowUps.doneAt,
};

export async function findFollowUp(ctx: Ctx, id: string, lock = false) {
  const q = ctx.db
    .select(followUpColumns)
    .from(uiFollowUps)
    .innerJoin(employers, eq(employers.id, uiFollowUps.employerId))
    .where(and(eq(uiFollowUps.id, id), withinScope(ctx, uiFollowUps.regionCode)));
  const [row] = lock ? await q.for('update', { of: uiFollowUps }) : await q;
  return row;
}

export async function updateFollowUp(ctx: Ctx, id: string, change: Partial<typeof uiFollowUps.$inferInsert>) {
  await ctx.db.update(uiFollowUps).set(change).where(eq(uiFollowUps.id, id));
}

export interface FollowUpFilter {
  status?: UiFollowUpStatus | undefined;
  kind?: UiFollowUpKind | undefined;
  employerId?: string | undefined;
}

/** Follow-ups in scope, the earliest due first. */
export async function listFollowUps(ctx: Ctx, filter: FollowUpFilter, paging: Paging) {
  const f = uiFollowUps;
  const conds: SQL[] = [withinScope(ctx, f.regionCode)];
  if (filter.status) conds.push(eq(f.status, filter.status));
  if (filter.kind) conds.push(eq(f.kind, filter.kind));
  if (filter.employerId) conds.push(eq(f.employerId, filter.employerId));
  const where = and(...conds);
  const items = await ctx.db
    .select(followUpColumns)
    .from(f)
    .innerJoin(employers, eq(employers.id, f.employerId))
    .where(where)
    .orderBy(asc(f.dueDate), asc(f.createdAt), asc(f.id))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(f)
    .where(where);
  return { items, total: count?.n ?? 0 };
}
