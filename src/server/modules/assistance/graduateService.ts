// The graduate one-to-one service (AID-6): the checklist of one registered unemployed graduate, and
// the list of graduates in scope by the state of their checklist, due soonest first.
import { and, eq, gte, sql, type SQL } from 'drizzle-orm';
import { persons, referrals, serviceRecords } from '../../db/schema.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { padRegionCode } from '../../../shared/region.js';
import { withinScope, type Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import { params } from '../../policy/service.js';
import * as personModule from '../persons/index.js';
import { graduateChecklist, type GraduateServiceStatus } from './graduateRules.js';

/** Graduates (REG-4: a graduation year, or the category) registered unemployed now. */
const unemployedGraduate = sql`(${persons.employmentStatus} = 'unemployed' AND ${persons.statusSince} IS NOT NULL AND (${persons.graduationYear} IS NOT NULL OR ${persons.categories} @> ARRAY['高校毕业生']::text[]))`;

/** The checklist of a registered unemployed graduate in scope; 409 CONFLICT for anyone else. */
export async function graduateService(ctx: Ctx, personId: string) {
  const person = await personModule.findPerson(ctx, personId);
  if (!person) throw notFound('人员');
  const graduate = person.graduationYear !== null || person.categories.includes('高校毕业生');
  if (!graduate || person.employmentStatus !== 'unemployed' || !person.statusSince)
    throw new AppError('CONFLICT', `${person.name} 不是登记失业的高校毕业生，没有“一对一”服务清单`);
  const today = shanghaiDateOf(ctx.now());
  const since = person.statusSince;
  const figures = await params(ctx.db, ['graduate_service.deadline', 'graduate_service.vacancies_offered'], person.regionCode, since);
  const services = await ctx.db
    .select({ type: serviceRecords.type, date: serviceRecords.date })
    .from(serviceRecords)
    .where(and(eq(serviceRecords.personId, personId), gte(serviceRecords.date, since)));
  const referred = await ctx.db
    .select({ date: referrals.date })
    .from(referrals)
    .where(and(eq(referrals.personId, personId), gte(referrals.date, since)));
  return graduateChecklist(
    { since, services, referrals: referred.map((r) => r.date) },
    { deadlineMonths: figures['graduate_service.deadline'], vacanciesRequired: figures['graduate_service.vacancies_offered'] },
    today,
  );
}

export type GraduateListStatus = GraduateServiceStatus | 'due_soon';

/**
 * Registered unemployed graduates in scope with their checklist, by status, soonest deadline first:
 * due_soon is open with the deadline within the parameter graduate_service.due_soon_days. The
 * deadline and counts use the parameters of the caller's own area (one list, one rule).
 */
export async function listGraduateService(ctx: Ctx, status: GraduateListStatus | undefined, paging: Paging) {
  const today = shanghaiDateOf(ctx.now());
  const area = padRegionCode(ctx.actor.scope);
  const figures = await params(
    ctx.db,
    ['graduate_service.deadline', 'graduate_service.vacancies_offered', 'graduate_service.due_soon_days'],
    area,
    today,
  );
  const months = figures['graduate_service.deadline'];
  const required = figures['graduate_service.vacancies_offered'];
  // Written out with the table's name: in a select list Drizzle names a column bare, which inside a
  // subquery would mean the subquery's own id.
  const personId = sql.raw('"persons"."id"');
  const since = sql.raw('"persons"."status_since"');
  const deadline = sql`(${since} + make_interval(months => ${months}::int))::date`;
  const within = (date: SQL) => sql`${date} BETWEEN ${since} AND ${deadline}`;
  const sr = sql`service_records`;
  const has = (type: string) =>
    sql`EXISTS (SELECT 1 FROM ${sr} s WHERE s.person_id = ${personId} AND s.type = ${type} AND ${within(sql`s.date`)})`;
  const offered = sql<number>`((SELECT count(*) FROM ${sr} s WHERE s.person_id = ${personId} AND s.type = 'vacancy_information' AND ${within(sql`s.date`)})
    + (SELECT count(*) FROM referrals r WHERE r.person_id = ${personId} AND ${within(sql`r.date`)}))::int`;
  const complete = sql`(${has('consultation')} AND ${has('vocational_guidance')} AND ${offered} >= ${required})`;
  const soon = sql`(${today}::date + ${figures['graduate_service.due_soon_days']}::int)`;
  const statusSql = sql<GraduateListStatus>`CASE WHEN ${complete} THEN 'complete' WHEN ${deadline} < ${today}::date THEN 'overdue' WHEN ${deadline} <= ${soon} THEN 'due_soon' ELSE 'open' END`;
  const conds = [withinScope(ctx, persons.regionCode), unemployedGraduate, personModule.visiblePerson];
  if (status === 'complete') conds.push(complete);
  if (status === 'overdue') conds.push(sql`NOT ${complete} AND ${deadline} < ${today}::date`);
  if (status === 'due_soon') conds.push(sql`NOT ${complete} AND ${deadline} >= ${today}::date AND ${deadline} <= ${soon}`);
  if (status === 'open') conds.push(sql`NOT ${complete} AND ${deadline} >= ${today}::date`);
  const where = and(...conds);
  const items = await ctx.db
    .select({
      personId: persons.id,
      name: persons.name,
      idNumber: persons.idNumberMasked,
      regionCode: persons.regionCode,
      school: persons.school,
      graduationYear: persons.graduationYear,
      since: sql<string>`${persons.statusSince}::text`,
      deadline: sql<string>`${deadline}::text`,
      consultation: sql<boolean>`${has('consultation')}`,
      guidance: sql<boolean>`${has('vocational_guidance')}`,
      vacanciesOffered: offered,
      status: statusSql,
    })
    .from(persons)
    .where(where)
    .orderBy(sql`${deadline}`, persons.id)
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(persons)
    .where(where);
  return { items: items.map((i) => ({ ...i, vacanciesRequired: required, complete: i.status === 'complete' })), total: count?.n ?? 0 };
}
