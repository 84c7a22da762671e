// The holder's side of the 就业失业登记证 (AID-5): the eligibility review, the yearly check (年审),
// the preferential policies each person enjoyed (recorded here when the granting module calls
// recordPoliciesEnjoyed in its own transaction), and the share of re-employed holders who enjoyed at
// least one, against reemployment_certificate.target_policy_rate.
import crypto from 'node:crypto';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { certificateEvents, certificateReviews, persons, policiesEnjoyed } from '../../db/schema.js';
import { writeAudit } from '../../platform/audit.js';
import { addDays, shanghaiDateOf } from '../../platform/clock.js';
import { inArea, requireRole, withinScope, withTransaction, type Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import { param, resolveParam } from '../../policy/service.js';
import * as personsModule from '../persons/index.js';
import * as registrations from '../registrations/index.js';
import { withEntrantNames } from '../staff/index.js';
import { eligibilityReasons, nextCheckDue, type PolicyType } from './rules.js';
import { withdrawCertificate } from './service.js';
import { inScope, padRegionCode, scopeOf } from '../../../shared/region.js';

function notFuture(ctx: Ctx, date: string) {
  if (date > shanghaiDateOf(ctx.now()))
    throw new AppError('RULE_VIOLATION', '日期不能晚于今天', [{ path: '/date', code: 'FUTURE_DATE', message: '日期不能晚于今天' }]);
}

/** The rules as they apply to a person on a date (without recording anything). */
async function reasonsFor(ctx: Ctx, person: personsModule.PersonRow, date: string) {
  const status = await registrations.statusAsOf(ctx, person.id, date);
  const region = person.regionCode;
  const ages = {
    min: await param(ctx.db, 'working_age.min', region, date),
    maxMale: await param(ctx.db, 'working_age.max_male', region, date),
    maxFemale: await param(ctx.db, 'working_age.max_female', region, date),
  };
  return eligibilityReasons(
    {
      employmentStatus: status.employmentStatus,
      statusSince: status.statusSince,
      householdType: person.householdType,
      labourCapacity: person.labourCapacity,
      sex: person.sex as 'M' | 'F',
      birthDate: person.birthDate,
    },
    date,
    ages,
  );
}

/**
 * Eligibility review (资格审核): states every rule with its reason and records the reviewer's
 * decision; a person who fails a rule is refused (422 RULE_VIOLATION naming the rules) unless the
 * reviewer gives an override reason, which the audit keeps.
 */
export async function reviewEligibility(
  ctx: Ctx,
  personId: string,
  input: { date?: string | undefined; comment: string; overrideReason?: string | undefined },
) {
  requireRole(ctx, 'reviewer');
  const date = input.date ?? shanghaiDateOf(ctx.now());
  notFuture(ctx, date);
  return withTransaction(ctx, async (tx) => {
    const person = await personsModule.lockPerson(tx, personId);
    if (!person) throw notFound('人员');
    const reasons = await reasonsFor(tx, person, date);
    const failed = reasons.filter((r) => !r.met);
    if (failed.length > 0 && !input.overrideReason)
      throw new AppError(
        'RULE_VIOLATION',
        `不符合持证享受优惠政策的条件：${failed.map((f) => f.detail).join('；')}。如确需认定请填写理由`,
        failed.map((f) => ({ path: '/overrideReason', code: f.rule, message: `${f.detail}（${f.source}）` })),
      );
    const row = {
      id: crypto.randomUUID(),
      personId,
      regionCode: person.regionCode,
      certificateNo: person.certificateNo,
      kind: 'eligibility' as const,
      date,
      result: failed.length === 0 ? 'eligible' : 'eligible_by_override',
      reasons,
      comment: input.comment,
      overrideReason: failed.length > 0 ? (input.overrideReason ?? null) : null,
      createdBy: tx.actor.username,
      unitId: tx.actor.unitId,
      createdAt: tx.now(),
    };
    await tx.db.insert(certificateReviews).values(row);
    await writeAudit(tx, {
      action: 'review',
      entity: 'certificate',
      entityId: row.id,
      regionCode: person.regionCode,
      after: row,
      ...(row.overrideReason ? { reason: row.overrideReason } : {}),
    });
    return row;
  });
}

/** The figures of the yearly check of one holder: interval, last issue, last check, when due. */
async function checkSchedule(ctx: Ctx, personId: string, regionCode: string, today: string) {
  const [issued] = await ctx.db
    .select({ date: sql<string>`max(${certificateEvents.date})::text` })
    .from(certificateEvents)
    .where(and(eq(certificateEvents.personId, personId), sql`${certificateEvents.action} IN ('issue', 'reissue')`));
  const [checked] = await ctx.db
    .select({ date: sql<string | null>`max(${certificateReviews.date})::text` })
    .from(certificateReviews)
    .where(and(eq(certificateReviews.personId, personId), eq(certificateReviews.kind, 'yearly_check')));
  if (!issued?.date) return null;
  const interval = await param(ctx.db, 'reemployment_certificate.check_interval_months', regionCode, today);
  const lastChecked = checked?.date ?? null;
  return { intervalMonths: interval, lastIssued: issued.date, lastChecked, dueOn: nextCheckDue(issued.date, lastChecked, interval) };
}

/**
 * Yearly check (年审): `continue` keeps the certificate (the next check falls due an interval
 * later), `withdraw` withdraws it with the reason. Only a valid certificate is checked.
 */
export async function recordYearlyCheck(
  ctx: Ctx,
  personId: string,
  input: { date?: string | undefined; result: 'continue' | 'withdraw'; comment: string },
) {
  requireRole(ctx, 'clerk');
  const date = input.date ?? shanghaiDateOf(ctx.now());
  notFuture(ctx, date);
  return withTransaction(ctx, async (tx) => {
    const person = await personsModule.lockPerson(tx, personId);
    if (!person) throw notFound('人员');
    if (!person.certificateNo || person.certificateStatus !== 'valid')
      throw new AppError('RULE_VIOLATION', '该人员没有有效的就业失业登记证，不能年审', [
        { path: '/result', code: 'NO_VALID_CERTIFICATE', message: '无有效证件' },
      ]);
    const [issued] = await tx.db
      .select({ date: sql<string | null>`max(${certificateEvents.date})::text` })
      .from(certificateEvents)
      .where(and(eq(certificateEvents.personId, personId), sql`${certificateEvents.action} IN ('issue', 'reissue')`));
    if (issued?.date && date < issued.date)
      throw new AppError('RULE_VIOLATION', `年审日期不能早于发证日期 ${issued.date}`, [
        { path: '/date', code: 'BEFORE_ISSUE', message: `年审日期不能早于发证日期 ${issued.date}` },
      ]);
    const reasons = await reasonsFor(tx, person, date);
    const row = {
      id: crypto.randomUUID(),
      personId,
      regionCode: person.regionCode,
      certificateNo: person.certificateNo,
      kind: 'yearly_check' as const,
      date,
      result: input.result,
      reasons,
      comment: input.comment,
      overrideReason: null,
      createdBy: tx.actor.username,
      unitId: tx.actor.unitId,
      createdAt: tx.now(),
    };
    await tx.db.insert(certificateReviews).values(row);
    await writeAudit(tx, { action: 'check', entity: 'certificate', entityId: row.id, regionCode: person.regionCode, after: row });
    if (input.result === 'withdraw')
      await withdrawCertificate(
        tx,
        { id: personId, regionCode: person.regionCode, certificateNo: person.certificateNo },
        date,
        `年审不通过：${input.comment}`,
      );
    return row;
  });
}

/** A person's reviews (eligibility and yearly checks), newest first, and when the next check falls due. */
export async function reviewsOf(ctx: Ctx, personId: string) {
  const person = await personsModule.findPerson(ctx, personId);
  if (!person) throw notFound('人员');
  const rows = await ctx.db
    .select()
    .from(certificateReviews)
    .where(eq(certificateReviews.personId, personId))
    .orderBy(desc(certificateReviews.date), desc(certificateReviews.createdAt));
  const today = shanghaiDateOf(ctx.now());
  const [status] = await ctx.db.select({ status: persons.certificateStatus }).from(persons).where(eq(persons.id, personId));
  const schedule = status?.status === 'valid' ? await checkSchedule(ctx, personId, person.regionCode, today) : null;
  return { reviews: await withEntrantNames(ctx, rows), nextCheck: schedule };
}

/**
 * Holders of a valid certificate in scope whose yearly check is due by `until` (overdue: due
 * before today), oldest due first. The interval is the parameter for the caller's scope today.
 */
export async function checksDue(ctx: Ctx, filter: { overdueOnly?: boolean | undefined; withinDays?: number | undefined }, paging: Paging) {
  requireRole(ctx, 'clerk', 'reviewer', 'admin');
  const today = shanghaiDateOf(ctx.now());
  const region = padRegionCode(ctx.actor.scope);
  const interval = await param(ctx.db, 'reemployment_certificate.check_interval_months', region, today);
  const until = filter.overdueOnly ? addDays(today, -1) : addDays(today, filter.withinDays ?? 30);
  const base = sql`greatest(
      (SELECT max(e.date) FROM certificate_events e WHERE e.person_id = persons.id AND e.action IN ('issue', 'reissue')),
      (SELECT max(r.date) FROM certificate_reviews r WHERE r.person_id = persons.id AND r.kind = 'yearly_check'))`;
  const where: SQL = and(
    sql`persons.certificate_status = 'valid'`,
    withinScope(ctx, persons.regionCode),
    personsModule.visiblePerson,
    sql`(${base} + make_interval(months => ${interval}))::date <= ${until}::date`,
  )!;
  const rows = await rowsOf<{
    person_id: string;
    name: string;
    certificate_no: string;
    region_code: string;
    id_number: string;
    last_date: string;
    due_on: string;
  }>(
    ctx,
    sql`SELECT persons.id AS person_id, persons.name, persons.certificate_no, persons.region_code, persons.id_number_masked AS id_number,
        ${base}::text AS last_date, (${base} + make_interval(months => ${interval}))::date::text AS due_on
      FROM persons WHERE ${where}
      ORDER BY due_on, persons.id LIMIT ${paging.limit} OFFSET ${paging.offset}`,
  );
  const [count] = await rowsOf<{ n: number }>(ctx, sql`SELECT count(*)::int AS n FROM persons WHERE ${where}`);
  return {
    items: rows.map((r) => ({
      personId: r.person_id,
      name: r.name,
      idNumber: r.id_number,
      certificateNo: r.certificate_no,
      regionCode: r.region_code,
      lastCheckedOrIssued: r.last_date,
      dueOn: r.due_on,
      overdue: r.due_on < today,
    })),
    total: count?.n ?? 0,
    intervalMonths: interval,
  };
}

async function rowsOf<T>(ctx: Ctx, query: SQL): Promise<T[]> {
  return ((await ctx.db.execute(query)) as unknown as { rows: T[] }).rows;
}

export interface PolicyEnjoyedInput {
  personId: string;
  regionCode: string;
  policyType: PolicyType;
  date: string;
  amountFen?: number | null | undefined;
  sourceType: string;
  sourceId: string;
}

/**
 * Records policies enjoyed, called by the granting module inside its transaction (a paid subsidy,
 * a public-welfare placement; loans and training once those modules exist). Once per source
 * entity and policy: a retry or a second run records nothing more. Answers how many were new.
 */
export async function recordPoliciesEnjoyed(ctx: Ctx, inputs: PolicyEnjoyedInput[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const rows = inputs.map((i) => ({
    id: crypto.randomUUID(),
    personId: i.personId,
    regionCode: i.regionCode,
    policyType: i.policyType,
    date: i.date,
    amountFen: i.amountFen ?? null,
    sourceType: i.sourceType,
    sourceId: i.sourceId,
    unitId: ctx.actor.unitId,
    createdBy: ctx.actor.username,
    createdAt: ctx.now(),
  }));
  const inserted = await ctx.db
    .insert(policiesEnjoyed)
    .values(rows)
    .onConflictDoNothing({ target: [policiesEnjoyed.sourceType, policiesEnjoyed.sourceId, policiesEnjoyed.policyType] })
    .returning({ id: policiesEnjoyed.id });
  const ids = new Set(inserted.map((r) => r.id));
  for (const row of rows.filter((r) => ids.has(r.id)))
    await writeAudit(ctx, { action: 'create', entity: 'policy_enjoyed', entityId: row.id, regionCode: row.regionCode, after: row });
  return ids.size;
}

/** The policies a person in scope enjoyed, newest first. */
export async function policiesEnjoyedOf(ctx: Ctx, personId: string, paging: Paging) {
  const person = await personsModule.findPerson(ctx, personId);
  if (!person) throw notFound('人员');
  const where = and(eq(policiesEnjoyed.personId, personId), withinScope(ctx, policiesEnjoyed.regionCode));
  const items = await ctx.db
    .select()
    .from(policiesEnjoyed)
    .where(where)
    .orderBy(desc(policiesEnjoyed.date), asc(policiesEnjoyed.id))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(policiesEnjoyed)
    .where(where);
  return { items: await withEntrantNames(ctx, items), total: count?.n ?? 0 };
}

/**
 * The policy rate of a year in a region (the caller's scope or a region within it), as seed 002
 * §一(二) counts it: of the holders issued a certificate that year who were re-employed that year
 * after the issue (an employment registration on or after the issue date, by 31 December), the
 * share who enjoyed at least one preferential policy by the year's end; against the target
 * parameter for the region (null where the region has none set).
 */
export async function policyRate(ctx: Ctx, input: { year: number; regionCode?: string | undefined }) {
  requireRole(ctx, 'clerk', 'reviewer', 'admin', 'finance');
  if (input.regionCode && !inScope(ctx.actor.scope, input.regionCode)) throw notFound('区划');
  const effective = input.regionCode ? scopeOf(input.regionCode) : ctx.actor.scope;
  const first = `${input.year}-01-01`;
  const last = `${input.year}-12-31`;
  // The level below the region: its areas' figures (none below a community).
  const childLength = [2, 4, 6, 9, 12].find((n) => n > effective.length) ?? 12;
  const result = await rowsOf<{ child: string; denominator: number; numerator: number }>(
    ctx,
    sql`
    WITH issued AS (
      SELECT e.person_id, min(persons.region_code) AS region_code, min(e.date) AS issued_on
        FROM certificate_events e JOIN persons ON persons.id = e.person_id
       WHERE e.action = 'issue' AND e.date BETWEEN ${first}::date AND ${last}::date
         AND ${inArea(sql`persons.region_code`, effective)} AND ${withinScope(ctx, persons.regionCode)}
       GROUP BY e.person_id),
    reemployed AS (
      SELECT i.person_id, left(i.region_code, ${childLength}) AS child FROM issued i
       WHERE EXISTS (SELECT 1 FROM registration_events r WHERE r.person_id = i.person_id AND r.type = 'employment'
                        AND r.date >= i.issued_on AND r.date <= ${last}::date))
    SELECT child, count(*)::int AS denominator,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM policies_enjoyed pe WHERE pe.person_id = reemployed.person_id
                                             AND pe.date <= ${last}::date))::int AS numerator
      FROM reemployed GROUP BY child ORDER BY child`,
  );
  const figures = result.reduce((sum, r) => ({ denominator: sum.denominator + r.denominator, numerator: sum.numerator + r.numerator }), {
    denominator: 0,
    numerator: 0,
  });
  const percent = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10000) / 100);
  let target: { value: number; source: string } | null = null;
  try {
    const t = await resolveParam(ctx.db, 'reemployment_certificate.target_policy_rate', padRegionCode(effective), last);
    target = { value: t.value, source: t.source };
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
  }
  const ratePercent = percent(figures.numerator, figures.denominator);
  return {
    year: input.year,
    regionCode: padRegionCode(effective),
    numerator: figures.numerator,
    denominator: figures.denominator,
    ratePercent,
    targetPercent: target?.value ?? null,
    targetSource: target?.source ?? null,
    met: ratePercent === null || target === null ? null : ratePercent >= target.value,
    byRegion:
      effective.length >= 12
        ? []
        : result.map((r) => ({
            regionCode: padRegionCode(r.child),
            numerator: r.numerator,
            denominator: r.denominator,
            ratePercent: percent(r.numerator, r.denominator),
          })),
  };
}
