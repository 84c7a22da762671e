// SQL behind the full-employment community criteria (AID-9): per community of a region prefix, the
// counts each criterion rests on, as of a date, from dated records only (registration events with
// their corrections, recognitions, certificate events, zero-employment cases), so a past month
// counts the same later unless a late entry dated before it arrives.
import { sql } from 'drizzle-orm';
import { inArea, type Ctx } from '../../platform/context.js';

export interface WorkingAges {
  min: number;
  maxMale: number;
  maxFemale: number;
}

export interface CommunityCounts {
  regionCode: string;
  regionName: string;
  streetName: string;
  /** Jobless persons of working age with labour capacity (not retired, not still at school) … */
  jobless: number;
  /** … of whom registered unemployed. */
  registeredUnemployed: number;
  /** Every registered unemployed person on the date (the certificates' denominator) … */
  unemployedAll: number;
  /** … of whom holding a certificate (issued, not withdrawn) on the date. */
  certified: number;
  /** Persons recognised as 4050 with the recognition in force on the date, or ended by their employment … */
  persons4050: number;
  /** … of whom employed on the date. */
  placed4050: number;
  /** Zero-employment cases detected by the date … */
  zeroEmploymentCases: number;
  /** … open past their deadline on the date. */
  zeroEmploymentOverdue: number;
}

/**
 * Communities (12-digit, level 5) under `prefix` whose ledger holds someone (a community without a
 * ledger has nothing to judge), with their counts as of `asOf`. Working age is judged by `ages`.
 */
export async function communityCounts(ctx: Ctx, prefix: string, asOf: string, ages: WorkingAges): Promise<CommunityCounts[]> {
  const result = await ctx.db.execute(sql`
    WITH people AS (
      SELECT p.id, p.region_code, p.sex, p.birth_date, p.labour_capacity, p.retiree, p.graduation_year
        FROM persons p
       WHERE ${inArea(sql`p.region_code`, prefix)}
         AND p.id NOT IN (SELECT q.id FROM persons q JOIN person_import_batches b ON b.id = q.import_batch WHERE b.applied_at IS NULL)
    ),
    -- The status on the date: the latest employment/unemployment event by its (corrected) date, voided ones left out.
    status AS (
      SELECT DISTINCT ON (e.person_id) e.person_id, e.type
        FROM registration_events e
        JOIN people ON people.id = e.person_id
        LEFT JOIN LATERAL (
              SELECT x.details FROM registration_events x
               WHERE x.corrects_event_id = e.id AND x.type = 'correction'
               ORDER BY x.created_at DESC LIMIT 1) c ON true
       WHERE e.type IN ('employment', 'employment_end', 'unemployment', 'unemployment_end')
         AND COALESCE(c.details->>'action', '') <> 'void'
         AND COALESCE((c.details->>'date')::date, e.date) <= ${asOf}::date
       ORDER BY e.person_id, COALESCE((c.details->>'date')::date, e.date) DESC, e.created_at DESC
    ),
    facts AS (

      SELECT people.region_code,
             people.id,
             s.type AS last_type,
             (people.labour_capacity <> 'none' AND NOT people.retiree
               AND (people.graduation_year IS NULL OR people.graduation_year <= extract(year FROM ${asOf}::date))
               AND date_part('year', age(${asOf}::date, people.birth_date)) >= ${ages.min}
               AND date_part('year', age(${asOf}::date, people.birth_date))
                   < CASE WHEN people.sex = 'M' THEN ${ages.maxMale}::int ELSE ${ages.maxFemale}::int END) AS able,
             (SELECT ce.action FROM certificate_events ce
               WHERE ce.person_id = people.id AND ce.date <= ${asOf}::date
               ORDER BY ce.date DESC, ce.created_at DESC LIMIT 1) AS certificate_action,
             EXISTS (SELECT 1 FROM hard_to_employ_recognitions h
                      WHERE h.person_id = people.id AND h.category = 'person_4050' AND h.recognised_on <= ${asOf}::date
                        AND ((   (h.revoked_on IS NULL OR h.revoked_on > ${asOf}::date)
                             AND (h.valid_until IS NULL OR h.valid_until >= ${asOf}::date))
                          OR s.type = 'employment')) AS is_4050
        FROM people LEFT JOIN status s ON s.person_id = people.id
    ),
    by_person AS (
      SELECT f.region_code,
             count(*) FILTER (WHERE f.able AND f.last_type IS DISTINCT FROM 'employment')::int AS jobless,
             count(*) FILTER (WHERE f.able AND f.last_type = 'unemployment')::int AS registered_unemployed,
             count(*) FILTER (WHERE f.last_type = 'unemployment' AND f.certificate_action IN ('issue', 'reissue'))::int AS certified,
             count(*) FILTER (WHERE f.last_type = 'unemployment')::int AS unemployed_all,
             count(*) FILTER (WHERE f.is_4050)::int AS persons_4050,
             count(*) FILTER (WHERE f.is_4050 AND f.last_type = 'employment')::int AS placed_4050
        FROM facts f GROUP BY f.region_code
    ),
    cases AS (
      SELECT z.region_code,
             count(*)::int AS cases,
             count(*) FILTER (WHERE z.deadline < ${asOf}::date AND (z.resolved_on IS NULL OR z.resolved_on > ${asOf}::date))::int AS overdue
        FROM zero_employment_cases z
       WHERE ${inArea(sql`z.region_code`, prefix)} AND z.detected_on <= ${asOf}::date
       GROUP BY z.region_code
    )
    SELECT r.code AS "regionCode", r.name AS "regionName", COALESCE(st.name, '') AS "streetName",
           b.jobless, b.registered_unemployed AS "registeredUnemployed", b.unemployed_all AS "unemployedAll", b.certified,
           b.persons_4050 AS "persons4050", b.placed_4050 AS "placed4050",
           COALESCE(c.cases, 0) AS "zeroEmploymentCases", COALESCE(c.overdue, 0) AS "zeroEmploymentOverdue"
      FROM by_person b
      JOIN regions r ON r.code = b.region_code AND r.level = 5
      LEFT JOIN regions st ON st.code = r.parent_code
      LEFT JOIN cases c ON c.region_code = b.region_code
     ORDER BY r.code`);
  type Row = CommunityCounts;
  return (result as unknown as { rows: Row[] }).rows.map((r) => ({
    regionCode: r.regionCode,
    regionName: r.regionName,
    streetName: r.streetName,
    jobless: Number(r.jobless),
    registeredUnemployed: Number(r.registeredUnemployed),
    certified: Number(r.certified),
    persons4050: Number(r.persons4050),
    placed4050: Number(r.placed4050),
    zeroEmploymentCases: Number(r.zeroEmploymentCases),
    zeroEmploymentOverdue: Number(r.zeroEmploymentOverdue),
    unemployedAll: Number(r.unemployedAll),
  }));
}
