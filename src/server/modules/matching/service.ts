// Matching both ways (JOB-4). The answer is the best `limit` of ALL candidates (every visible
// published vacancy sharing a match key with the seeker in their city or wished places; every
// seeker in the caller's scope and the vacancy's city sharing a key with it), ranked by score, then
// by a fixed tie-break. The database scores the candidates from the narrow match profiles
// (scoreSql.ts, equal to rules.ts) and returns the best of each tier (tiers.ts): the nearest first,
// stopping once no candidate further away can reach the last place. The rows shown are then read
// and scored again with scoreMatch, so the reasons a counsellor reads add up to the score.
import { sql, type SQL } from 'drizzle-orm';
import { seekerMatchLookup, vacancyMatchProfiles } from '../../db/schema.js';
import { noteAccess } from '../../platform/accessLog.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, withinScope, type Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { params, paramValuesVersion, type ParamName } from '../../policy/service.js';
import { placedLevels, seekerProfileOf, vacancyProfileOf, wishedPrefix } from '../../../shared/matchProfiles.js';
import * as personRepo from '../persons/index.js';
import { getVacancy } from '../vacancies/index.js';
import * as repo from './repo.js';
import {
  matchFactors,
  matchKeysOf,
  scoreMatch,
  type MatchFigures,
  type MatchReason,
  type MatchWeights,
  type SeekerProfile,
  type VacancyProfile,
} from './rules.js';
import { placeMostAfter, scoreBound, seekerOccupationSql, seekerTotalSql, vacancyOccupationSql, vacancyTotalSql } from './scoreSql.js';
import { bestOfTiers, byScoreThen, type Tier } from './tiers.js';

const shareNames = ['same_group', 'same_street', 'same_district', 'same_city'] as const;
const figureNames = [
  ...matchFactors.map((f) => `matching.weight.${f}` as const),
  ...shareNames.map((s) => `matching.share.${s}` as const),
  'matching.city_prefix_digits',
] satisfies ParamName[];

/** How long a region's weights are kept in memory: a value set in another app instance applies after at most this. */
const figuresKeptMs = 60_000;
/** Weights per database, region, day and parameter version: a value added in this process applies at once. */
const keptFigures = new WeakMap<object, Map<string, { figures: MatchFigures; until: number }>>();

/**
 * The weights and shares in force for a region today (parameters matching.*), read in one query
 * and kept for a minute: every match asks for them, and the round trip was a tenth of a match's time.
 */
async function figuresFor(ctx: Ctx, regionCode: string): Promise<MatchFigures> {
  const today = shanghaiDateOf(ctx.now());
  const key = `${regionCode}/${today}/${paramValuesVersion()}`;
  let kept = keptFigures.get(ctx.db);
  if (!kept) keptFigures.set(ctx.db, (kept = new Map()));
  const hit = kept.get(key);
  if (hit && hit.until > Date.now()) return hit.figures;
  const figures = await readFigures(ctx, regionCode, today);
  if (kept.size > 1_000) kept.clear();
  kept.set(key, { figures, until: Date.now() + figuresKeptMs });
  return figures;
}

async function readFigures(ctx: Ctx, regionCode: string, today: string): Promise<MatchFigures> {
  const v = await params(ctx.db, figureNames, regionCode, today);
  const weights = Object.fromEntries(matchFactors.map((f) => [f, v[`matching.weight.${f}`]])) as MatchWeights;
  // Shares are stored in percent; the rules take fractions of a weight.
  return {
    weights,
    shares: {
      sameGroup: v['matching.share.same_group'] / 100,
      sameStreet: v['matching.share.same_street'] / 100,
      sameDistrict: v['matching.share.same_district'] / 100,
      sameCity: v['matching.share.same_city'] / 100,
      cityPrefixDigits: v['matching.city_prefix_digits'],
    },
  };
}

/** The prefix of the city a region code lies in (matching.city_prefix_digits). */
const cityPrefix = (regionCode: string, figures: MatchFigures) => regionCode.slice(0, figures.shares.cityPrefixDigits);

/** Keys placed at one region level (lookupKeysOf): `o:6-18-02-04@140105`. */
const placed = (keys: string[], prefix: string) => keys.map((k) => `${k}@${prefix}`);

/**
 * The highest score of a candidate neither in the district nor in a wished place: its place gives
 * at most the city's share. Two tiers, not one per level (community, street, district): at city
 * size the district's candidates are a few hundred, and one query for them costs less than the
 * round trips of the smaller tiers; `priority` is the seeker's where the seeker is the fixed side.
 */
const boundBeyondDistrict = (figures: MatchFigures, priority?: boolean) =>
  scoreBound(figures, placeMostAfter(figures, [12, 9, 6]), priority);

/**
 * The tiers of a seeker's candidates: vacancies in their district or a wished place, then every
 * candidate. Each tier carries the bound of what it leaves.
 */
