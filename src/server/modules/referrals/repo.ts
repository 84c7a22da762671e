// SQL for referrals; staff reads are limited to the scope of the referred person's region.
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { employers, persons, referrals, units, vacancies } from '../../db/schema.js';
import type { Database } from '../../db/connection.js';
import { anywhereCtx, inArea, withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';

export const referralColumns = {
  id: referrals.id,
  personId: referrals.personId,
  personName: persons.name,
  personIdNumber: persons.idNumberMasked,
  vacancyId: referrals.vacancyId,
  vacancyTitle: vacancies.title,
  vacancyAddress: vacancies.address,
  employerId: referrals.employerId,
  employerName: employers.name,
  employerAddress: employers.address,
  employerContact: employers.contactName,
  employerPhone: employers.contactPhone,
  regionCode: referrals.regionCode,
  date: referrals.date,
  verificationCode: referrals.verificationCode,
  outcome: referrals.outcome,
  outcomeDate: referrals.outcomeDate,
  outcomeNote: referrals.outcomeNote,
  employerFeedback: referrals.employerFeedback,
  employerFeedbackAt: referrals.employerFeedbackAt,
  employmentEventId: referrals.employmentEventId,
  staffName: referrals.staffName,
  unitId: referrals.unitId,
  unitName: units.name,
  createdAt: referrals.createdAt,
};

/**
 * Referrals with their person, vacancy and employer. The vacancy and employer may lie in another
 * district (any published vacancy may be referred to), so callers scope by the referral's own
 * region in `where` and read the joined rows through `anywhereCtx`.
 */
function joined(db: Database, where: SQL | undefined) {
  return db
    .select(referralColumns)
    .from(referrals)
    .innerJoin(persons, eq(persons.id, referrals.personId))
    .innerJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
    .innerJoin(employers, eq(employers.id, referrals.employerId))
    .leftJoin(units, eq(units.id, referrals.unitId))
    .where(where);
}

export interface ReferralFilter {
  personId?: string | undefined;
  vacancyId?: string | undefined;
  outcome?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** A page of referrals in scope, newest first; outcome 'pending' = no outcome yet. */
export async function listReferrals(ctx: Ctx, filter: ReferralFilter, paging: Paging) {
  const conds: SQL[] = [withinScope(ctx, referrals.regionCode)];
  if (filter.personId) conds.push(eq(referrals.personId, filter.personId));
  if (filter.vacancyId) conds.push(eq(referrals.vacancyId, filter.vacancyId));
  if (filter.outcome) conds.push(filter.outcome === 'pending' ? sql`${referrals.outcome} IS NULL` : eq(referrals.outcome, filter.outcome));
  if (filter.from) conds.push(gte(referrals.date, filter.from));
  if (filter.to) conds.push(lte(referrals.date, filter.to));
  const where = and(...conds);
  const items = await joined(anywhereCtx(ctx).db, where)
    .orderBy(desc(referrals.date), desc(referrals.createdAt))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(referrals)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

/** One referral in scope, or undefined. */
export async function findReferral(ctx: Ctx, id: string) {
  const [row] = await joined(anywhereCtx(ctx).db, and(eq(referrals.id, id), withinScope(ctx, referrals.regionCode)));
  return row;
}

/** The stored row, locked, if it lies in scope. */
export async function findReferralRowForUpdate(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(referrals)
    .where(and(eq(referrals.id, id), withinScope(ctx, referrals.regionCode)))
    .for('update');
  return row;
}

/** A referral by its letter's verification code, whatever the scope (the public check). */
export async function findByCode(db: Database, code: string) {
  const [row] = await joined(db, eq(referrals.verificationCode, code));
  return row;
}

export async function insertReferral(ctx: Ctx, row: typeof referrals.$inferInsert) {
  await ctx.db.insert(referrals).values(row);
}

export async function updateReferral(db: Database, id: string, patch: Partial<typeof referrals.$inferInsert>) {
  await db.update(referrals).set(patch).where(eq(referrals.id, id));
}

/**
 * Counts behind the referral rates of one region prefix and month (RPT-7, JOB-5). Seekers are the
 * persons seeking work at any time in the month: a job-seeking or unemployment registration dated
 * on or before its last day and not ended before its first (carried over or new; a voided
 * registration does not count). Referred are those seekers referred in the month, hired those of
 * them a referral of the month placed; so neither rate can pass 100%. Referrals counts the letters.
 */
export async function rateCounts(db: Database, prefix: string, from: string, to: string) {
  const result = await db.execute(sql`
    WITH seekers AS (
      SELECT DISTINCT s.person_id
        FROM registration_events s
       WHERE ${inArea(sql`s.region_code`, prefix)}
         AND s.type IN ('job_seeking', 'unemployment')
         AND s.date <= ${to}
         -- not persons of a ledger import still being written (REG-7: invisible until applied)
         AND s.person_id NOT IN (SELECT p.id FROM persons p JOIN person_import_batches b ON b.id = p.import_batch WHERE b.applied_at IS NULL)
         AND NOT EXISTS (
               SELECT 1 FROM registration_events v
                WHERE v.corrects_event_id = s.id AND v.type = 'correction' AND v.details->>'action' = 'void')
         AND NOT EXISTS (
               SELECT 1 FROM registration_events e
                WHERE e.person_id = s.person_id
                  AND e.date < ${from}
                  AND (e.date > s.date OR (e.date = s.date AND e.created_at > s.created_at))
                  AND ((s.type = 'job_seeking' AND e.type = 'job_seeking_end')
                    OR (s.type = 'unemployment' AND e.type IN ('unemployment_end', 'employment'))))
    ),
    made AS (
      SELECT r.person_id, r.outcome
        FROM referrals r
       WHERE ${inArea(sql`r.region_code`, prefix)} AND r.date >= ${from} AND r.date <= ${to}
    )
    SELECT (SELECT count(*) FROM seekers)::int AS seekers,
           (SELECT count(DISTINCT m.person_id) FROM made m JOIN seekers USING (person_id))::int AS referred,
           (SELECT count(*) FROM made)::int AS referrals,
           (SELECT count(DISTINCT m.person_id) FROM made m JOIN seekers USING (person_id) WHERE m.outcome = 'hired')::int AS hired`);
  const [row] = (result as unknown as { rows: { seekers: number; referred: number; referrals: number; hired: number }[] }).rows;
  return { seekers: row?.seekers ?? 0, referred: row?.referred ?? 0, referrals: row?.referrals ?? 0, hired: row?.hired ?? 0 };
}
