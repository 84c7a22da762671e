// SQL of matching (JOB-4): the best-scored rows of one tier of candidates from the match profiles,
// with the display columns of those kept.
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { employers, persons, regions, seekerMatchLookup, seekerMatchProfiles, vacancies, vacancyMatchProfiles } from '../../db/schema.js';
import type { Database } from '../../db/connection.js';
import { withinScope, type Ctx } from '../../platform/context.js';
import { publiclyVisible } from '../vacancies/index.js';
import { unappliedImportPersonIds } from '../persons/index.js';
import { round1Sql } from './scoreSql.js';

/** One scored candidate: its id, score and the values that order equal scores. */
export interface Ranked {
  id: string;
  score: number;
  /** The occupation factor's points: at an equal score the same occupation comes first, then the same 小类. */
  occupation: number;
  /** published_at as UTC text to the microsecond (vacancies, newer first) or status_since (seekers, longer first); null last. */
  tie: string | null;
}

/** The SQL of a candidate's score (unrounded) and of its occupation points, from scoreSql.ts. */
export interface Scoring {
  total: SQL;
  occupation: SQL;
}

async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A vacancy as a seeker's match shows it (the board's columns) and the fields scoreMatch reads. */
export interface VacancyShown {
  title: string;
  employerName: string;
  occupation: string | null;
  skills: string[];
  wageMin: number;
  wageMax: number;
  education: string | null;
  hours: string;
  regionCode: string;
  regionName: string | null;
  headcount: number;
  filled: number;
  validUntil: string;
}

/**
 * The `limit` best vacancies among the published, visible ones in `where`, by the seeker's score
 * (`total`, vacancyTotalSql), newer first among equals, then by id, with what is shown of them.
 * The score reads only the narrow profiles; the wide rows, employers and regions are read for the
 * `limit` rows kept. The inner query is kept apart (OFFSET 0) so that each row's total is computed
 * once, not once per use in the rounding.
 */
export function rankVacancies(
  db: Database,
  { total, occupation }: Scoring,
  where: SQL,
  today: string,
  limit: number,
): Promise<(Ranked & { shown: VacancyShown })[]> {
  const p = vacancyMatchProfiles;
  const v = vacancies;
  return rowsOf<Ranked & { shown: VacancyShown }>(
    db,
    sql`SELECT r.id, r.score, r.occupation, r.tie,
               json_build_object('title', ${v.title}, 'employerName', ${employers.name}, 'occupation', ${v.occupation}, 'skills', ${v.skills},
                 'wageMin', ${v.wageMin}, 'wageMax', ${v.wageMax}, 'education', ${v.education}, 'hours', ${v.hours},
                 'regionCode', ${v.regionCode}, 'regionName', ${regions.name}, 'headcount', ${v.headcount}, 'filled', ${v.filled},
                 'validUntil', to_char(${v.validUntil}, 'YYYY-MM-DD')) AS shown
        FROM (SELECT s.id, ${round1Sql(sql`s.total`)} AS score, s.occupation, s.at, to_char(s.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS tie
              FROM (SELECT ${p.vacancyId} AS id, ${p.publishedAt} AS at, ${total} AS total, ${occupation} AS occupation
                    FROM ${p}
                    WHERE ${where} AND ${p.validUntil} >= ${today}::date AND ${p.filled} < ${p.headcount}
                    OFFSET 0) s
              ORDER BY score DESC, s.occupation DESC, s.at DESC NULLS LAST, s.id
              LIMIT ${limit}) r
        JOIN ${v} ON ${v.id} = r.id AND ${publiclyVisible(today)}
        JOIN ${employers} ON ${employers.id} = ${v.employerId}
        LEFT JOIN ${regions} ON ${regions.code} = ${v.regionCode}
        ORDER BY r.score DESC, r.occupation DESC, r.at DESC NULLS LAST, r.id`,
  );
}

/** A seeker as a vacancy's match shows them and the fields scoreMatch reads. */
export interface SeekerShown {
  name: string;
  idNumber: string;
  regionCode: string;
  regionName: string | null;
  employmentStatus: string;
  occupation: string | null;
  skills: string[];
  jobWishes: unknown;
  education: string | null;
  categories: string[];
  /** From the seeker's match profile: holds an active hard-to-employ recognition (AID-1). */
  priority: boolean;
}

/**
 * The `limit` best seekers in `where` (conditions on seeker_match_lookup, the caller's scope among
 * them) by the vacancy's score (seekerTotalSql), longer in their status first among equals, then
 * by id, with what is shown. Each candidate's profile is read by its key (LATERAL): joined plainly,
 * PostgreSQL hashed every profile of the city (100k rows, 16 ms) for a few hundred candidates.
 */
export function rankSeekers(
  ctx: Ctx,
  { total, occupation }: Scoring,
  where: SQL,
  limit: number,
): Promise<(Ranked & { shown: SeekerShown })[]> {
  const p = seekerMatchProfiles;
  const m = persons;
  return rowsOf<Ranked & { shown: SeekerShown }>(
    ctx.db,
    sql`SELECT r.id, r.score, r.occupation, r.tie,
               json_build_object('name', ${m.name}, 'idNumber', ${m.idNumberMasked}, 'regionCode', ${m.regionCode}, 'regionName', ${regions.name},
                 'employmentStatus', ${m.employmentStatus}, 'occupation', ${m.occupation}, 'skills', ${m.skills}, 'jobWishes', ${m.jobWishes},
                 'education', ${m.education}, 'categories', ${m.categories}, 'priority', r.priority) AS shown
        FROM (SELECT s.id, ${round1Sql(sql`s.total`)} AS score, s.occupation, s.since, to_char(s.since, 'YYYY-MM-DD') AS tie, s.priority
              FROM (SELECT l.id, c.since, c.priority, c.total, c.occupation
                    FROM (SELECT ${seekerMatchLookup.personId} AS id FROM ${seekerMatchLookup} WHERE ${where} OFFSET 0) l
                    CROSS JOIN LATERAL (
                      SELECT ${p.statusSince} AS since, ${p.priority} AS priority, ${total} AS total, ${occupation} AS occupation
                      FROM ${p}
                      WHERE ${p.personId} = l.id AND ${withinScope(ctx, p.regionCode)}) c
                    WHERE l.id NOT IN ${unappliedImportPersonIds}
                    OFFSET 0) s
              ORDER BY score DESC, s.occupation DESC, s.since ASC NULLS LAST, s.id
              LIMIT ${limit}) r
        JOIN ${m} ON ${m.id} = r.id AND ${withinScope(ctx, m.regionCode)}
        LEFT JOIN ${regions} ON ${regions.code} = ${m.regionCode}
        ORDER BY r.score DESC, r.occupation DESC, r.since ASC NULLS LAST, r.id`,
  );
}

/** Lookup keys overlap: the GIN index on seeker_match_lookup or vacancy_match_profiles answers it. */
export const keysOverlap = (column: AnyPgColumn, keys: readonly string[]) => sql`${column} && ${sql.param([...keys])}::text[]`;
