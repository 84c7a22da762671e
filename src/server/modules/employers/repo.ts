// SQL for employers and their filings; every read is limited to the caller's scope.
import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { employerFilings, employers, regions } from '../../db/schema.js';
import { inArea, withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';

export const employerColumns = {
  id: employers.id,
  name: employers.name,
  creditCode: employers.creditCode,
  regionCode: employers.regionCode,
  regionName: regions.name,
  industry: employers.industry,
  size: employers.size,
  ownership: employers.ownership,
  address: employers.address,
  contactName: employers.contactName,
  contactPhone: employers.contactPhone,
  description: employers.description,
  source: employers.source,
  /** Vacancies on the public board now: published, not expired, not filled. */
  vacancyCount: sql<number>`(SELECT count(*)::int FROM vacancies v WHERE v.employer_id = ${employers.id} AND v.status = 'published' AND v.valid_until >= (now() AT TIME ZONE 'Asia/Shanghai')::date AND v.filled < v.headcount)`,
  createdAt: employers.createdAt,
  updatedAt: employers.updatedAt,
};

export interface EmployerFilter {
  q?: string | undefined;
  regionCode?: string | undefined;
  industry?: string | undefined;
}

/** A page of employers in scope, newest first; q matches the name or the credit code. */
export async function listEmployers(ctx: Ctx, filter: EmployerFilter, paging: Paging) {
  const conds: SQL[] = [withinScope(ctx, employers.regionCode)];
  if (filter.q) conds.push(or(ilike(employers.name, `%${filter.q}%`), eq(employers.creditCode, filter.q.toUpperCase()))!);
  if (filter.regionCode) conds.push(inArea(employers.regionCode, filter.regionCode.replace(/0+$/, '')));
  // A 门类 takes in its 大类 (C finds C and C34): the roll-up of GB/T 4754-2017's hierarchy.
  if (filter.industry)
    conds.push(
      filter.industry.length === 1
        ? sql`(${employers.industry} = ${filter.industry} OR ${employers.industry} LIKE ${`${filter.industry}__`})`
        : eq(employers.industry, filter.industry),
    );
  const where = and(...conds);
  const items = await ctx.db
    .select(employerColumns)
    .from(employers)
    .leftJoin(regions, eq(regions.code, employers.regionCode))
    .where(where)
    .orderBy(desc(employers.createdAt), asc(employers.name))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(employers)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

/** One employer in scope, or undefined. */
export async function findEmployer(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select(employerColumns)
    .from(employers)
    .leftJoin(regions, eq(regions.code, employers.regionCode))
    .where(and(eq(employers.id, id), withinScope(ctx, employers.regionCode)));
  return row;
}

/** The employer holding a credit code, whatever the scope (for the duplicate check). */
export async function findByCreditCode(ctx: Ctx, creditCode: string) {
  const [row] = await ctx.db
    .select({ id: employers.id, name: employers.name, regionCode: employers.regionCode })
    .from(employers)
    .where(eq(employers.creditCode, creditCode));
  return row;
}

export async function insertEmployer(ctx: Ctx, row: typeof employers.$inferInsert) {
  await ctx.db.insert(employers).values(row);
}

export async function updateEmployer(ctx: Ctx, id: string, patch: Partial<typeof employers.$inferInsert>) {
  await ctx.db.update(employers).set(patch).where(eq(employers.id, id));
}

export async function insertFiling(ctx: Ctx, row: typeof employerFilings.$inferInsert) {
  await ctx.db.insert(employerFilings).values(row);
}

/** An employer's filings, newest first. */
export function filingsOf(ctx: Ctx, employerId: string) {
  return ctx.db
    .select()
    .from(employerFilings)
    .where(eq(employerFilings.employerId, employerId))
    .orderBy(desc(employerFilings.date), desc(employerFilings.createdAt));
}
