// SQL of matching (JOB-4): the best-scored rows of one tier of candidates from the match profiles,
// and the display columns of the few that are shown.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { employers, persons, regions, seekerMatchLookup, seekerMatchProfiles, vacancies, vacancyMatchProfiles } from '../../db/schema.js';
import type { Database } from '../../db/connection.js';
import { withinScope, type Ctx } from '../../platform/context.js';
import { publiclyVisible } from '../vacancies/index.js';
import { round1Sql } from './scoreSql.js';

/** One scored candidate: its id, score and the value that orders equal scores. */
export interface Ranked {
  id: string;
  score: number;
  /** published_at (vacancies, newer first) or status_since (seekers, longer first); null last. */
  tie: string | null;
}

async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * The `limit` best vacancies among the published, visible ones in `where`, by the seeker's score
 * (`total`, vacancyTotalSql), newer first among equals, then by id. The inner query is kept apart
 * (OFFSET 0) so that each row's total is computed once, not once per use in the rounding.
 */
export function rankVacancies(db: Database, total: SQL, where: SQL, today: string, limit: number): Promise<Ranked[]> {
  const p = vacancyMatchProfiles;
  return rowsOf<Ranked>(
    db,
    sql`SELECT s.id, ${round1Sql(sql`s.total`)} AS score, to_char(s.tie AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS tie
        FROM (SELECT ${p.vacancyId} AS id, ${p.publishedAt} AS tie, ${total} AS total
              FROM ${p}
              WHERE ${where} AND ${p.validUntil} >= ${today}::date AND ${p.filled} < ${p.headcount}
              OFFSET 0) s
        ORDER BY score DESC, s.tie DESC NULLS LAST, s.id
        LIMIT ${limit}`,
  );
}

/**
 * The `limit` best seekers in `where` (which holds the caller's scope) by the vacancy's score
 * (seekerTotalSql), longer in their status first among equals, then by id.
 */
export function rankSeekers(ctx: Ctx, total: SQL, where: SQL, limit: number): Promise<Ranked[]> {
  const p = seekerMatchProfiles;
  return rowsOf<Ranked>(
    ctx.db,
    sql`SELECT s.id, ${round1Sql(sql`s.total`)} AS score, to_char(s.tie, 'YYYY-MM-DD') AS tie
        FROM (SELECT ${p.personId} AS id, ${p.statusSince} AS tie, ${total} AS total
              FROM ${seekerMatchLookup} JOIN ${p} ON ${p.personId} = ${seekerMatchLookup.personId}
              WHERE ${where}
              OFFSET 0) s
        ORDER BY score DESC, s.tie ASC NULLS LAST, s.id
        LIMIT ${limit}`,
  );
}

/** Lookup keys overlap: the GIN index on seeker_match_lookup or vacancy_match_profiles answers it. */
export const keysOverlap = (column: AnyPgColumn, keys: readonly string[]) => sql`${column} && ${sql.param([...keys])}::text[]`;

/** The vacancies shown for a seeker, as the board shows them, if still visible. */
export function vacanciesShown(db: Database, ids: string[], today: string) {
  return db
    .select({
      id: vacancies.id,
      title: vacancies.title,
      employerName: employers.name,
      occupation: vacancies.occupation,
      skills: vacancies.skills,
      wageMin: vacancies.wageMin,
      wageMax: vacancies.wageMax,
      education: vacancies.education,
      hours: vacancies.hours,
      regionCode: vacancies.regionCode,
      regionName: regions.name,
      headcount: vacancies.headcount,
      filled: vacancies.filled,
      validUntil: vacancies.validUntil,
    })
    .from(vacancies)
    .innerJoin(employers, eq(employers.id, vacancies.employerId))
    .leftJoin(regions, eq(regions.code, vacancies.regionCode))
    .where(and(inArray(vacancies.id, ids), publiclyVisible(today)));
}

/** The seekers shown for a vacancy, in the caller's scope. */
export function seekersShown(ctx: Ctx, ids: string[]) {
  return ctx.db
    .select({
      id: persons.id,
      name: persons.name,
      idNumber: persons.idNumberMasked,
      regionCode: persons.regionCode,
      regionName: regions.name,
      employmentStatus: persons.employmentStatus,
      occupation: persons.occupation,
      skills: persons.skills,
      jobWishes: persons.jobWishes,
      education: persons.education,
      categories: persons.categories,
    })
    .from(persons)
    .leftJoin(regions, eq(regions.code, persons.regionCode))
    .where(and(inArray(persons.id, ids), withinScope(ctx, persons.regionCode)));
}
