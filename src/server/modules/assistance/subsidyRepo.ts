// SQL of subsidies, runs and payments (AID-8); every read is limited to the caller's scope.
import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { employers, persons, subsidies, subsidyPayments, subsidyRuns } from '../../db/schema.js';
import { withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';
import type { SubsidyStatus, SubsidyType } from '../../../shared/labels.js';

export type SubsidyRow = typeof subsidies.$inferSelect;

export async function insertSubsidy(ctx: Ctx, row: typeof subsidies.$inferInsert) {
  await ctx.db.insert(subsidies).values(row);
}

export async function findSubsidy(ctx: Ctx, id: string, lock = false): Promise<SubsidyRow | undefined> {
  const q = ctx.db
    .select()
    .from(subsidies)
    .where(and(eq(subsidies.id, id), withinScope(ctx, subsidies.regionCode)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function setDecision(ctx: Ctx, id: string, status: 'approved' | 'rejected', comment: string) {
  await ctx.db
    .update(subsidies)
    .set({ status, decidedBy: ctx.actor.username, decidedAt: ctx.now(), decisionComment: comment })
    .where(eq(subsidies.id, id));
}

/** The names of the beneficiary person and employer, for the subsidy page. */
export async function namesOf(ctx: Ctx, row: SubsidyRow): Promise<{ personName: string | null; employerName: string | null }> {
  const [person] = row.personId ? await ctx.db.select({ name: persons.name }).from(persons).where(eq(persons.id, row.personId)) : [];
  const [employer] = row.employerId
    ? await ctx.db.select({ name: employers.name }).from(employers).where(eq(employers.id, row.employerId))
    : [];
  return { personName: person?.name ?? null, employerName: employer?.name ?? null };
}

export function paymentsOf(ctx: Ctx, subsidyId: string) {
  return ctx.db
    .select({ runId: subsidyPayments.runId, amountFen: subsidyPayments.amountFen, paidAt: subsidyPayments.createdAt })
    .from(subsidyPayments)
    .where(and(eq(subsidyPayments.subsidyId, subsidyId), withinScope(ctx, subsidyPayments.regionCode)));
}

export interface SubsidyFilter {
  status?: SubsidyStatus | undefined;
  type?: SubsidyType | undefined;
  period?: string | undefined;
  personId?: string | undefined;
}

export async function listSubsidies(ctx: Ctx, filter: SubsidyFilter, paging: Paging) {
  const s = subsidies;
  const conds: SQL[] = [withinScope(ctx, s.regionCode)];
  if (filter.status) conds.push(eq(s.status, filter.status));
  if (filter.type) conds.push(eq(s.type, filter.type));
  if (filter.period) conds.push(eq(s.period, filter.period));
  if (filter.personId) conds.push(eq(s.personId, filter.personId));
  const where = and(...conds);
  const items = await ctx.db
    .select({
      id: s.id,
      type: s.type,
      period: s.period,
      personId: s.personId,
      personName: persons.name,
      employerId: s.employerId,
      regionCode: s.regionCode,
      amountFen: s.amountFen,
      status: s.status,
      budgetLine: s.budgetLine,
      appliedBy: s.appliedBy,
      appliedAt: s.appliedAt,
      decidedBy: s.decidedBy,
    })
    .from(s)
    .leftJoin(persons, eq(persons.id, s.personId))
    .where(where)
    .orderBy(desc(s.period), desc(s.appliedAt), asc(s.id))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(s)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

export async function insertRun(ctx: Ctx, row: typeof subsidyRuns.$inferInsert) {
  await ctx.db.insert(subsidyRuns).values(row);
}

export async function finishRun(ctx: Ctx, id: string) {
  await ctx.db.update(subsidyRuns).set({ finishedAt: ctx.now() }).where(eq(subsidyRuns.id, id));
}

/** Up to `limit` approved, unpaid subsidies of the period in scope, in id order. */
export async function unpaidApproved(ctx: Ctx, period: string, limit: number) {
  const s = subsidies;
  return ctx.db
    .select({ id: s.id, regionCode: s.regionCode, amountFen: s.amountFen, budgetLine: s.budgetLine, type: s.type, personId: s.personId })
    .from(s)
    .where(
      and(
        eq(s.status, 'approved'),
        eq(s.period, period),
        withinScope(ctx, s.regionCode),
        sql`NOT EXISTS (SELECT 1 FROM subsidy_payments p WHERE p.subsidy_id = ${sql.raw('"subsidies"."id"')})`,
      ),
    )
    .orderBy(asc(s.id))
    .limit(limit);
}

/**
 * Pays the given subsidies in the run: one payment each, or none where one exists already (another
 * run got there first: the unique key on subsidy_id decides); answers the ids paid by this call.
 */
export async function insertPayments(
  ctx: Ctx,
  runId: string,
  rows: { id: string; regionCode: string; amountFen: number; budgetLine: string }[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await ctx.db
    .insert(subsidyPayments)
    .values(
      rows.map((r) => ({
        id: crypto.randomUUID(),
        runId,
        subsidyId: r.id,
        regionCode: r.regionCode,
        amountFen: r.amountFen,
        budgetLine: r.budgetLine,
        createdAt: ctx.now(),
      })),
    )
    .onConflictDoNothing({ target: subsidyPayments.subsidyId })
    .returning({ subsidyId: subsidyPayments.subsidyId });
  const paid = inserted.map((r) => r.subsidyId);
  if (paid.length > 0) await ctx.db.update(subsidies).set({ status: 'paid' }).where(inArray(subsidies.id, paid));
  return paid;
}

export async function runTotals(ctx: Ctx, runId: string) {
  const [row] = await ctx.db
    .select({ payments: sql<number>`count(*)::int`, totalFen: sql<number>`coalesce(sum(${subsidyPayments.amountFen}), 0)::int` })
    .from(subsidyPayments)
    .where(eq(subsidyPayments.runId, runId));
  return { payments: row?.payments ?? 0, totalFen: row?.totalFen ?? 0 };
}

export async function findRun(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(subsidyRuns)
    .where(and(eq(subsidyRuns.id, id), withinScope(ctx, subsidyRuns.regionCode)));
  return row;
}

/** A run's payments in scope with what the bank needs: the person's name and sealed ID number. */
export function runPaymentLines(ctx: Ctx, runId: string) {
  const p = subsidyPayments;
  return ctx.db
    .select({
      subsidyId: p.subsidyId,
      amountFen: p.amountFen,
      budgetLine: p.budgetLine,
      type: subsidies.type,
      period: subsidies.period,
      personId: subsidies.personId,
      regionCode: p.regionCode,
      name: persons.name,
      idNumberSealed: persons.idNumberSealed,
    })
    .from(p)
    .innerJoin(subsidies, eq(subsidies.id, p.subsidyId))
    .leftJoin(persons, eq(persons.id, subsidies.personId))
    .where(and(eq(p.runId, runId), withinScope(ctx, p.regionCode)))
    .orderBy(asc(persons.name), asc(p.subsidyId));
}
