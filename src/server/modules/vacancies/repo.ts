// SQL for vacancies: staff lists limited to the caller's scope, and the public board's search.
import { and, desc, eq, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import { employers, regions, vacancies, vacancyMatchProfiles } from '../../db/schema.js';
import { vacancyMatchColumns, vacancyProfileOf } from '../../../shared/matchProfiles.js';
import { withTransaction, withinScope, type Ctx } from '../../platform/context.js';
import type { Database } from '../../db/connection.js';
import { bulkInsert, type BulkColumn } from '../../db/bulk.js';
import type { Paging } from '../../platform/http.js';
import { searchSql } from './searchText.js';

/** Status as the reader sees it: a published vacancy past its date is expired, one with every post taken is filled. */
export function effectiveStatus(today: string): SQL<string> {
  return sql<string>`CASE WHEN ${vacancies.status} = 'published' AND ${vacancies.validUntil} < ${today} THEN 'expired' WHEN ${vacancies.status} = 'published' AND ${vacancies.filled} >= ${vacancies.headcount} THEN 'filled' ELSE ${vacancies.status} END`;
}

/** The published, unexpired vacancies with posts still open: what the public board shows. */
export function publiclyVisible(today: string): SQL {
  return and(eq(vacancies.status, 'published'), gte(vacancies.validUntil, today), sql`${vacancies.filled} < ${vacancies.headcount}`)!;
}

/** The columns the public board shows of a vacancy (also the ILIKE baseline of the benchmark). */
export const publicColumns = {
  id: vacancies.id,
  employerId: vacancies.employerId,
  employerName: employers.name,
  title: vacancies.title,
  occupation: vacancies.occupation,
  headcount: vacancies.headcount,
  filled: vacancies.filled,
  wageMin: vacancies.wageMin,
  wageMax: vacancies.wageMax,
  education: vacancies.education,
  skills: vacancies.skills,
  hours: vacancies.hours,
  regionCode: vacancies.regionCode,
  regionName: regions.name,
  address: vacancies.address,
  validUntil: vacancies.validUntil,
  source: vacancies.source,
  fairId: vacancies.fairId,
  publishedAt: vacancies.publishedAt,
};

export function vacancyColumns(today: string) {
  return {
    ...publicColumns,
    description: vacancies.description,
    status: effectiveStatus(today),
    screening: vacancies.screening,
    reviewComment: vacancies.reviewComment,
    reviewedBy: vacancies.reviewedBy,
    reviewedAt: vacancies.reviewedAt,
    surveyId: vacancies.surveyId,
    createdBy: vacancies.createdBy,
    createdAt: vacancies.createdAt,
    updatedAt: vacancies.updatedAt,
  };
}

export interface VacancyFilter {
  today: string;
  q?: string | undefined;
  /** A tsquery from searchQuery(q). */
  tsquery?: string | null | undefined;
  status?: string | undefined;
  flagged?: boolean | undefined;
  employerId?: string | undefined;
  regionCode?: string | undefined;
  occupation?: string | undefined;
  source?: string | undefined;
  fairId?: string | undefined;
}

const prefixOf = (code: string) => `${code.replace(/0+$/, '')}%`;

/**
 * A query from searchQuery as conditions (searchSql): the GIN index, then each phrase as it stands
 * in one of the texts that were indexed (title, description, skills, employer name).
 */
function searchConditions(tsquery: string): SQL[] {
  return searchSql(
    tsquery,
    vacancies.search,
    (pattern) =>
      sql`(concat_ws(' ', ${vacancies.title}, ${vacancies.description}, array_to_string(${vacancies.skills}, ' ')) LIKE ${pattern} OR EXISTS (SELECT 1 FROM ${employers} phrase_employer WHERE phrase_employer.id = ${vacancies.employerId} AND phrase_employer.name LIKE ${pattern}))`,
  );
}

/** Conditions shared by the staff list and the public board. */
function commonConditions(filter: {
  tsquery?: string | null | undefined;
  regionCode?: string | undefined;
  occupation?: string | undefined;
}): SQL[] {
  const conds: SQL[] = [];
  if (filter.tsquery) conds.push(...searchConditions(filter.tsquery));
  if (filter.regionCode) conds.push(like(vacancies.regionCode, prefixOf(filter.regionCode)));
  if (filter.occupation) conds.push(like(vacancies.occupation, `${filter.occupation}%`));
  return conds;
}

/** A page of vacancies in scope, newest first. */
export async function listVacancies(ctx: Ctx, filter: VacancyFilter, paging: Paging) {
  const conds: SQL[] = [withinScope(ctx, vacancies.regionCode), ...commonConditions(filter)];
  if (filter.q && !filter.tsquery) conds.push(sql`false`);
  if (filter.status) conds.push(sql`${effectiveStatus(filter.today)} = ${filter.status}`);
  if (filter.flagged !== undefined) conds.push(sql`(jsonb_array_length(${vacancies.screening} -> 'flags') > 0) = ${filter.flagged}`);
  if (filter.employerId) conds.push(eq(vacancies.employerId, filter.employerId));
  if (filter.source) conds.push(eq(vacancies.source, filter.source));
  if (filter.fairId) conds.push(eq(vacancies.fairId, filter.fairId));
  const where = and(...conds);
  const items = await ctx.db
    .select(vacancyColumns(filter.today))
    .from(vacancies)
    .innerJoin(employers, eq(employers.id, vacancies.employerId))
    .leftJoin(regions, eq(regions.code, vacancies.regionCode))
    .where(where)
    // The review queue puts vacancies with discrimination flags (not mere warnings) first.
    .orderBy(
      ...(filter.status === 'pending_review' ? [desc(sql`${vacancies.screening} -> 'flags' @> '[{"severity":"flag"}]'::jsonb`)] : []),
      desc(vacancies.createdAt),
    )
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(vacancies)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

/** One vacancy in scope, or undefined. */
export async function findVacancy(ctx: Ctx, id: string, today: string) {
  const [row] = await ctx.db
    .select(vacancyColumns(today))
    .from(vacancies)
    .innerJoin(employers, eq(employers.id, vacancies.employerId))
    .leftJoin(regions, eq(regions.code, vacancies.regionCode))
    .where(and(eq(vacancies.id, id), withinScope(ctx, vacancies.regionCode)));
  return row;
}

/** The stored row, locked for a change, if it lies in scope. */
export async function findVacancyRowForUpdate(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(vacancies)
    .where(and(eq(vacancies.id, id), withinScope(ctx, vacancies.regionCode)))
    .for('update');
  return row;
}

export async function insertVacancy(ctx: Ctx, row: Omit<typeof vacancies.$inferInsert, 'search'>, tokens: string[]) {
  const [stored] = await ctx.db
    .insert(vacancies)
    .values({ ...row, search: sql`array_to_tsvector(${sql.param(tokens)}::text[])` })
    .returning(storedForProfile);
  await keepMatchProfile(ctx, stored!);
}

export async function updateVacancy(
  ctx: Ctx,
  id: string,
  patch: Partial<Omit<typeof vacancies.$inferInsert, 'search'>>,
  tokens?: string[],
) {
  const [stored] = await ctx.db
    .update(vacancies)
    .set({ ...patch, ...(tokens ? { search: sql`array_to_tsvector(${sql.param(tokens)}::text[])` } : {}) })
    .where(eq(vacancies.id, id))
    .returning(storedForProfile);
  if (stored) await keepMatchProfile(ctx, stored);
}

/** What a match profile is built from (everything but the wide texts and the search vector). */
const storedForProfile = {
  id: vacancies.id,
  status: vacancies.status,
  regionCode: vacancies.regionCode,
  occupation: vacancies.occupation,
  skills: vacancies.skills,
  wageMin: vacancies.wageMin,
  wageMax: vacancies.wageMax,
  education: vacancies.education,
  hours: vacancies.hours,
  validUntil: vacancies.validUntil,
  headcount: vacancies.headcount,
  filled: vacancies.filled,
  publishedAt: vacancies.publishedAt,
};
export type StoredVacancy = { [K in keyof typeof storedForProfile]: (typeof vacancies.$inferSelect)[K] };

/** The vacancy_match_profiles row of a stored vacancy: what matching scores, or nothing unless published. */
export function vacancyMatchProfileRow(v: StoredVacancy): typeof vacancyMatchProfiles.$inferInsert | null {
  if (v.status !== 'published') return null;
  return {
    vacancyId: v.id,
    ...vacancyMatchColumns(vacancyProfileOf(v)),
    validUntil: v.validUntil,
    headcount: v.headcount,
    filled: v.filled,
    publishedAt: v.publishedAt,
  };
}

/**
 * Keeps the vacancy's match profile in step with the row just written, in the same transaction:
 * every write of vacancies goes through insertVacancy, updateVacancy or setFilled. A row exists
 * exactly while the vacancy is published.
 */
async function keepMatchProfile(ctx: Ctx, stored: StoredVacancy) {
  const row = vacancyMatchProfileRow(stored);
  if (!row) {
    await ctx.db.delete(vacancyMatchProfiles).where(eq(vacancyMatchProfiles.vacancyId, stored.id));
    return;
  }
  const { vacancyId: _id, ...columns } = row;
  await ctx.db.insert(vacancyMatchProfiles).values(row).onConflictDoUpdate({ target: vacancyMatchProfiles.vacancyId, set: columns });
}

export interface PublicFilter {
  today: string;
  tsquery?: string | null | undefined;
  regionCode?: string | undefined;
  occupation?: string | undefined;
  wageMin?: number | undefined;
  postedSince?: Date | undefined;
}

/**
 * The board counts its hits up to this many and then says "more than": counting every hit of 司机
 * on a city's board reads thousands of rows for a figure nobody pages through (docs/performance.md).
 */
export const publicCountCap = 1000;

/**
 * A page of the public board: published, unexpired, open vacancies, newest first. `total` counts
 * at most publicCountCap + 1 hits; `totalCapped` says it stopped there (there are more than
 * publicCountCap). On the last page the total is exact whatever its size.
 */
export async function searchPublic(db: Database, filter: PublicFilter, paging: Paging) {
  const text = filter.tsquery ? searchConditions(filter.tsquery) : [];
  const conds: SQL[] = [publiclyVisible(filter.today), ...commonConditions({ ...filter, tsquery: null })];
  if (filter.wageMin !== undefined) conds.push(gte(vacancies.wageMax, filter.wageMin));
  if (filter.postedSince) conds.push(gte(vacancies.publishedAt, filter.postedSince));
  const where = and(...conds, ...text);
  const countQuery = async () => {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(
      db
        .select({ one: sql`1` })
        .from(vacancies)
        .where(where)
        .limit(publicCountCap + 1)
        .as('hits'),
    );
    return row?.n ?? 0;
  };
  // A query with more hits than the cap (at least one live vacancy in a hundred) has a page among
  // the newest few thousand: read newest first (vacancies_public_idx) and stop at the page. The
  // planner cannot tell: it takes a common bigram, or a word with its synonyms, for rare, and would
  // fetch every hit and sort them (保洁, 6,000 hits: 23 ms against 2). Wrapped in coalesce, the
  // text conditions are no index conditions, so the newest-first scan is its plan.
  const pageQuery = (newestFirst: boolean) => {
    const pageWhere = newestFirst ? and(...conds, sql`coalesce(${and(...text)}, false)`) : where;
    // The page's vacancies first, then their employers and places: joined before the limit, every
    // hit of a query the planner takes for rare would be joined before the 20 newest are kept.
    const page = db
      .select({ id: vacancies.id })
      .from(vacancies)
      .where(pageWhere)
      .orderBy(desc(vacancies.publishedAt), desc(vacancies.id))
      .limit(paging.limit)
      .offset(paging.offset)
      .as('page');
    return db
      .select({ ...publicColumns, employerName: employers.name })
      .from(page)
      .innerJoin(vacancies, eq(vacancies.id, page.id))
      .innerJoin(employers, eq(employers.id, vacancies.employerId))
      .leftJoin(regions, eq(regions.code, vacancies.regionCode))
      .orderBy(desc(vacancies.publishedAt), desc(vacancies.id));
  };
  const mayReadNewestFirst = text.length > 0 && paging.offset <= newestFirstMaxOffset;
  // Whether the same search was counted a moment ago. Had it more hits than the cap, it shows
  // "1000+" again without counting (the count of a common search was most of its time; a count
  // falling under the cap shows within commonnessKeptMs, when the search is counted afresh). Had it
  // fewer, the count and the page run at once (on PostgreSQL on two connections). A search not
  // seen lately is counted first.
  const key = mayReadNewestFirst
    ? JSON.stringify([filter.tsquery, filter.regionCode, filter.occupation, filter.wageMin, filter.postedSince, filter.today])
    : '';
  const known = mayReadNewestFirst ? commonness.get(key) : { common: false, at: Date.now() };
  let counted: number;
  let items: Awaited<ReturnType<typeof pageQuery>>;
  if (known?.common && Date.now() - known.at < commonnessKeptMs) [counted, items] = [publicCountCap + 1, await pageQuery(true)];
  else if (known && Date.now() - known.at < commonnessKeptMs) [counted, items] = await Promise.all([countQuery(), pageQuery(false)]);
  else {
    counted = await countQuery();
    remember(key, counted > publicCountCap);
    items = await pageQuery(counted > publicCountCap);
  }
  // A short page that is not past the end is the last one: its total is exact whatever its size.
  if (items.length < paging.limit && (items.length > 0 || paging.offset === 0))
    return { items, total: paging.offset + items.length, totalCapped: false };
  return { items, total: counted, totalCapped: counted > publicCountCap };
}

/** Board searches seen lately and whether they had more hits than the cap (the newest first at most this many). */
const commonness = new Map<string, { common: boolean; at: number }>();
const commonnessKept = 1000;
const commonnessKeptMs = 5 * 60_000;

function remember(key: string, common: boolean) {
  commonness.delete(key);
  commonness.set(key, { common, at: Date.now() });
  if (commonness.size > commonnessKept) commonness.delete(commonness.keys().next().value!);
}

/** Past this offset a common query's page is no longer near the newest rows: the index finds it. */
const newestFirstMaxOffset = 200;

/** One vacancy as the public sees it, with the employer's public details; undefined unless visible. */
export async function findPublic(db: Database, id: string, today: string) {
  const [row] = await db
    .select({
      ...publicColumns,
      description: vacancies.description,
      employerAddress: employers.address,
      employerContact: employers.contactName,
      employerPhone: employers.contactPhone,
      employerIndustry: employers.industry,
      employerSize: employers.size,
    })
    .from(vacancies)
    .innerJoin(employers, eq(employers.id, vacancies.employerId))
    .leftJoin(regions, eq(regions.code, vacancies.regionCode))
    .where(and(eq(vacancies.id, id), publiclyVisible(today)));
  return row;
}

/** A vacancy row locked until the transaction ends (no scope: the caller already holds its referral). */
export async function lockVacancyRow(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(vacancies).where(eq(vacancies.id, id)).for('update');
  return row;
}

/** Sets how many posts are filled. */
export async function setFilled(ctx: Ctx, id: string, filled: number) {
  await updateVacancy(ctx, id, { filled, updatedAt: ctx.now() });
}

type VacancyProfileRow = typeof vacancyMatchProfiles.$inferInsert;
/** Columns of a bulk insert of vacancy match profiles (a bulk load of vacancies, as the benchmark's). */
export const vacancyProfileBulkColumns: BulkColumn<VacancyProfileRow>[] = [
  { name: 'vacancy_id', type: 'uuid', value: (r) => r.vacancyId },
  { name: 'region_code', type: 'varchar', value: (r) => r.regionCode },
  { name: 'lookup_keys', type: 'text[]', value: (r) => r.lookupKeys },
  { name: 'occupation', type: 'text', value: (r) => r.occupation },
  { name: 'occupation_group', type: 'text', value: (r) => r.occupationGroup },
  { name: 'skills', type: 'text[]', value: (r) => r.skills },
  { name: 'wage_max', type: 'integer', value: (r) => r.wageMax },
  { name: 'education_rank', type: 'integer', value: (r) => r.educationRank },
  { name: 'hours', type: 'text', value: (r) => r.hours },
  { name: 'valid_until', type: 'date', value: (r) => r.validUntil },
  { name: 'headcount', type: 'integer', value: (r) => r.headcount },
  { name: 'filled', type: 'integer', value: (r) => r.filled },
  { name: 'published_at', type: 'timestamptz', value: (r) => r.publishedAt },
];

/** Match profiles of vacancies loaded in bulk (rows already inserted), in chunks; unpublished ones have none. */
export async function insertVacancyProfilesInBulk(db: Database, stored: StoredVacancy[]) {
  const rows = stored.map(vacancyMatchProfileRow).filter((r) => r !== null);
  await bulkInsert(db, 'vacancy_match_profiles', vacancyProfileBulkColumns, rows);
}

/**
 * Rebuilds the match profiles of all published vacancies from the rows as stored, `chunk` per
 * transaction in id order: see persons' rebuildSeekerMatchProfiles (bootstrap.ts runs both once per
 * vocabulary version). Returns the vacancies read.
 */
export async function rebuildVacancyMatchProfiles(ctx: Ctx, chunk = 2000): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let read = 0;
  for (;;) {
    const rows: StoredVacancy[] = await ctx.db
      .select(storedForProfile)
      .from(vacancies)
      .where(and(eq(vacancies.status, 'published'), sql`${vacancies.id} > ${after}::uuid`))
      .orderBy(vacancies.id)
      .limit(chunk);
    if (rows.length === 0) return read;
    read += rows.length;
    after = rows[rows.length - 1]!.id;
    await withTransaction(ctx, async (tx) => {
      await tx.db.execute(
        sql`DELETE FROM ${vacancyMatchProfiles} WHERE ${vacancyMatchProfiles.vacancyId} IN (SELECT unnest(${sql.param(rows.map((r) => r.id))}::uuid[]))`,
      );
      await insertVacancyProfilesInBulk(tx.db, rows);
    });
  }
}

/**
 * Marks the published vacancies whose last valid day is before `today` as expired and returns
 * them; none when a run of the same day already did (the expiry job's idempotence).
 */
export async function expirePublished(ctx: Ctx, today: string) {
  return ctx.db
    .update(vacancies)
    .set({ status: 'expired', updatedAt: ctx.now() })
    .where(and(eq(vacancies.status, 'published'), lt(vacancies.validUntil, today)))
    .returning({ id: vacancies.id, regionCode: vacancies.regionCode, validUntil: vacancies.validUntil, title: vacancies.title });
}
