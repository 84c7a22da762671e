// Full-employment communities (充分就业社区, AID-9): every community of the caller's area judged
// against the criteria of seed 002 §(八) and seed 003 §(四) as of a date, with the facts behind
// each criterion, ranked, and the share of communities meeting them all against the target share.
// The thresholds are parameters (full_employment_community.*) as set for the community's district.
import { sql } from 'drizzle-orm';
import { shanghaiDateOf } from '../../platform/clock.js';
import { inArea, requireRole, type Ctx } from '../../platform/context.js';
import { notFound, validation } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import { param, resolveParam } from '../../policy/service.js';
import { padRegionCode, scopeOf } from '../../../shared/region.js';
import { communityCounts, type CommunityCounts } from './communityRepo.js';
import { judgeCommunity, percent, rankCommunities, scoreOf, type CommunityThresholds } from './communityRules.js';

const readRoles = ['clerk', 'job_officer', 'leader', 'reviewer', 'admin', 'auditor'] as const;

/** The prefix both the caller's scope and the asked region cover, or null when they do not overlap. */
function narrowest(scope: string, regionCode?: string): string | null {
  if (scope === '-') return null;
  if (!regionCode) return scope;
  const asked = scopeOf(regionCode);
  if (asked.startsWith(scope)) return asked;
  if (scope.startsWith(asked)) return scope;
  return null;
}

function asOfDate(ctx: Ctx, asOf: string | undefined): string {
  const today = shanghaiDateOf(ctx.now());
  if (asOf && asOf > today) throw validation('/asOf', 'IN_THE_FUTURE', '统计日期不能晚于今天');
  return asOf ?? today;
}

async function thresholdsOf(ctx: Ctx, region: string, asOf: string): Promise<CommunityThresholds> {
  const threshold = async (
    name:
      | 'full_employment_community.min_registration_rate'
      | 'full_employment_community.min_certificate_rate'
      | 'full_employment_community.min_4050_placed_rate',
  ) => {
    const p = await resolveParam(ctx.db, name, region, asOf);
    return { value: p.value, parameter: name, source: p.source };
  };
  const deadline = await resolveParam(ctx.db, 'zero_employment.resolve_within', region, asOf);
  return {
    registration: await threshold('full_employment_community.min_registration_rate'),
    certificates: await threshold('full_employment_community.min_certificate_rate'),
    placement4050: await threshold('full_employment_community.min_4050_placed_rate'),
    zeroEmploymentSource: `零就业家庭须在 ${deadline.value} 个月内解决（参数 zero_employment.resolve_within：${deadline.source}）`,
  };
}

/** Districts (6-digit prefixes) of the ledger under a prefix: the parameters are read per district. */
async function districtsUnder(ctx: Ctx, prefix: string): Promise<string[]> {
  if (prefix.length >= 6) return [prefix.slice(0, 6)];
  const result = await ctx.db.execute(
    sql`SELECT DISTINCT substr(region_code, 1, 6) AS d FROM persons WHERE ${inArea(sql`region_code`, prefix)} AND length(region_code) = 12 ORDER BY 1`,
  );
  return (result as unknown as { rows: { d: string }[] }).rows.map((r) => r.d);
}

function judged(c: CommunityCounts, t: CommunityThresholds) {
  const facts = judgeCommunity(c, t);
  const criteriaMet = facts.filter((f) => f.met).length;
  return {
    regionCode: c.regionCode,
    regionName: c.regionName,
    streetName: c.streetName,
    criteriaMet,
    criteriaTotal: facts.length,
    meetsStandard: criteriaMet === facts.length,
    score: scoreOf(facts),
    facts,
  };
}

async function judgeUnder(ctx: Ctx, prefix: string, asOf: string) {
  const all = [];
  for (const district of await districtsUnder(ctx, prefix)) {
    const region = padRegionCode(district);
    const t = await thresholdsOf(ctx, region, asOf);
    const ages = {
      min: await param(ctx.db, 'working_age.min', region, asOf),
      maxMale: await param(ctx.db, 'working_age.max_male', region, asOf),
      maxFemale: await param(ctx.db, 'working_age.max_female', region, asOf),
    };
    const under = prefix.length > district.length ? prefix : district;
    for (const c of await communityCounts(ctx, under, asOf, ages)) all.push(judged(c, t));
  }
  return rankCommunities(all);
}

/** The communities of the caller's area (or of a region in it), ranked, with the share meeting the standard. */
export async function rankFullEmploymentCommunities(
  ctx: Ctx,
  filter: { asOf?: string | undefined; regionCode?: string | undefined },
  paging: Paging,
) {
  requireRole(ctx, ...readRoles);
  const asOf = asOfDate(ctx, filter.asOf);
  const prefix = narrowest(ctx.actor.scope, filter.regionCode);
  const ranked = prefix === null ? [] : await judgeUnder(ctx, prefix, asOf);
  const meeting = ranked.filter((c) => c.meetsStandard).length;
  const targetRegion = padRegionCode(prefix ?? '');
  const target = prefix === null ? null : await param(ctx.db, 'full_employment_community.target_share', targetRegion, asOf);
  return {
    asOf,
    communities: ranked.length,
    meeting,
    share: percent(meeting, ranked.length),
    targetShare: target,
    items: ranked.slice(paging.offset, paging.offset + paging.limit),
    total: ranked.length,
  };
}

/** One community in scope with its facts; its rank is among the communities of its district in the caller's area. */
export async function fullEmploymentCommunity(ctx: Ctx, regionCode: string, asOf?: string) {
  requireRole(ctx, ...readRoles);
  const date = asOfDate(ctx, asOf);
  const scope = ctx.actor.scope;
  if (scope === '-' || !regionCode.startsWith(scope) || !/^\d{12}$/.test(regionCode)) throw notFound('社区');
  const district = regionCode.slice(0, 6);
  const within = scope.length > district.length ? scope : district;
  const found = (await judgeUnder(ctx, within, date)).find((c) => c.regionCode === regionCode);
  if (!found) throw notFound('社区（或该社区台账中没有人员）');
  return { ...found, asOf: date };
}
