// SQL for policy notices: staff lists limited to the caller's scope, and the board's reads of
// published, currently valid notices.
import { and, desc, eq, getTableColumns, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { prefixLengthByLevel, scopeOf } from '../../../shared/region.js';
import type { Database } from '../../db/connection.js';
import { policyNotices, regions, units } from '../../db/schema.js';
import { withinScope, type Ctx } from '../../platform/context.js';
import type { Paging } from '../../platform/http.js';
import { searchSql } from '../vacancies/index.js';
import { coveringRegionCodes } from './rules.js';

/** Status as the reader sees it: a published notice before its first day is scheduled, after its last expired. */
export function effectiveStatus(today: string): SQL<string> {
  const n = policyNotices;
  return sql<string>`CASE WHEN ${n.status} = 'published' AND ${n.validUntil} < ${today} THEN 'expired' WHEN ${n.status} = 'published' AND ${n.validFrom} > ${today} THEN 'scheduled' ELSE ${n.status} END`;
}

/** Published and within its dates today: what the public board shows. */
export function publiclyVisible(today: string): SQL {
  const n = policyNotices;
  return and(
    eq(n.status, 'published'),
    sql`(${n.validFrom} IS NULL OR ${n.validFrom} <= ${today})`,
    sql`(${n.validUntil} IS NULL OR ${n.validUntil} >= ${today})`,
  )!;
}

const noticeColumns = (today: string) => {
  const { search: _search, status: _status, ...columns } = getTableColumns(policyNotices);
  return { ...columns, status: effectiveStatus(today), regionName: regions.name, unitName: units.name };
};

/** A region-code prefix as given (2 to 12 digits), or a 12-digit code as its significant prefix. */
const areaPrefix = (code: string) => (code.length === 12 ? scopeOf(code) : code);

/** `LIKE` pattern text with its wildcards taken literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface NoticeFilter {
  today: string;
  q?: string | undefined;
  status?: string | undefined;
  category?: string | undefined;
  regionCode?: string | undefined;
}

const selectNotices = (db: Database, today: string) =>
  db
    .select(noticeColumns(today))
    .from(policyNotices)
    .leftJoin(regions, eq(regions.code, policyNotices.regionCode))
    .leftJoin(units, eq(units.id, policyNotices.unitId));

/** A page of notices in scope: submitted first (they wait for someone), then newest. */
export async function listNotices(ctx: Ctx, filter: NoticeFilter, paging: Paging) {
  const conds: SQL[] = [withinScope(ctx, policyNotices.regionCode)];
  if (filter.q) conds.push(ilike(policyNotices.title, `%${literal(filter.q)}%`));
  if (filter.status) conds.push(sql`${effectiveStatus(filter.today)} = ${filter.status}`);
  if (filter.category) conds.push(eq(policyNotices.category, filter.category));
  if (filter.regionCode) conds.push(like(policyNotices.regionCode, `${areaPrefix(filter.regionCode)}%`));
  const where = and(...conds);
  const items = await selectNotices(ctx.db, filter.today)
    .where(where)
    .orderBy(desc(sql`${policyNotices.status} = 'submitted'`), desc(policyNotices.updatedAt), desc(policyNotices.id))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(policyNotices)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

/** One notice in scope, or undefined. */
export async function findNotice(ctx: Ctx, id: string, today: string) {
  const [row] = await selectNotices(ctx.db, today).where(and(eq(policyNotices.id, id), withinScope(ctx, policyNotices.regionCode)));
  return row;
}

/** The stored row, locked for a change, if it lies in scope. */
export async function findNoticeRowForUpdate(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(policyNotices)
    .where(and(eq(policyNotices.id, id), withinScope(ctx, policyNotices.regionCode)))
    .for('update');
  return row;
}

const searchVector = (tokens: string[]) => sql`array_to_tsvector(${sql.param(tokens)}::text[])`;

/** Stores a new notice with its search tokens. */
export async function insertNotice(ctx: Ctx, row: Omit<typeof policyNotices.$inferInsert, 'search'>, tokens: string[]) {
  await ctx.db.insert(policyNotices).values({ ...row, search: searchVector(tokens) });
}

/** Changes a notice; new tokens when its text changed. */
export async function updateNotice(
  ctx: Ctx,
  id: string,
  patch: Partial<Omit<typeof policyNotices.$inferInsert, 'search' | 'id'>>,
  tokens?: string[],
) {
  await ctx.db
    .update(policyNotices)
    .set({ ...patch, ...(tokens ? { search: searchVector(tokens) } : {}) })
    .where(eq(policyNotices.id, id));
}

export interface PublicNoticeFilter {
  today: string;
  tsquery?: string | null | undefined;
  /** An area: its own notices and those of the divisions above it. */
  regionCode?: string | undefined;
  category?: string | undefined;
}

/** Characters of the body the board's list shows. */
const excerptLength = 120;

const publicColumns = {
  id: policyNotices.id,
  title: policyNotices.title,
  category: policyNotices.category,
  regionCode: policyNotices.regionCode,
  regionName: regions.name,
  publisherName: units.name,
  publishedOn: sql<string>`${policyNotices.publishedOn}::text`,
  validFrom: policyNotices.validFrom,
  validUntil: policyNotices.validUntil,
};

/** A page of the board's notices, newest first. */
export async function searchPublic(db: Database, filter: PublicNoticeFilter, paging: Paging) {
  const conds: SQL[] = [publiclyVisible(filter.today)];
  if (filter.tsquery) {
    // As on the vacancies' board: every bigram from the index, then each phrase in the text itself.
    conds.push(
      ...searchSql(
        filter.tsquery,
        policyNotices.search,
        (pattern) => sql`concat_ws(' ', ${policyNotices.title}, ${policyNotices.body}) LIKE ${pattern}`,
      ),
    );
  }
  if (filter.category) conds.push(eq(policyNotices.category, filter.category));
  if (filter.regionCode) {
    const prefix = areaPrefix(filter.regionCode);
    const above = coveringRegionCodes(prefix, Object.values(prefixLengthByLevel));
    const within = like(policyNotices.regionCode, `${prefix}%`);
    conds.push(above.length ? or(within, inArray(policyNotices.regionCode, above))! : within);
  }
  const where = and(...conds);
  const items = await db
    .select({ ...publicColumns, excerpt: sql<string>`left(${policyNotices.body}, ${excerptLength})` })
    .from(policyNotices)
    .leftJoin(regions, eq(regions.code, policyNotices.regionCode))
    .leftJoin(units, eq(units.id, policyNotices.unitId))
    .where(where)
    .orderBy(desc(policyNotices.publishedAt), desc(policyNotices.id))
    .limit(paging.limit)
    .offset(paging.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(policyNotices)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

/** One notice as the board shows it; undefined unless published and valid today. */
export async function findPublic(db: Database, id: string, today: string) {
  const [row] = await db
    .select({ ...publicColumns, body: policyNotices.body, sources: policyNotices.sources })
    .from(policyNotices)
    .leftJoin(regions, eq(regions.code, policyNotices.regionCode))
    .leftJoin(units, eq(units.id, policyNotices.unitId))
    .where(and(eq(policyNotices.id, id), publiclyVisible(today)));
  return row;
}
