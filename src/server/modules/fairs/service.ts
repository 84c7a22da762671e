// Job fairs (JOB-6): general and special fairs (seed 002 §(十六): rural migrants, graduates,
// 4050, women, disabled), employers' booths, the vacancies offered there, attendance and deals,
// and the fair report. Upcoming fairs are published on the public calendar (JOB-8).
import crypto from 'node:crypto';
import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { JobFairKind } from '../../../shared/labels.js';
import type { Database } from '../../db/connection.js';
import { employers, fairBooths, jobFairs, regions, vacancies } from '../../db/schema.js';
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { assertWritableRegion, requireRole, withinScope, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import * as employerRepo from '../employers/index.js';
import { assertRegionExists } from '../regions/index.js';

export interface FairInput {
  name: string;
  kind: JobFairKind;
  date: string;
  venue: string;
  regionCode: string;
  description?: string | null | undefined;
}

export interface FairPatch extends Partial<FairInput> {
  cancelled?: boolean | undefined;
  attendance?: number | null | undefined;
  intentions?: number | null | undefined;
  deals?: number | null | undefined;
}

const fairColumns = {
  id: jobFairs.id,
  name: jobFairs.name,
  kind: jobFairs.kind,
  date: jobFairs.date,
  venue: jobFairs.venue,
  regionCode: jobFairs.regionCode,
  regionName: regions.name,
  description: jobFairs.description,
  cancelled: jobFairs.cancelled,
  attendance: jobFairs.attendance,
  intentions: jobFairs.intentions,
  deals: jobFairs.deals,
  boothCount: sql<number>`(SELECT count(*)::int FROM fair_booths b WHERE b.fair_id = ${jobFairs.id})`,
  vacancyCount: sql<number>`(SELECT count(*)::int FROM vacancies v WHERE v.fair_id = ${jobFairs.id} AND v.status <> 'rejected')`,
  headcount: sql<number>`(SELECT coalesce(sum(v.headcount), 0)::int FROM vacancies v WHERE v.fair_id = ${jobFairs.id} AND v.status <> 'rejected')`,
  createdAt: jobFairs.createdAt,
};

const selectFairs = (db: Database) => db.select(fairColumns).from(jobFairs).leftJoin(regions, eq(regions.code, jobFairs.regionCode));

/** One fair in scope, or undefined. */
export async function findFair(ctx: Ctx, id: string) {
  const [row] = await selectFairs(ctx.db).where(and(eq(jobFairs.id, id), withinScope(ctx, jobFairs.regionCode)));
  return row;
}

/** Plans a fair at a place in scope. */
export async function createFair(ctx: Ctx, input: FairInput) {
  requireRole(ctx, 'job_officer');
  assertWritableRegion(ctx, input.regionCode);
  await assertRegionExists(ctx, input.regionCode);
  return withTransaction(ctx, async (tx) => {
    const now = tx.now();
    const row = {
      id: crypto.randomUUID(),
      ...input,
      name: input.name.trim(),
      venue: input.venue.trim(),
      description: input.description ?? null,
      cancelled: false,
      unitId: tx.actor.unitId,
      createdBy: tx.actor.username,
      createdAt: now,
      updatedAt: now,
    };
    await tx.db.insert(jobFairs).values(row);
    await writeAudit(tx, { action: 'create', entity: 'job_fair', entityId: row.id, regionCode: row.regionCode, after: row });
    return (await findFair(tx, row.id))!;
  });
}

/** Changes a fair; after it is held, records attendance, intentions and deals. */
export async function updateFair(ctx: Ctx, id: string, patch: FairPatch) {
  requireRole(ctx, 'job_officer');
  const today = shanghaiDateOf(ctx.now());
  return withTransaction(ctx, async (tx) => {
    const before = await findFair(tx, id);
    if (!before) throw notFound('招聘会');
    if (patch.regionCode && patch.regionCode !== before.regionCode) {
      assertWritableRegion(tx, patch.regionCode);
      await assertRegionExists(tx, patch.regionCode);
    }
    const results = [patch.attendance, patch.intentions, patch.deals].some((v) => v !== undefined && v !== null);
    if (results && (patch.date ?? before.date) > today)
      throw new AppError('RULE_VIOLATION', '招聘会举办后才能登记入场人数和达成意向、签约人数', [
        { path: '/attendance', code: 'NOT_HELD_YET', message: '招聘会尚未举办' },
      ]);
    const deals = patch.deals ?? before.deals;
    const intentions = patch.intentions ?? before.intentions;
    if (deals !== null && intentions !== null && deals > intentions)
      throw new AppError('VALIDATION_FAILED', '签约人数不能多于达成意向人数', [
        { path: '/deals', code: 'ABOVE_INTENTIONS', message: '签约人数不能多于达成意向人数' },
      ]);
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    await tx.db
      .update(jobFairs)
      .set({ ...set, updatedAt: tx.now() })
      .where(eq(jobFairs.id, id));
    const after = (await findFair(tx, id))!;
    await writeAudit(tx, { action: 'update', entity: 'job_fair', entityId: id, regionCode: before.regionCode, before, after });
    return after;
  });
}

/** Fairs in scope, by date (upcoming first when from is today). */
export async function listFairs(
  ctx: Ctx,
  filter: { from?: string | undefined; to?: string | undefined; kind?: string | undefined },
  paging: Paging,
) {
  const conds: SQL[] = [withinScope(ctx, jobFairs.regionCode)];
  if (filter.from) conds.push(gte(jobFairs.date, filter.from));
  if (filter.to) conds.push(lte(jobFairs.date, filter.to));
  if (filter.kind) conds.push(eq(jobFairs.kind, filter.kind));
  const where = and(...conds);
  const items = await selectFairs(ctx.db).where(where).orderBy(desc(jobFairs.date)).limit(paging.limit).offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(jobFairs)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

/** The public calendar: fairs from today on that are not cancelled. */
export async function upcomingFairs(db: Database, today: string, limit: number) {
  return selectFairs(db)
    .where(and(gte(jobFairs.date, today), eq(jobFairs.cancelled, false)))
    .orderBy(asc(jobFairs.date))
    .limit(limit);
}

/** Gives an employer in scope a booth at a fair in scope. */
export async function addBooth(ctx: Ctx, fairId: string, input: { employerId: string; boothNo?: string | undefined }) {
  requireRole(ctx, 'job_officer');
  return withTransaction(ctx, async (tx) => {
    const fair = await findFair(tx, fairId);
    if (!fair) throw notFound('招聘会');
    const employer = await employerRepo.findEmployer(tx, input.employerId);
    if (!employer) throw notFound('用人单位');
    const [existing] = await tx.db
      .select({ id: fairBooths.id })
      .from(fairBooths)
      .where(and(eq(fairBooths.fairId, fairId), eq(fairBooths.employerId, input.employerId)));
    if (existing) throw new AppError('CONFLICT', `${employer.name} 已有展位`);
    const row = { id: crypto.randomUUID(), fairId, employerId: input.employerId, boothNo: input.boothNo ?? null, createdAt: tx.now() };
    await tx.db.insert(fairBooths).values(row);
    await writeAudit(tx, { action: 'add_booth', entity: 'job_fair', entityId: fairId, regionCode: fair.regionCode, after: row });
    return fairReport(tx, fairId);
  });
}

/** The fair report: booths with the vacancies each offered, and the totals. */
export async function fairReport(ctx: Ctx, fairId: string) {
  const fair = await findFair(ctx, fairId);
  if (!fair) throw notFound('招聘会');
  const booths = await ctx.db
    .select({
      id: fairBooths.id,
      employerId: fairBooths.employerId,
      employerName: employers.name,
      boothNo: fairBooths.boothNo,
      vacancies: sql<number>`(SELECT count(*)::int FROM vacancies v WHERE v.fair_id = ${fairId} AND v.employer_id = ${fairBooths.employerId} AND v.status <> 'rejected')`,
      headcount: sql<number>`(SELECT coalesce(sum(v.headcount), 0)::int FROM vacancies v WHERE v.fair_id = ${fairId} AND v.employer_id = ${fairBooths.employerId} AND v.status <> 'rejected')`,
    })
    .from(fairBooths)
    .innerJoin(employers, eq(employers.id, fairBooths.employerId))
    .where(eq(fairBooths.fairId, fairId))
    .orderBy(asc(fairBooths.boothNo), asc(employers.name));
  const offered = await ctx.db
    .select({
      id: vacancies.id,
      title: vacancies.title,
      employerName: employers.name,
      headcount: vacancies.headcount,
      wageMin: vacancies.wageMin,
      wageMax: vacancies.wageMax,
      status: vacancies.status,
    })
    .from(vacancies)
    .innerJoin(employers, eq(employers.id, vacancies.employerId))
    .where(and(eq(vacancies.fairId, fairId), sql`${vacancies.status} <> 'rejected'`))
    .orderBy(asc(employers.name), asc(vacancies.title));
  return { fair, booths, vacancies: offered };
}
