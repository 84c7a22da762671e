// scoreMatch (rules.ts) as SQL over the stored match profiles (JOB-4), so the database can rank
// every candidate and return only the best. One side of a match is fixed (the seeker asking for
// vacancies, or the vacancy asking for seekers): its facts and the weights become constants, and
// each rule becomes a CASE over the other side's profile columns. Every factor is computed with
// the same IEEE double operations in the same order as rules.ts (a weight times a count divided by
// a length, then rounded to one decimal as JavaScript's Math.round does), and the factors are
// summed in the same order, so the numbers are equal, not merely close; scoreSql.test.ts checks it
// on generated profiles, and the service recomputes the reasons of the top rows with scoreMatch.
import { sql, type SQL } from 'drizzle-orm';
import { seekerMatchProfiles, vacancyMatchProfiles } from '../../db/schema.js';
import { vacancyHoursNames, type VacancyHours } from '../../../shared/labels.js';
import { occupationGroupOf } from '../../../shared/matchKeys.js';
import { anyHours, educationRank, hoursNamed, wishedPrefix } from '../../../shared/matchProfiles.js';
import { placeLevels, round1, type MatchFactor, type MatchFigures, type SeekerProfile, type VacancyProfile } from './rules.js';

const num = (n: number) => sql`${n}::float8`;
const texts = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

/**
 * round1 in SQL: Math.round(x * 10) / 10. PostgreSQL's round(float8) rounds half to even, and
 * floor(t + 0.5) differs from Math.round at t = 0.49999999999999994; this is Math.round's own
 * definition (the nearest integer, halves up), exact because t - floor(t) is exact.
 */
export function round1Sql(x: SQL): SQL {
  return sql`((floor((${x}) * 10) + ((((${x}) * 10) - floor((${x}) * 10)) >= 0.5)::int) / 10)`;
}

/** The score of one factor in SQL, or null where its weight is 0 or less (rules.ts drops such factors). */
type Factors = Partial<Record<MatchFactor, SQL>>;

/** The factors summed in rules.ts order (occupation ... priority), as float8. */
function total(factors: Factors): SQL {
  const order: MatchFactor[] = ['occupation', 'skills', 'place', 'wage', 'education', 'hours', 'priority'];
  const parts = order.flatMap((f) => (factors[f] ? [factors[f]] : []));
  return parts.length ? sql.join(parts, sql` + `) : sql`0::float8`;
}

/** The share of the place weight for each level of closeness, as rules.ts computes the points. */
function placePoints(max: number, figures: MatchFigures) {
  return placeLevels(figures.shares).map((l) => ({ digits: l.digits, points: round1(max * l.share) }));
}

/**
 * The unrounded total score of the seeker against each row of vacancy_match_profiles
 * (occupation, occupation_group, skills, region_code, wage_max, education_rank, hours).
 * Round it with round1Sql.
 */
export function vacancyTotalSql(seeker: SeekerProfile, figures: MatchFigures): SQL {
  return total(vacancyFactors(seeker, figures));
}

/** The occupation points of the seeker against each row of vacancy_match_profiles (the first tie-break). */
export function vacancyOccupationSql(seeker: SeekerProfile, figures: MatchFigures): SQL {
  return vacancyFactors(seeker, figures).occupation ?? num(0);
}