function vacancyTiers(seeker: SeekerProfile, keys: string[], figures: MatchFigures): Tier[] {
  const lookup = vacancyMatchProfiles.lookupKeys;
  const home = seeker.regionCode;
  const wished = seeker.regionCodes.map(wishedPrefix);
  const candidates = sql`(${repo.keysOverlap(lookup, keys)} AND (${sql.join(
    [cityPrefix(home, figures), ...wished].map((prefix) => sql`starts_with(${vacancyMatchProfiles.regionCode}, ${prefix}::text)`),
    sql` OR `,
  )}))`;
  // A wished place of a placed level is found by its placed keys; another (a city, a province) by its prefix.
  const placedWishes = wished.filter((w) => (placedLevels as readonly number[]).includes(w.length));
  const otherWishes = wished.filter((w) => !placedWishes.includes(w));
  const near: SQL[] = [
    repo.keysOverlap(lookup, [...placed(keys, home.slice(0, 6)), ...placedWishes.flatMap((w) => placed(keys, w))]),
    ...otherWishes.map((w) => sql`starts_with(${vacancyMatchProfiles.regionCode}, ${w}::text)`),
  ];
  return [
    { where: sql`${candidates} AND (${sql.join(near, sql` OR `)})`, boundAfter: boundBeyondDistrict(figures, seeker.priority) },
    { where: candidates, boundAfter: -Infinity },
  ];
}

/**
 * The tiers of a vacancy's candidates: seekers in its district or wishing for its place, then every
 * candidate in the city.
 */
function seekerTiers(ctxScope: SQL, vacancy: VacancyProfile, keys: string[], figures: MatchFigures): Tier[] {
  const lookup = seekerMatchLookup.lookupKeys;
  const at = vacancy.regionCode;
  const candidates = sql`(${repo.keysOverlap(lookup, keys)} AND starts_with(${seekerMatchLookup.regionCode}, ${cityPrefix(at, figures)}::text) AND ${ctxScope})`;
  // Seekers wishing for any place the vacancy lies in carry `key~prefix` for that prefix.
  const wishing = Array.from({ length: at.length + 1 }, (_, i) => at.slice(0, i)).flatMap((prefix) => keys.map((k) => `${k}~${prefix}`));
  return [
    {
      where: sql`${candidates} AND ${repo.keysOverlap(lookup, [...placed(keys, at.slice(0, 6)), ...wishing])}`,
      boundAfter: boundBeyondDistrict(figures),
    },
    { where: candidates, boundAfter: -Infinity },
  ];
}

export interface VacancyMatch {
  vacancyId: string;
  score: number;
  reasons: MatchReason[];
  vacancy: {
    title: string;
    employerName: string;
    occupation: string | null;
    wageMin: number;
    wageMax: number;
    regionCode: string;
    regionName: string | null;
    headcount: number;
    filled: number;
    validUntil: string;
  };
}

/** Published vacancies for a person in scope, best first, each with its reasons. */
export async function matchesForPerson(ctx: Ctx, personId: string, limit: number): Promise<VacancyMatch[]> {
  // Both at once (two connections on PostgreSQL): the recognition of an id out of scope is read and dropped.
  const [person, priority] = await Promise.all([personRepo.findPerson(ctx, personId), personRepo.holdsActiveRecognition(ctx, personId)]);
  if (!person) throw notFound('人员');
  // Matching reads the person's wishes, skills and place: a look at their record (SYS-2).
  noteAccess(ctx, [{ personId: person.id, regionCode: person.regionCode, action: 'view' }]);
  const seeker = seekerProfileOf({ ...person, priority });
  const keys = matchKeysOf(seeker.occupations, seeker.skills);
  if (keys.length === 0) return [];
  const today = shanghaiDateOf(ctx.now());
  const figures = await figuresFor(ctx, person.regionCode);
  // Published vacancies are public (the board shows them to anyone), wherever the caller's scope ends.
  const db = anywhereCtx(ctx).db;
  const scoring = { total: vacancyTotalSql(seeker, figures), occupation: vacancyOccupationSql(seeker, figures) };
  const best = await bestOfTiers<repo.Ranked & { shown: repo.VacancyShown }>(
    vacancyTiers(seeker, keys, figures),
    limit,
    byScoreThen('newer'),
    (where) => repo.rankVacancies(db, scoring, where, today, limit),
  );
  return best.map(({ id, shown }) => {
    const { score, reasons } = scoreMatch(seeker, vacancyProfileOf(shown), figures);
    const { skills: _s, education: _e, hours: _h, ...vacancy } = shown;
    return { vacancyId: id, score, reasons, vacancy };
  });
}

export interface PersonMatch {
  personId: string;
  score: number;
  reasons: MatchReason[];
  person: { name: string; idNumber: string; regionCode: string; regionName: string | null; employmentStatus: string; categories: string[] };
}

/** Job seekers in the caller's scope for a vacancy in scope, best first, each with its reasons. */
export async function matchesForVacancy(ctx: Ctx, vacancyId: string, limit: number): Promise<PersonMatch[]> {
  const vacancy = await getVacancy(ctx, vacancyId);
  const profile = vacancyProfileOf(vacancy);
  const keys = matchKeysOf([profile.occupation], profile.skills);
  if (keys.length === 0) return [];
  const figures = await figuresFor(ctx, vacancy.regionCode);
  const scoring = { total: seekerTotalSql(profile, figures), occupation: seekerOccupationSql(profile, figures) };
  // The scope twice: on the lookup here, so out-of-scope ids are not fetched, and on the profiles (rankSeekers, and their policy).
  const scope = withinScope(ctx, seekerMatchLookup.regionCode);
  const best = await bestOfTiers<repo.Ranked & { shown: repo.SeekerShown }>(
    seekerTiers(scope, profile, keys, figures),
    limit,
    byScoreThen('older'),
    (where) => repo.rankSeekers(ctx, scoring, where, limit),
  );
  return best.map(({ id, shown }) => {
    const { score, reasons } = scoreMatch(seekerProfileOf(shown), profile, figures);
    const { occupation: _o, skills: _s, jobWishes: _w, education: _e, priority: _p, ...person } = shown;
    return { personId: id, score, reasons, person };
  });
}
