// The yearly vacancy survey (JOB-9, seed 000 §11): a unit opens a round for its area, every
// employer registered there is enrolled, each return records current vacancies and next year's
// demand, and the round shows its progress.
import crypto from 'node:crypto';
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { employers, surveyReturns, vacancySurveys } from '../../db/schema.js';
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { assertWritableRegion, inArea, requireRole, withinScope, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';

const surveyColumns = {
  id: vacancySurveys.id,
  name: vacancySurveys.name,
  year: vacancySurveys.year,
  regionCode: vacancySurveys.regionCode,
  dueDate: vacancySurveys.dueDate,
  employers: sql<number>`(SELECT count(*)::int FROM survey_returns r WHERE r.survey_id = ${vacancySurveys.id})`,
  returned: sql<number>`(SELECT count(*)::int FROM survey_returns r WHERE r.survey_id = ${vacancySurveys.id} AND r.returned_on IS NOT NULL)`,
  currentVacancies: sql<number>`(SELECT coalesce(sum(r.current_vacancies), 0)::int FROM survey_returns r WHERE r.survey_id = ${vacancySurveys.id})`,
  nextYearDemand: sql<number>`(SELECT coalesce(sum(r.next_year_demand), 0)::int FROM survey_returns r WHERE r.survey_id = ${vacancySurveys.id})`,
  createdBy: vacancySurveys.createdBy,
  createdAt: vacancySurveys.createdAt,
};

async function findSurvey(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select(surveyColumns)
    .from(vacancySurveys)
    .where(and(eq(vacancySurveys.id, id), withinScope(ctx, vacancySurveys.regionCode)));
  return row;
}

/** Opens a survey round over the caller's area (or a part of it) and enrols its employers. */
export async function createSurvey(ctx: Ctx, input: { name: string; year: number; dueDate: string; regionCode?: string | undefined }) {
  requireRole(ctx, 'job_officer');
  const regionCode = input.regionCode ?? ctx.actor.scope.padEnd(12, '0');
  assertWritableRegion(ctx, regionCode);
  if (input.dueDate < shanghaiDateOf(ctx.now()))
    throw new AppError('VALIDATION_FAILED', '截止日期不能早于今天', [
      { path: '/dueDate', code: 'IN_THE_PAST', message: '截止日期不能早于今天' },
    ]);
  return withTransaction(ctx, async (tx) => {
    const [same] = await tx.db
      .select({ id: vacancySurveys.id })
      .from(vacancySurveys)
      .where(and(eq(vacancySurveys.regionCode, regionCode), eq(vacancySurveys.year, input.year)));
    if (same) throw new AppError('CONFLICT', `本区域 ${input.year} 年的空岗调查已开展`);
    const row = {
      id: crypto.randomUUID(),
      name: input.name.trim(),
      year: input.year,
      regionCode,
      dueDate: input.dueDate,
      unitId: tx.actor.unitId,
      createdBy: tx.actor.username,
      createdAt: tx.now(),
    };
    await tx.db.insert(vacancySurveys).values(row);
    await tx.db.execute(
      sql`INSERT INTO survey_returns (survey_id, employer_id) SELECT ${row.id}, id FROM employers WHERE ${inArea(sql`region_code`, regionCode.replace(/0+$/, ''))}`,
    );
    await writeAudit(tx, { action: 'create', entity: 'vacancy_survey', entityId: row.id, regionCode, after: row });
    return (await findSurvey(tx, row.id))!;
  });
}

/** Survey rounds in scope with their progress. */
export async function listSurveys(ctx: Ctx, paging: Paging) {
  const where = withinScope(ctx, vacancySurveys.regionCode);
  const items = await ctx.db
    .select(surveyColumns)
    .from(vacancySurveys)
    .where(where)
    .orderBy(desc(vacancySurveys.year), asc(vacancySurveys.regionCode))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(vacancySurveys)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

/** A round's employers and their returns; `returned` filters by whether they answered. */
export async function surveyReturnsOf(ctx: Ctx, surveyId: string, returned: boolean | undefined, paging: Paging) {
  const survey = await findSurvey(ctx, surveyId);
  if (!survey) throw notFound('空岗调查');
  const conds = [eq(surveyReturns.surveyId, surveyId)];
  if (returned !== undefined) conds.push(returned ? isNotNull(surveyReturns.returnedOn) : sql`${surveyReturns.returnedOn} IS NULL`);
  const where = and(...conds);
  const items = await ctx.db
    .select({
      employerId: surveyReturns.employerId,
      employerName: employers.name,
      creditCode: employers.creditCode,
      regionCode: employers.regionCode,
      returnedOn: surveyReturns.returnedOn,
      currentVacancies: surveyReturns.currentVacancies,
      nextYearDemand: surveyReturns.nextYearDemand,
      notes: surveyReturns.notes,
    })
    .from(surveyReturns)
    .innerJoin(employers, eq(employers.id, surveyReturns.employerId))
    .where(where)
    .orderBy(asc(employers.name))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(surveyReturns)
    .where(where);
  return { survey, items, total: count?.n ?? 0 };
}

/** Records an employer's return (again to correct it). */
export async function recordReturn(
  ctx: Ctx,
  surveyId: string,
  employerId: string,
  input: { currentVacancies: number; nextYearDemand: number; notes?: string | undefined },
) {
  requireRole(ctx, 'job_officer');
  return withTransaction(ctx, async (tx) => {
    const survey = await findSurvey(tx, surveyId);
    if (!survey) throw notFound('空岗调查');
    const [enrolled] = await tx.db
      .select()
      .from(surveyReturns)
      .where(and(eq(surveyReturns.surveyId, surveyId), eq(surveyReturns.employerId, employerId)));
    if (!enrolled) throw notFound('参加本次调查的用人单位');
    const patch = {
      returnedOn: shanghaiDateOf(tx.now()),
      currentVacancies: input.currentVacancies,
      nextYearDemand: input.nextYearDemand,
      notes: input.notes ?? null,
    };
    await tx.db
      .update(surveyReturns)
      .set(patch)
      .where(and(eq(surveyReturns.surveyId, surveyId), eq(surveyReturns.employerId, employerId)));
    await writeAudit(tx, {
      action: 'survey_return',
      entity: 'vacancy_survey',
      entityId: surveyId,
      regionCode: survey.regionCode,
      before: enrolled,
      after: { employerId, ...patch },
    });
    return (await findSurvey(tx, surveyId))!;
  });
}
