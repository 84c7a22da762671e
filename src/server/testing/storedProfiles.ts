// Persons and vacancies as stored now, each with the profile shared/matchProfiles.ts builds from
// its row (JOB-4): what the matching tests compare the stored match profiles and the API's answers
// against, read straight from the tables and not through the code under test.
import { sql, type SQL } from 'drizzle-orm';
import { seekerProfileOf, vacancyProfileOf, type SeekerProfile, type VacancyProfile } from '../../shared/matchProfiles.js';
import type { DbHandle } from '../db/connection.js';
import { queryRows } from './testApp.js';

/** A person stored now and the profile built from their row; priority from recognitions in force on `today`. */
export interface StoredPerson {
  id: string;
  regionCode: string;
  jobSeeking: boolean;
  employmentStatus: string;
  statusSince: string | null;
  profile: SeekerProfile;
}

/** A vacancy stored now and the profile built from its row. */
export interface StoredVacancy {
  id: string;
  regionCode: string;
  status: string;
  validUntil: string;
  headcount: number;
  filled: number;
  /** published_at as UTC text to the microsecond, as matching breaks ties. */
  publishedAt: string | null;
  profile: VacancyProfile;
}

/** Every person (or those `where` keeps: a condition on `persons`) with their profile. */
export async function storedPersons(db: DbHandle['db'], today: string, where: SQL = sql`true`): Promise<StoredPerson[]> {
  const rows = await queryRows<{
    id: string;
    region_code: string;
    occupation: string | null;
    skills: string[];
    job_wishes: unknown;
    education: string | null;
    priority: boolean;
    job_seeking: boolean;
    employment_status: string;
    status_since: string | null;
  }>(
    db,
    sql`SELECT id, region_code, occupation, skills, job_wishes, education, job_seeking, employment_status, to_char(status_since, 'YYYY-MM-DD') AS status_since,
               EXISTS (SELECT 1 FROM hard_to_employ_recognitions r WHERE r.person_id = persons.id AND r.revoked_on IS NULL
                       AND (r.valid_until IS NULL OR r.valid_until >= ${today}::date)) AS priority
        FROM persons WHERE ${where}`,
  );
  return rows.map((p) => ({
    id: p.id,
    regionCode: p.region_code,
    jobSeeking: p.job_seeking,
    employmentStatus: p.employment_status,
    statusSince: p.status_since,
    profile: seekerProfileOf({ ...p, regionCode: p.region_code, jobWishes: p.job_wishes }),
  }));
}

/** Every vacancy (or those `where` keeps: a condition on `vacancies`) with its profile. */
export async function storedVacancies(db: DbHandle['db'], where: SQL = sql`true`): Promise<StoredVacancy[]> {
  const rows = await queryRows<{
    id: string;
    region_code: string;
    occupation: string | null;
    skills: string[];
    wage_min: number;
    wage_max: number;
    education: string | null;
    hours: string;
    status: string;
    valid_until: string;
    headcount: number;
    filled: number;
    published_at: string | null;
  }>(
    db,
    sql`SELECT id, region_code, occupation, skills, wage_min, wage_max, education, hours, status, to_char(valid_until, 'YYYY-MM-DD') AS valid_until,
               headcount, filled, to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS published_at
        FROM vacancies WHERE ${where}`,
  );
  return rows.map((v) => ({
    id: v.id,
    regionCode: v.region_code,
    status: v.status,
    validUntil: v.valid_until,
    headcount: v.headcount,
    filled: v.filled,
    publishedAt: v.published_at,
    profile: vacancyProfileOf({ ...v, regionCode: v.region_code, wageMin: v.wage_min, wageMax: v.wage_max }),
  }));
}