function vacancyFactors(seeker: SeekerProfile, figures: MatchFigures): Factors {
  const p = vacancyMatchProfiles;
  const { weights: w, shares } = figures;
  const f: Factors = {};
  if (w.occupation > 0) {
    const groups = seeker.occupations.map(occupationGroupOf).filter((g): g is string => g !== null);
    f.occupation = sql`(CASE WHEN ${p.occupation} = ANY(${texts(seeker.occupations)}) THEN ${num(round1(w.occupation))} WHEN ${p.occupationGroup} = ANY(${texts(groups)}) THEN ${num(round1(w.occupation * shares.sameGroup))} ELSE 0::float8 END)`;
  }
  if (w.skills > 0) {
    const have = [...new Set(seeker.skills)].map((s) => sql`cardinality(array_positions(${p.skills}, ${s}::text))`);
    const count = have.length ? sql.join(have, sql` + `) : sql`0`;
    f.skills = sql`(CASE WHEN cardinality(${p.skills}) = 0 THEN ${num(w.skills)} ELSE ${round1Sql(sql`(${num(w.skills)} * (${count})) / cardinality(${p.skills})`)} END)`;
  }
  if (w.place > 0) {
    const wished = seeker.regionCodes.map((r) => sql`starts_with(${p.regionCode}, ${wishedPrefix(r)}::text)`);
    const levels = placePoints(w.place, figures).map(
      (l) => sql`WHEN left(${p.regionCode}, ${l.digits}::int) = ${seeker.regionCode.slice(0, l.digits)}::text THEN ${num(l.points)}`,
    );
    f.place = sql`(CASE ${wished.length ? sql`WHEN ${sql.join(wished, sql` OR `)} THEN ${num(w.place)}` : sql``} ${sql.join(levels, sql` `)} ELSE 0::float8 END)`;
  }
  if (w.wage > 0) {
    const wish = seeker.wageMinFen;
    f.wage = !wish
      ? num(w.wage)
      : sql`(CASE WHEN ${p.wageMax} >= ${num(wish)} THEN ${num(w.wage)} ELSE ${round1Sql(sql`(${num(w.wage)} * ${p.wageMax}) / ${num(wish)}`)} END)`;
  }
  if (w.education > 0) {
    const has = educationRank(seeker.education);
    f.education =
      has < 0
        ? sql`(CASE WHEN ${p.educationRank} < 0 THEN ${num(w.education)} ELSE ${num(round1(w.education / 2))} END)`
        : sql`(CASE WHEN ${p.educationRank} < 0 OR ${has}::int <= ${p.educationRank} THEN ${num(w.education)} ELSE 0::float8 END)`;
  }
  if (w.hours > 0)
    f.hours = anyHours(seeker.hours)
      ? num(w.hours)
      : sql`(CASE WHEN ${p.hours} = ${seeker.hours}::text OR ${p.hours} = ANY(${texts(hoursNamed(seeker.hours!))}) THEN ${num(w.hours)} ELSE 0::float8 END)`;
  if (w.priority > 0) f.priority = num(seeker.priority ? w.priority : 0);
  return f;
}

/** Every prefix of a region code, '' to the whole code: the wished places it lies in. */
const prefixesOf = (code: string) => Array.from({ length: code.length + 1 }, (_, i) => code.slice(0, i));

/**
 * The unrounded total score of each row of seeker_match_profiles (occupations,
 * occupation_groups, skills, region_code, wished_prefixes, wage_min_fen, education_rank, hours,
 * priority) against the vacancy. Round it with round1Sql.
 */
export function seekerTotalSql(vacancy: VacancyProfile, figures: MatchFigures): SQL {
  return total(seekerFactors(vacancy, figures));
}

/** The occupation points of each row of seeker_match_profiles against the vacancy (the first tie-break). */
export function seekerOccupationSql(vacancy: VacancyProfile, figures: MatchFigures): SQL {
  return seekerFactors(vacancy, figures).occupation ?? num(0);
}

