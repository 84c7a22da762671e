// The indicators a campaign counts (AID-7): each one a SQL count over the records dated in the
// campaign's period, in its region, of its target groups. The records' own dates decide (DESIGN
// idea "real dates"): a service or a hire entered late but dated in the period counts, one dated
// outside does not, whenever it was typed. Nothing here is stored: results are counted when asked.
import { sql, type SQL } from 'drizzle-orm';
import { inArea, type Ctx } from '../../platform/context.js';
import type { CampaignIndicator } from '../../../shared/campaigns.js';

export interface CampaignScope {
  /** The region prefix of the campaign (scopeOf its region code). */
  prefix: string;
  startDate: string;
  endDate: string;
  /** Category codes and `graduates`; empty = everyone. */
  targetGroups: readonly string[];
}

/** Persons of a ledger import still being written are invisible to every count (REG-7). */
const visible = (personId: SQL) =>
  sql`${personId} NOT IN (SELECT p.id FROM persons p JOIN person_import_batches b ON b.id = p.import_batch WHERE b.applied_at IS NULL)`;

/**
 * The person is in one of the target groups during the period: a recognition of one of the
 * categories in force on some day of it (recognised by its end, not revoked or expired before its
 * start; an employment revokes a recognition on its own date, so a person placed in the period
 * stays in the group), or a graduate of the class of the period's year or the year before (seed 003
 * §(五) aims the graduates' week at those registered unemployed after graduating).
 */
export function inTargetGroups(personId: SQL, c: CampaignScope): SQL {
  if (c.targetGroups.length === 0) return sql`true`;
  const categories = c.targetGroups.filter((g) => g !== 'graduates');
  const parts: SQL[] = [];
  if (categories.length > 0)
    parts.push(sql`EXISTS (SELECT 1 FROM hard_to_employ_recognitions g
                       WHERE g.person_id = ${personId}
                         AND g.category IN (SELECT unnest(${sql.param(categories)}::text[]))
                         AND g.recognised_on <= ${c.endDate}::date
                         AND (g.revoked_on IS NULL OR g.revoked_on >= ${c.startDate}::date)
                         AND (g.valid_until IS NULL OR g.valid_until >= ${c.startDate}::date))`);
  if (c.targetGroups.includes('graduates'))
    parts.push(sql`EXISTS (SELECT 1 FROM persons g
                       WHERE g.id = ${personId}
                         AND g.graduation_year >= extract(year FROM ${c.endDate}::date)::int - 1
                         AND g.graduation_year <= extract(year FROM ${c.endDate}::date)::int)`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/**
 * Employment registrations with their corrections applied (registrations/rules.ts effectiveEvents:
 * the latest correction of an event decides; a void drops it, a redate moves it).
 */
export const effectiveEmployments = sql`
  SELECT e.person_id, e.region_code,
         COALESCE((c.details->>'date')::date, e.date) AS date,
         COALESCE(c.details->>'action', '') AS correction
    FROM registration_events e
    LEFT JOIN LATERAL (
          SELECT x.details FROM registration_events x
           WHERE x.corrects_event_id = e.id AND x.type = 'correction'
           ORDER BY x.created_at DESC LIMIT 1) c ON true
   WHERE e.type = 'employment'`;

type Counter = (c: CampaignScope) => SQL;

const inPeriod = (column: SQL, c: CampaignScope) => sql`${column} BETWEEN ${c.startDate}::date AND ${c.endDate}::date`;
const inRegion = (column: SQL, c: CampaignScope) => inArea(column, c.prefix);

const placedIn = (c: CampaignScope, extra: SQL = sql`true`) => sql`
  SELECT count(DISTINCT m.person_id)::int FROM (${effectiveEmployments}) m
   WHERE m.correction <> 'void' AND ${inRegion(sql`m.region_code`, c)} AND ${inPeriod(sql`m.date`, c)}
     AND ${visible(sql`m.person_id`)} AND ${inTargetGroups(sql`m.person_id`, c)} AND ${extra}`;

/** Each indicator's count. Person-based ones follow the target groups; fairs and households do not have a person. */
const counters: Record<CampaignIndicator, Counter> = {
  persons_served: (c) => sql`
    SELECT count(DISTINCT s.person_id)::int FROM service_records s
     WHERE ${inRegion(sql`s.region_code`, c)} AND ${inPeriod(sql`s.date`, c)}
       AND ${visible(sql`s.person_id`)} AND ${inTargetGroups(sql`s.person_id`, c)}`,
  services: (c) => sql`
    SELECT count(*)::int FROM service_records s
     WHERE ${inRegion(sql`s.region_code`, c)} AND ${inPeriod(sql`s.date`, c)}
       AND ${visible(sql`s.person_id`)} AND ${inTargetGroups(sql`s.person_id`, c)}`,
  persons_placed: (c) => placedIn(c),
  // Hard-to-employ on the day of the employment: a recognition in force then (the employment itself revokes it that day).
  hard_to_employ_placed: (c) =>
    placedIn(
      c,
      sql`EXISTS (SELECT 1 FROM hard_to_employ_recognitions h
                   WHERE h.person_id = m.person_id AND h.recognised_on <= m.date
                     AND (h.revoked_on IS NULL OR h.revoked_on >= m.date)
                     AND (h.valid_until IS NULL OR h.valid_until >= m.date))`,
    ),
  referrals: (c) => sql`
    SELECT count(*)::int FROM referrals r
     WHERE ${inRegion(sql`r.region_code`, c)} AND ${inPeriod(sql`r.date`, c)}
       AND ${visible(sql`r.person_id`)} AND ${inTargetGroups(sql`r.person_id`, c)}`,
  welfare_post_placements: (c) => sql`
    SELECT count(DISTINCT w.person_id)::int FROM public_welfare_placements w
     WHERE ${inRegion(sql`w.region_code`, c)} AND ${inPeriod(sql`w.start_date`, c)}
       AND ${visible(sql`w.person_id`)} AND ${inTargetGroups(sql`w.person_id`, c)}`,
  job_fairs: (c) => sql`
    SELECT count(*)::int FROM job_fairs f
     WHERE ${inRegion(sql`f.region_code`, c)} AND ${inPeriod(sql`f.date`, c)} AND NOT f.cancelled`,
  zero_employment_resolved: (c) => sql`
    SELECT count(*)::int FROM zero_employment_cases z
     WHERE ${inRegion(sql`z.region_code`, c)} AND ${inPeriod(sql`z.resolved_on`, c)}`,
};

/** The count of every indicator for a campaign, in one statement. */
export async function countIndicators(ctx: Ctx, c: CampaignScope): Promise<Record<CampaignIndicator, number>> {
  const entries = Object.entries(counters) as [CampaignIndicator, Counter][];
  const columns = entries.map(([code, count]) => sql`(${count(c)}) AS ${sql.identifier(code)}`);
  const result = await ctx.db.execute(sql`SELECT ${sql.join(columns, sql`, `)}`);
  const [row] = (result as unknown as { rows: Record<CampaignIndicator, number>[] }).rows;
  return Object.fromEntries(entries.map(([code]) => [code, Number(row?.[code] ?? 0)])) as Record<CampaignIndicator, number>;
}
