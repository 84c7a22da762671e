// JOB-4: the SQL scores (scoreSql.ts) equal scoreMatch (rules.ts) to the last bit, for any
// profiles and any weights and shares a region may set, on the database the suite runs on. Each
// generated pair is scored in SQL against a one-row CTE named like the profile table it reads.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { educationLevels } from '../../../shared/matchProfiles.js';
import { seekerMatchColumns, vacancyMatchColumns } from '../../../shared/matchProfiles.js';
import { createTestApp, queryRows, type TestApp } from '../../testing/testApp.js';
import { round1, scoreMatch, type MatchFigures, type SeekerProfile, type VacancyProfile } from './rules.js';
import { round1Sql, seekerTotalSql, vacancyTotalSql } from './scoreSql.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t?.close());

const texts = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;
const region = fc.constantFrom('140105001001', '140105001002', '140105002001', '140106001001', '140702001001', '140105000000');
const occupation = fc.constantFrom('6-18-02-04', '6-18-02-05', '4-07-05-01', 'X-1', '');
const skill = fc.constantFrom('焊工', '保安', '销售', ' 焊工');
const education = fc.constantFrom(null, '', '初中', '高中', '大专', '本科', '博士', '不详', ...educationLevels);
const money = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2_000_000 }), fc.constantFrom(333_333, 450_000, 500_000));

const seekerArb: fc.Arbitrary<SeekerProfile> = fc.record({
  regionCode: region,
  occupations: fc.array(occupation, { maxLength: 3 }),
  skills: fc.array(skill, { maxLength: 3 }),
  wageMinFen: fc.option(money),
  education,
  hours: fc.constantFrom(null, '', '不限', 'full_time', 'part_time', '全日制', '非全日制', '白班'),
  regionCodes: fc.array(fc.constantFrom('140105000000', '140000000000', '140105001001', '000000000000', '140105001010'), { maxLength: 2 }),
  priority: fc.boolean(),
});
const vacancyArb: fc.Arbitrary<VacancyProfile> = fc.record({
  regionCode: region,
  occupation: fc.option(occupation),
  skills: fc.array(skill, { maxLength: 3 }),
  wageMin: money,
  wageMax: money,
  education,
  hours: fc.constantFrom('full_time', 'part_time', 'shift'),
});
/** Weights as a region may set them: whole, with decimals, zero or below zero (then not a factor at all). */
const weight = fc.oneof(fc.integer({ min: -5, max: 40 }), fc.constantFrom(0.15, 12.35, 7.25, 33.3, 0.05));
const share = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(33.3, 67.5, 12.5)).map((p) => p / 100);
const figuresArb: fc.Arbitrary<MatchFigures> = fc.record({
  weights: fc.record({
    occupation: weight,
    skills: weight,
    place: weight,
    wage: weight,
    education: weight,
    hours: weight,
    priority: weight,
  }),
  shares: fc.record({
    sameGroup: share,
    sameStreet: share,
    sameDistrict: share,
    sameCity: share,
    cityPrefixDigits: fc.constantFrom(2, 4, 6),
  }),
});

async function sqlScore(table: string, cte: SQL, total: SQL): Promise<number> {
  const [row] = await queryRows<{ score: number }>(
    t.handle.db,
    sql`WITH ${cte} SELECT ${round1Sql(total)} AS score FROM ${sql.raw(table)}`,
  );
  return Number(row!.score);
}

/** A one-row stand-in for vacancy_match_profiles holding the vacancy's stored columns. */
function vacancyRow(v: VacancyProfile): SQL {
  const c = vacancyMatchColumns(v);
  return sql`vacancy_match_profiles AS (SELECT ${c.regionCode}::varchar AS region_code, ${c.occupation}::text AS occupation,
    ${c.occupationGroup}::text AS occupation_group, ${texts(c.skills)} AS skills, ${c.wageMax}::int AS wage_max,
    ${c.educationRank}::smallint AS education_rank, ${c.hours}::text AS hours)`;
}

/** A one-row stand-in for seeker_match_profiles holding the seeker's stored columns. */
function seekerRow(s: SeekerProfile): SQL {
  const c = seekerMatchColumns(s);
  return sql`seeker_match_profiles AS (SELECT ${c.regionCode}::varchar AS region_code, ${texts(c.occupations)} AS occupations,
    ${texts(c.occupationGroups)} AS occupation_groups, ${texts(c.skills)} AS skills, ${c.wageMinFen}::int AS wage_min_fen,
    ${c.educationRank}::smallint AS education_rank, ${c.hours}::text AS hours, ${texts(c.wishedPrefixes)} AS wished_prefixes,
    ${c.priority}::boolean AS priority)`;
}

describe('JOB-4 scores computed in SQL', () => {
  it('JOB-4 a seeker scored against vacancies in SQL gets exactly scoreMatch, whatever the weights and shares', async () => {
    await fc.assert(
      fc.asyncProperty(seekerArb, vacancyArb, figuresArb, async (seeker, vacancy, figures) => {
        const expected = scoreMatch(seeker, vacancy, figures).score;
        expect(await sqlScore('vacancy_match_profiles', vacancyRow(vacancy), vacancyTotalSql(seeker, figures))).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('JOB-4 a vacancy scored against seekers in SQL gets exactly scoreMatch, whatever the weights and shares', async () => {
    await fc.assert(
      fc.asyncProperty(seekerArb, vacancyArb, figuresArb, async (seeker, vacancy, figures) => {
        const expected = scoreMatch(seeker, vacancy, figures).score;
        expect(await sqlScore('seeker_match_profiles', seekerRow(seeker), seekerTotalSql(vacancy, figures))).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it("JOB-4 rounding to a tenth in SQL is JavaScript's Math.round (halves up), not PostgreSQL's round (halves to even)", async () => {
    for (const x of [0.05, 0.15, 0.25, 2.45, 12.35, 0.049999999999999996, 1.0000000000000002, 7.85, 0]) {
      const [row] = await queryRows<{ r: number }>(t.handle.db, sql`SELECT ${round1Sql(sql`${x}::float8`)} AS r`);
      expect(Number(row!.r), String(x)).toBe(round1(x));
    }
  });
});
