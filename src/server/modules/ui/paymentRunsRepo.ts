// SQL of monthly payment runs and payments of unemployment benefit (UI-3); every read is limited to
// the caller's scope (and bound by row-level security on PostgreSQL).
import crypto from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNotNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { preferKeyOrder } from '../../db/bulk.js';
import { persons, uiClaims, uiPaymentRuns, uiPayments } from '../../db/schema.js';
import { withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';
import type { UiPaymentRunStatus, UiPaymentStatus } from '../../../shared/labels.js';

export type RunRow = typeof uiPaymentRuns.$inferSelect;

/**
 * Inserts a `building` run unless one of the month and region is building already (the partial
 * unique key decides, also between two requests at once); answers the building run either way.
 */
export async function insertOrFindBuilding(ctx: Ctx, row: typeof uiPaymentRuns.$inferInsert): Promise<{ run: RunRow; created: boolean }> {
  const inserted = await ctx.db.insert(uiPaymentRuns).values(row).onConflictDoNothing().returning({ id: uiPaymentRuns.id });
  const [run] = await ctx.db
    .select()
    .from(uiPaymentRuns)
    .where(
      inserted.length > 0
        ? eq(uiPaymentRuns.id, inserted[0]!.id)
        : and(eq(uiPaymentRuns.regionCode, row.regionCode), eq(uiPaymentRuns.month, row.month), eq(uiPaymentRuns.status, 'building')),
    );
  if (!run) throw new Error(`payment run of ${row.month} in ${row.regionCode}: neither inserted nor found`);
  return { run, created: inserted.length > 0 };
}

export async function findRun(ctx: Ctx, id: string, lock = false): Promise<RunRow | undefined> {
  const q = ctx.db
    .select()
    .from(uiPaymentRuns)
    .where(and(eq(uiPaymentRuns.id, id), withinScope(ctx, uiPaymentRuns.regionCode)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Notes a finance officer other than the creator who resumed building the run (once each). */
export async function noteResumer(ctx: Ctx, id: string, username: string) {
  const r = uiPaymentRuns;
  await ctx.db
    .update(r)
    .set({ resumedBy: sql`array_append(${r.resumedBy}, ${username}::text)` })
    .where(and(eq(r.id, id), ne(r.createdBy, username), sql`NOT (${username}::text = ANY(${r.resumedBy}))`));
}

/**
 * Discards a draft run: its payments (all draft, none approved) are removed, so the months they
 * held are free for a later run; the run stays, `discarded`, with no payments.
 */
export async function discardRun(ctx: Ctx, id: string) {
  await ctx.db.delete(uiPayments).where(and(eq(uiPayments.runId, id), eq(uiPayments.status, 'draft')));
  await ctx.db
    .update(uiPaymentRuns)
    .set({ status: 'discarded', payments: 0, totalFen: 0 })
    .where(and(eq(uiPaymentRuns.id, id), eq(uiPaymentRuns.status, 'draft')));
}

/** A 'YYYY-MM' text as a month number (year × 12 + month), for month arithmetic in SQL. */
const monthNumber = (m: SQL) => sql`(substr(${m}, 1, 4)::int * 12 + substr(${m}, 6, 2)::int)`;

/** Claims a run for `month` looks at: approved once, in benefit or stopped after their first month, begun by the month. */
function candidateConditions(ctx: Ctx, month: string): SQL[] {
  const c = uiClaims;
  return [
    withinScope(ctx, c.regionCode),
    isNotNull(c.decidedBy),
    sql`${c.startMonth} <= ${month}`,
    or(eq(c.status, 'active'), and(eq(c.status, 'stopped'), sql`to_char(${c.stoppedOn}, 'YYYY-MM') > ${c.startMonth}`))!,
  ];
}

/**
 * A candidate claim with a month due through `month` that no live payment holds. The months due
 * are those from the start month up to the least of `month`, the entitlement's last month and the
 * month before the stop (runRules.ts decides which exactly); the claim has none left when live
 * payments already hold as many months of that window as it has (one per month, by the partial
 * unique key, whose index on (claim, month) answers the count).
 */
function hasMonthDue(month: string): SQL {
  const c = uiClaims;
  const start = monthNumber(sql`${c.startMonth}`);
  const stop = sql`CASE WHEN ${c.stoppedOn} IS NULL THEN NULL ELSE ${monthNumber(sql`to_char(${c.stoppedOn}, 'YYYY-MM')`)} - 1 END`;
  const last = sql`least(${monthNumber(sql`${month}::text`)}, ${start} + ${c.entitlementMonths} - 1, ${stop})`;
  // ui_claims.id spelled out: Drizzle leaves the columns of a one-table select unqualified, and the subquery would read "id" as its own.
  return sql`${last} - ${start} + 1 > (SELECT count(*) FROM ui_payments p WHERE p.claim_id = ui_claims.id AND p.status <> 'failed'
    AND p.month >= ${c.startMonth} AND ${monthNumber(sql`p.month`)} <= ${last})`;
}

export async function countCandidates(ctx: Ctx, month: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(uiClaims)
    .where(and(...candidateConditions(ctx, month)));
  return row?.n ?? 0;
}

/**
 * The next `limit` candidate claims after the cursor in id order (keyset), as a chunk looks at
 * them: how many there are and the last one's id (the next cursor; null when none is left), and
 * those of them with a month due, read in full. Only those reach the run's rules, so a second run
 * of the month reads no claim and writes nothing, each chunk still bounded by `limit`.
 */
export async function candidatesAfter(ctx: Ctx, month: string, after: string | null, limit: number) {
  const c = uiClaims;
  // Along the primary key, not a sorted scan of every claim (preferKeyOrder).
  await preferKeyOrder(ctx.db);
  const conds = candidateConditions(ctx, month);
  if (after) conds.push(gt(c.id, after));
  const window = ctx.db
    .select({ id: c.id })
    .from(c)
    .where(and(...conds))
    .orderBy(asc(c.id))
    .limit(limit)
    .as('w');
  const [span] = await ctx.db.select({ seen: sql<number>`count(*)::int`, last: sql<string | null>`max(${window.id}::text)` }).from(window);
  if (!span || span.seen === 0 || !span.last) return { seen: 0, last: null, claims: [] };
  const claims = await ctx.db
    .select({
      id: c.id,
      personId: c.personId,
      regionCode: c.regionCode,
      status: c.status,
      decidedBy: c.decidedBy,
      startMonth: c.startMonth,
      entitlementMonths: c.entitlementMonths,
      stoppedOn: c.stoppedOn,
      monthlyAmountFen: c.monthlyAmountFen,
    })
    .from(c)
    .where(and(...conds, lte(c.id, span.last), hasMonthDue(month)))
    .orderBy(asc(c.id));
  return { seen: span.seen, last: span.last, claims };
}

/** The months of the given claims held by live payments (any status but failed), whatever run made them. */
export function liveMonthsOf(ctx: Ctx, claimIds: string[]) {
  if (claimIds.length === 0) return Promise.resolve([]);
  return ctx.db
    .select({ claimId: uiPayments.claimId, month: uiPayments.month })
    .from(uiPayments)
    .where(and(inArray(uiPayments.claimId, claimIds), ne(uiPayments.status, 'failed')));
}

export type PaymentInsert = Omit<typeof uiPayments.$inferInsert, 'id' | 'runId' | 'status' | 'createdAt'>;

/**
 * Inserts draft payments of the run; a (claim, month) with a live payment already (another run, or
 * another process on this run, got there first) is skipped by the partial unique key. One INSERT ...
 * SELECT FROM unnest with an array per column (Drizzle's builder spends most of a chunk building
 * 500 rows' SQL). Answers the amounts of the payments inserted.
 */
export async function insertPayments(ctx: Ctx, runId: string, rows: PaymentInsert[]): Promise<{ amountFen: number }[]> {
  if (rows.length === 0) return [];
  const col = <T>(f: (r: PaymentInsert) => T) => sql.param(rows.map(f));
  const result = await ctx.db.execute(sql`
    INSERT INTO ui_payments (id, run_id, claim_id, person_id, region_code, month, amount_fen, status, created_at)
    SELECT u.id, ${runId}::uuid, u.claim_id, u.person_id, u.region_code, u.month, u.amount_fen, 'draft', ${ctx.now().toISOString()}::timestamptz
    FROM unnest(${col(() => crypto.randomUUID())}::uuid[], ${col((r) => r.claimId)}::uuid[], ${col((r) => r.personId)}::uuid[],
      ${col((r) => r.regionCode)}::varchar[], ${col((r) => r.month)}::varchar[], ${col((r) => r.amountFen)}::integer[])
      AS u(id, claim_id, person_id, region_code, month, amount_fen)
    ON CONFLICT DO NOTHING
    RETURNING amount_fen`);
  return (result as unknown as { rows: { amount_fen: number }[] }).rows.map((r) => ({ amountFen: Number(r.amount_fen) }));
}

/** Moves a building run's progress on after a chunk (in the chunk's transaction). */
export async function advanceRun(ctx: Ctx, id: string, step: { claims: number; cursor: string; payments: number; totalFen: number }) {
  const r = uiPaymentRuns;
  await ctx.db
    .update(r)
    .set({
      claimsSeen: sql`${r.claimsSeen} + ${step.claims}`,
      cursorClaimId: step.cursor,
      payments: sql`${r.payments} + ${step.payments}`,
      totalFen: sql`${r.totalFen} + ${step.totalFen}`,
    })
    .where(eq(r.id, id));
}

/** The count and total of a run's payments (those the bank returned unpaid included: the run made them). */
export async function runTotals(ctx: Ctx, runId: string) {
  const [row] = await ctx.db
    .select({
      payments: sql<number>`count(*)::int`,
      totalFen: sql<number>`coalesce(sum(${uiPayments.amountFen}), 0)::bigint`.mapWith(Number),
    })
    .from(uiPayments)
    .where(eq(uiPayments.runId, runId));
  return { payments: row?.payments ?? 0, totalFen: row?.totalFen ?? 0 };
}

export async function finishRun(ctx: Ctx, id: string, totals: { payments: number; totalFen: number }) {
  await ctx.db
    .update(uiPaymentRuns)
    .set({ status: 'draft', ...totals, finishedAt: ctx.now() })
    .where(and(eq(uiPaymentRuns.id, id), eq(uiPaymentRuns.status, 'building')));
}

/**
 * Up to `limit` draft payments of the run with their claims, for the check at approval that each
 * month is still payable; read along the run's (run, id) index (preferKeyOrder).
 */
export async function draftPaymentsWithClaims(ctx: Ctx, runId: string, limit: number) {
  const p = uiPayments;
  const c = uiClaims;
  await preferKeyOrder(ctx.db);
  return ctx.db
    .select({
      id: p.id,
      month: p.month,
      claimId: p.claimId,
      regionCode: p.regionCode,
      status: c.status,
      decidedBy: c.decidedBy,
      startMonth: c.startMonth,
      entitlementMonths: c.entitlementMonths,
      stoppedOn: c.stoppedOn,
    })
    .from(p)
    .innerJoin(c, eq(c.id, p.claimId))
    .where(and(eq(p.runId, runId), eq(p.status, 'draft')))
    .orderBy(asc(p.id))
    .limit(limit);
}

/** Removes draft payments no longer payable (a stop recorded after the run was built). */
export async function dropDraftPayments(ctx: Ctx, ids: string[]) {
  if (ids.length === 0) return;
  await ctx.db.delete(uiPayments).where(and(inArray(uiPayments.id, ids), eq(uiPayments.status, 'draft')));
}

/** Records the approval of a draft run (its payments follow chunk by chunk). */
export async function beginApproval(ctx: Ctx, id: string) {
  await ctx.db
    .update(uiPaymentRuns)
    .set({ status: 'approving', approvedBy: ctx.actor.username, approvedAt: ctx.now() })
    .where(eq(uiPaymentRuns.id, id));
}

export async function approvePayments(ctx: Ctx, ids: string[]) {
  if (ids.length === 0) return;
  await ctx.db
    .update(uiPayments)
    .set({ status: 'approved' })
    .where(and(inArray(uiPayments.id, ids), eq(uiPayments.status, 'draft')));
}

export async function finishApproval(ctx: Ctx, id: string, totals: { payments: number; totalFen: number }) {
  await ctx.db
    .update(uiPaymentRuns)
    .set({ status: 'approved', ...totals })
    .where(and(eq(uiPaymentRuns.id, id), eq(uiPaymentRuns.status, 'approving')));
}

/**
 * Those of the given active claims whose approved or paid months reach their entitlement become
 * exhausted (条例第十七条); answers them.
 */
export function exhaustClaims(ctx: Ctx, claimIds: string[]) {
  if (claimIds.length === 0) return Promise.resolve([]);
  return ctx.db
    .update(uiClaims)
    .set({ status: 'exhausted' })
    .where(
      and(
        inArray(uiClaims.id, claimIds),
        eq(uiClaims.status, 'active'),
        sql`(SELECT count(*) FROM ui_payments p WHERE p.claim_id = ${uiClaims.id} AND p.status IN ('approved', 'paid')) >= ${uiClaims.entitlementMonths}`,
      ),
    )
    .returning({ id: uiClaims.id, regionCode: uiClaims.regionCode });
}

/** An exhausted claim whose payment the bank returned unpaid is in benefit again until that month is paid. */
export function reopenExhausted(ctx: Ctx, claimIds: string[]) {
  if (claimIds.length === 0) return Promise.resolve([]);
  return ctx.db
    .update(uiClaims)
    .set({ status: 'active' })
    .where(and(inArray(uiClaims.id, claimIds), eq(uiClaims.status, 'exhausted')))
    .returning({ id: uiClaims.id, regionCode: uiClaims.regionCode });
}

/**
 * An approved run's spending per region (the claims' regions): what the fund ledger posts. Every
 * payment the run made counts, those the bank returned unpaid included (a return is its own entry).
 */
export function approvedRunTotalsByRegion(ctx: Ctx, runId: string) {
  const p = uiPayments;
  return ctx.db
    .select({
      regionCode: p.regionCode,
      amountFen: sql<number>`sum(${p.amountFen})::bigint`.mapWith(Number),
      count: sql<number>`count(*)::int`,
    })
    .from(p)
    .innerJoin(uiPaymentRuns, eq(uiPaymentRuns.id, p.runId))
    .where(and(eq(p.runId, runId), eq(uiPaymentRuns.status, 'approved'), withinScope(ctx, p.regionCode)))
    .groupBy(p.regionCode)
    .orderBy(asc(p.regionCode));
}

/** A run's payments in scope with what the bank needs: the person's name and sealed ID number. */
export function bankLines(ctx: Ctx, runId: string) {
  const p = uiPayments;
  return ctx.db
    .select({
      id: p.id,
      personId: p.personId,
      regionCode: p.regionCode,
      month: p.month,
      amountFen: p.amountFen,
      name: persons.name,
      idNumberSealed: persons.idNumberSealed,
    })
    .from(p)
    .innerJoin(persons, eq(persons.id, p.personId))
    .where(and(eq(p.runId, runId), withinScope(ctx, p.regionCode)))
    .orderBy(asc(persons.name), asc(p.month), asc(p.id));
}

/** The given payments of the run, locked (a bank return is about to change them). */
export function paymentsOfRun(ctx: Ctx, runId: string, ids: string[]) {
  return ctx.db
    .select({
      id: uiPayments.id,
      claimId: uiPayments.claimId,
      status: uiPayments.status,
      regionCode: uiPayments.regionCode,
      amountFen: uiPayments.amountFen,
    })
    .from(uiPayments)
    .where(and(eq(uiPayments.runId, runId), inArray(uiPayments.id, ids), withinScope(ctx, uiPayments.regionCode)))
    .for('update');
}

export async function setPaymentResult(ctx: Ctx, ids: string[], status: 'paid' | 'failed', reason: string | null) {
  if (ids.length === 0) return;
  await ctx.db.update(uiPayments).set({ status, failureReason: reason, returnedAt: ctx.now() }).where(inArray(uiPayments.id, ids));
}

/** A claim's payments (not those the bank returned unpaid), oldest month first. */
export function claimPayments(ctx: Ctx, claimId: string) {
  return ctx.db
    .select({ month: uiPayments.month, amountFen: uiPayments.amountFen, runId: uiPayments.runId, status: uiPayments.status })
    .from(uiPayments)
    .where(and(eq(uiPayments.claimId, claimId), ne(uiPayments.status, 'failed'), withinScope(ctx, uiPayments.regionCode)))
    .orderBy(asc(uiPayments.month));
}

/** A claim's payments the bank returned unpaid (each month paid again by a later run), oldest month first. */
export function returnedClaimPayments(ctx: Ctx, claimId: string) {
  return ctx.db
    .select({
      month: uiPayments.month,
      amountFen: uiPayments.amountFen,
      runId: uiPayments.runId,
      failureReason: uiPayments.failureReason,
      returnedAt: uiPayments.returnedAt,
    })
    .from(uiPayments)
    .where(and(eq(uiPayments.claimId, claimId), eq(uiPayments.status, 'failed'), withinScope(ctx, uiPayments.regionCode)))
    .orderBy(asc(uiPayments.month), asc(uiPayments.returnedAt));
}

export interface RunFilter {
  month?: string | undefined;
  status?: UiPaymentRunStatus | undefined;
}

export async function listRuns(ctx: Ctx, filter: RunFilter, paging: Paging) {
  const r = uiPaymentRuns;
  const conds: SQL[] = [withinScope(ctx, r.regionCode)];
  if (filter.month) conds.push(eq(r.month, filter.month));
  if (filter.status) conds.push(eq(r.status, filter.status));
  const where = and(...conds);
  const items = await ctx.db
    .select()
    .from(r)
    .where(where)
    .orderBy(desc(r.month), desc(r.createdAt), asc(r.id))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(r)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

export interface PaymentFilter {
  status?: UiPaymentStatus | undefined;
}

export async function listPayments(ctx: Ctx, runId: string, filter: PaymentFilter, paging: Paging) {
  const p = uiPayments;
  const conds: SQL[] = [eq(p.runId, runId), withinScope(ctx, p.regionCode)];
  if (filter.status) conds.push(eq(p.status, filter.status));
  const where = and(...conds);
  const items = await ctx.db
    .select({
      id: p.id,
      runId: p.runId,
      claimId: p.claimId,
      personId: p.personId,
      personName: persons.name,
      regionCode: p.regionCode,
      month: p.month,
      amountFen: p.amountFen,
      status: p.status,
      failureReason: p.failureReason,
      returnedAt: p.returnedAt,
    })
    .from(p)
    .innerJoin(persons, eq(persons.id, p.personId))
    .where(where)
    .orderBy(asc(persons.name), asc(p.month), asc(p.id))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(p)
    .where(where);
  return { items, total: count?.n ?? 0 };
}