function seekerFactors(vacancy: VacancyProfile, figures: MatchFigures): Factors {
  const p = seekerMatchProfiles;
  const { weights: w, shares } = figures;
  const f: Factors = {};
  if (w.occupation > 0) {
    const group = vacancy.occupation ? occupationGroupOf(vacancy.occupation) : null;
    f.occupation = !vacancy.occupation
      ? num(0)
      : sql`(CASE WHEN ${vacancy.occupation}::text = ANY(${p.occupations}) THEN ${num(round1(w.occupation))} ${
          group ? sql`WHEN ${group}::text = ANY(${p.occupationGroups}) THEN ${num(round1(w.occupation * shares.sameGroup))}` : sql``
        } ELSE 0::float8 END)`;
  }
  if (w.skills > 0) {
    const have = vacancy.skills.map((s) => sql`(${s}::text = ANY(${p.skills}))::int`);
    f.skills =
      vacancy.skills.length === 0
        ? num(w.skills)
        : round1Sql(sql`(${num(w.skills)} * (${sql.join(have, sql` + `)})) / ${vacancy.skills.length}::int`);
  }
  if (w.place > 0) {
    const levels = placePoints(w.place, figures).map(
      (l) => sql`WHEN left(${p.regionCode}, ${l.digits}::int) = ${vacancy.regionCode.slice(0, l.digits)}::text THEN ${num(l.points)}`,
    );
    f.place = sql`(CASE WHEN ${p.wishedPrefixes} && ${texts(prefixesOf(vacancy.regionCode))} THEN ${num(w.place)} ${sql.join(levels, sql` `)} ELSE 0::float8 END)`;
  }
  if (w.wage > 0)
    f.wage = sql`(CASE WHEN ${p.wageMinFen} IS NULL OR ${num(vacancy.wageMax)} >= ${p.wageMinFen} THEN ${num(w.wage)} ELSE ${round1Sql(
      sql`(${num(w.wage)} * ${num(vacancy.wageMax)}) / ${p.wageMinFen}`,
    )} END)`;
  if (w.education > 0) {
    const required = educationRank(vacancy.education);
    f.education =
      required < 0
        ? num(w.education)
        : sql`(CASE WHEN ${p.educationRank} < 0 THEN ${num(round1(w.education / 2))} WHEN ${p.educationRank} <= ${required}::int THEN ${num(w.education)} ELSE 0::float8 END)`;
  }
  if (w.hours > 0) {
    const name = vacancyHoursNames[vacancy.hours as VacancyHours] as string | undefined;
    f.hours = sql`(CASE WHEN ${p.hours} IS NULL OR ${p.hours} = ${vacancy.hours}::text ${name ? sql`OR ${p.hours} = ${name}::text` : sql``} THEN ${num(w.hours)} ELSE 0::float8 END)`;
  }
  if (w.priority > 0) f.priority = sql`(CASE WHEN ${p.priority} THEN ${num(w.priority)} ELSE 0::float8 END)`;
  return f;
}

/** The most points a factor of weight `max` can give (a share rounded up to one decimal may pass the weight). */
const most = (max: number) => (max > 0 ? Math.max(max, round1(max)) : 0);

/**
 * The highest score a candidate can reach whose place gives at most `placeMost` points: a bound
 * for the candidates not fetched yet (tiers.ts). `priority` is the seeker's own where it is fixed.
 * A tenth is added so that float sums and the final rounding can never pass it.
 */
export function scoreBound(figures: MatchFigures, placeMost: number, priority?: boolean): number {
  const w = figures.weights;
  const others = most(w.occupation) + most(w.skills) + most(w.wage) + most(w.education) + most(w.hours);
  const priorityMost = priority === false ? 0 : most(w.priority);
  return others + (w.place > 0 ? placeMost : 0) + priorityMost + 0.1;
}

/**
 * The most place points of a candidate in no closer tier: after the community/wished tier the
 * street, district and city levels remain, and so on (rules.ts takes the first level that matches).
 */
export function placeMostAfter(figures: MatchFigures, fetchedDigits: readonly number[]): number {
  const w = figures.weights.place;
  if (w <= 0) return 0;
  const remaining = placePoints(w, figures).filter((l) => !fetchedDigits.includes(l.digits));
  return Math.max(0, ...remaining.map((l) => l.points), ...(fetchedDigits.includes(12) ? [] : [most(w)]));
}
