// Matching both ways (JOB-4). Candidates come from the GIN index on match keys (same occupation,
// same occupation group, a shared skill) within the city, newest first and capped; each candidate
// is then scored in one place (rules.ts) so the score and its reasons never disagree.
import { and, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import { employers, persons, regions, vacancies } from '../../db/schema.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, withinScope, type Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { param, type ParamName } from '../../policy/service.js';
import * as personRepo from '../persons/index.js';
import { publiclyVisible } from '../vacancies/index.js';
import { getVacancy } from '../vacancies/index.js';
import {
  matchFactors,
  matchKeysOf,
  priorityCategories,
  scoreMatch,
  type MatchFigures,
  type MatchReason,
  type MatchShares,
  type MatchWeights,
  type SeekerProfile,
  type VacancyProfile,
} from './rules.js';

/** Most candidates scored per request: enough for a city, bounded for the counter's wait. */
const candidateLimit = 2000;

/** The weights and shares in force for a region today (parameters matching.*). */
async function figuresFor(ctx: Ctx, regionCode: string): Promise<MatchFigures> {
  const today = shanghaiDateOf(ctx.now());
  const at = (name: ParamName) => param(ctx.db, name, regionCode, today);
  const values = await Promise.all(matchFactors.map((f) => at(`matching.weight.${f}`)));
  const weights = Object.fromEntries(matchFactors.map((f, i) => [f, values[i]!])) as MatchWeights;
  const [sameGroup, sameStreet, sameDistrict, sameCity, cityPrefixDigits] = await Promise.all([
    at('matching.share.same_group'),
    at('matching.share.same_street'),
    at('matching.share.same_district'),
    at('matching.share.same_city'),
    at('matching.city_prefix_digits'),
  ]);
  // Shares are stored in percent; the rules take fractions of a weight.
  return {
    weights,
    shares: {
      sameGroup: sameGroup / 100,
      sameStreet: sameStreet / 100,
      sameDistrict: sameDistrict / 100,
      sameCity: sameCity / 100,
      cityPrefixDigits,
    },
  };
}

interface JobWishes {
  occupations?: string[];
  keywords?: string[];
  wageMinFen?: number;
  regionCodes?: string[];
  hours?: string;
}

function seekerProfile(p: {
  regionCode: string;
  occupation: string | null;
  skills: string[];
  jobWishes: unknown;
  education: string | null;
  categories: string[];
}): SeekerProfile {
  const wishes = (p.jobWishes ?? {}) as JobWishes;
  return {
    regionCode: p.regionCode,
    occupations: [...(wishes.occupations ?? []), ...(p.occupation ? [p.occupation] : [])],
    skills: [...p.skills, ...(wishes.keywords ?? [])],
    wageMinFen: wishes.wageMinFen ?? null,
    education: p.education,
    hours: wishes.hours ?? null,
    regionCodes: wishes.regionCodes ?? [],
    priority: p.categories.some((c) => priorityCategories.includes(c)),
  };
}

/** LIKE pattern of the city a region code lies in (matching.city_prefix_digits). */
const cityPrefix = (regionCode: string, shares: MatchShares) => `${regionCode.slice(0, shares.cityPrefixDigits)}%`;

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
  const person = await personRepo.findPerson(ctx, personId);
  if (!person) throw notFound('人员');
  const seeker = seekerProfile(person);
  const keys = matchKeysOf(seeker.occupations, seeker.skills);
  if (keys.length === 0) return [];
  const today = shanghaiDateOf(ctx.now());
  const figures = await figuresFor(ctx, person.regionCode);
  const places: SQL[] = [
    like(vacancies.regionCode, cityPrefix(person.regionCode, figures.shares)),
    ...seeker.regionCodes.map((r) => like(vacancies.regionCode, `${r.replace(/0+$/, '')}%`)),
  ];
  // Published vacancies are public (the board shows them to anyone), wherever the caller's scope ends.
  const rows = await anywhereCtx(ctx)
    .db.select({
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
      publishedAt: vacancies.publishedAt,
    })
    .from(vacancies)
    .innerJoin(employers, eq(employers.id, vacancies.employerId))
    .leftJoin(regions, eq(regions.code, vacancies.regionCode))
    .where(and(publiclyVisible(today), sql`${vacancies.matchKeys} && ${sql.param(keys)}::text[]`, or(...places)))
    .orderBy(desc(vacancies.publishedAt))
    .limit(candidateLimit);
  return rows
    .map((v) => {
      const { score, reasons } = scoreMatch(seeker, v as VacancyProfile, figures);
      const { id, skills: _s, education: _e, hours: _h, publishedAt: _p, ...summary } = v;
      return { vacancyId: id, score, reasons, vacancy: summary };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
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
  const keys = matchKeysOf([vacancy.occupation], vacancy.skills);
  if (keys.length === 0) return [];
  const figures = await figuresFor(ctx, vacancy.regionCode);
  const rows = await ctx.db
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
    // The same condition as the partial index persons_seeker_match_idx, so the index applies.
    .where(
      and(
        sql`(${persons.jobSeeking} OR ${persons.employmentStatus} = 'unemployed')`,
        sql`${persons.matchKeys} && ${sql.param(keys)}::text[]`,
        like(persons.regionCode, cityPrefix(vacancy.regionCode, figures.shares)),
        withinScope(ctx, persons.regionCode),
        personRepo.visiblePerson,
      ),
    )
    .limit(candidateLimit);
  return rows
    .map((p) => {
      const { score, reasons } = scoreMatch(seekerProfile(p), vacancy, figures);
      return {
        personId: p.id,
        score,
        reasons,
        person: {
          name: p.name,
          idNumber: p.idNumber,
          regionCode: p.regionCode,
          regionName: p.regionName,
          employmentStatus: p.employmentStatus,
          categories: p.categories,
        },
      };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
