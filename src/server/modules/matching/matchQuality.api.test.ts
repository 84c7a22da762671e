// JOB-4 quality: the top 20 a counsellor gets are the best of ALL candidates, not of a sample. On a
// generated market (a few thousand seekers and vacancies sharing occupations, groups and skills,
// with many equal scores, expired, filled and unpublished posts, wishes for other places and
// seekers in another city, skills written as their synonyms and wishes as keywords), the answer of
// the API equals scoring every candidate by brute force with scoreMatch: the same ids, the same
// scores, the same order (score, then the occupation's points, then for vacancies the newer
// published first, for seekers the longer in their status first, then the id).
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { bulkInsert, type BulkColumn } from '../../db/bulk.js';
import { matchKeysOf } from '../../../shared/matchKeys.js';
import { isSeeker } from '../../../shared/matchProfiles.js';
import { seededRandom } from '../../demo/people.js';
import { createEmployer, createStaffMember, type Auth } from '../../testing/factories.js';
import { storedPersons, storedVacancies, type StoredPerson, type StoredVacancy } from '../../testing/storedProfiles.js';
import { createTestApp, queryRows, type TestApp } from '../../testing/testApp.js';
import { insertImportedPersons, type PersonInsert } from '../persons/index.js';
import { insertVacancyProfilesInBulk } from '../vacancies/index.js';
import { scoreMatch, type MatchFigures, type SeekerProfile, type VacancyProfile } from './rules.js';

const now = new Date('2026-11-23T04:00:00Z');
const today = '2026-11-23';
/** The seeded national defaults (catalogue.ts): the figures the API uses for Taiyuan. */
const figures: MatchFigures = {
  weights: { occupation: 30, skills: 20, place: 20, wage: 15, education: 10, hours: 5, priority: 10 },
  shares: { sameGroup: 0.5, sameStreet: 0.7, sameDistrict: 0.4, sameCity: 0.1, cityPrefixDigits: 4 },
};

let t: TestApp;
let city: Auth; // a Taiyuan (1401) job officer and clerk
let district: Auth; // the same roles in 小店区 (140105)
const personIds: string[] = [];
const vacancyIds: string[] = [];

interface VacancyRow {
  id: string;
  employerId: string;
  title: string;
  occupation: string | null;
  headcount: number;
  filled: number;
  wageMin: number;
  wageMax: number;
  education: string | null;
  skills: string[];
  hours: string;
  regionCode: string;
  description: string;
  validUntil: string;
  status: string;
  publishedAt: Date | null;
  matchKeys: string[];
}

const vacancyColumns: BulkColumn<VacancyRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'employer_id', type: 'uuid', value: (r) => r.employerId },
  { name: 'title', type: 'text', value: (r) => r.title },
  { name: 'occupation', type: 'text', value: (r) => r.occupation },
  { name: 'headcount', type: 'integer', value: (r) => r.headcount },
  { name: 'filled', type: 'integer', value: (r) => r.filled },
  { name: 'wage_min', type: 'integer', value: (r) => r.wageMin },
  { name: 'wage_max', type: 'integer', value: (r) => r.wageMax },
  { name: 'education', type: 'text', value: (r) => r.education },
  { name: 'skills', type: 'text[]', value: (r) => r.skills },
  { name: 'hours', type: 'text', value: (r) => r.hours },
  { name: 'region_code', type: 'varchar', value: (r) => r.regionCode },
  { name: 'description', type: 'text', value: (r) => r.description },
  { name: 'valid_until', type: 'date', value: (r) => r.validUntil },
  { name: 'source', type: 'text', value: () => 'counter' },
  { name: 'status', type: 'text', value: (r) => r.status },
  { name: 'screening', type: 'jsonb', value: () => ({ findings: [] }) },
  { name: 'published_at', type: 'timestamptz', value: (r) => r.publishedAt },
  { name: 'match_keys', type: 'text[]', value: (r) => r.matchKeys },
  { name: 'search', type: 'tsvector', value: (r) => [r.title] },
  { name: 'created_by', type: 'text', value: () => 'test' },
  { name: 'created_at', type: 'timestamptz', value: () => now },
  { name: 'updated_at', type: 'timestamptz', value: () => now },
];

// Few values of everything, so that many candidates share keys and many scores are equal.
const occupations = ['6-18-02-04', '6-18-02-05', '4-07-05-01', '4-07-05-02', '4-01-02-01', '4-01-02-03', '6-31-01-03'];
// Skills as counters write them: synonyms of one term (焊工, 电焊), a narrower one (氩弧焊), unknown words.
const skills = ['焊工', '电焊', '氩弧焊', '保安', '门卫', '销售', '电工', '驾驶', '司机', '插花'];
/** Keyword wishes: occupation names, wordings of the vocabulary, a word it does not know. */
const keywords = ['电焊工', '焊工', '保安员', '叉车司机', '营销员', '插花'];
const educations = [null, '初中', '高中', '中专', '大专', '大学本科', '硕士', '不详'];

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  city = (await createStaffMember(t, { regionCode: '140100000000', roles: ['clerk', 'job_officer'] })).auth;
  district = (await createStaffMember(t, { regionCode: '140105000000', roles: ['clerk', 'job_officer'] })).auth;
  const employer = await createEmployer(t, city, { regionCode: '140105001001' });
  const communities = (
    await queryRows<{ code: string }>(t.handle.db, sql`SELECT code FROM regions WHERE code LIKE '1401%' AND level = 5 ORDER BY code`)
  ).map((r) => r.code);
  // A handful of communities in few streets, so that places tie too; a few seekers live in 晋中 (1407).
  const places = [...communities.filter((c) => c.startsWith('140105')).slice(0, 6), ...communities.slice(-4)];
  const rand = seededRandom(4);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const some = <T>(list: readonly T[], most: number) => Array.from({ length: Math.floor(rand() * (most + 1)) }, () => pick(list));

  const persons: PersonInsert[] = [];
  for (let i = 0; i < 2500; i++) {
    const regionCode = rand() < 0.05 ? '140702001001' : pick(places);
    const r = rand();
    const wishes =
      rand() < 0.7
        ? {
            occupations: some(occupations, 2),
            ...(rand() < 0.4 ? { keywords: some(keywords, 1) } : {}),
            ...(rand() < 0.6 ? { wageMinFen: pick([0, 300000, 450000, 500000, 800000]) } : {}),
            ...(rand() < 0.25
              ? { regionCodes: [pick(['140105000000', '140106000000', '140000000000', '140702000000', pick(places)])] }
              : {}),
            ...(rand() < 0.6 ? { hours: pick(['不限', 'full_time', 'part_time', '全日制', '非全日制', '白班']) } : {}),
          }
        : null;
    persons.push({
      id: crypto.randomUUID(),
      idNumberSealed: 'test:not-sealed',
      idNumberIndex: `match-quality-${i}`,
      idNumberMasked: `140105********${String(1000 + i)}`,
      name: `求职者${i}`,
      sex: rand() < 0.5 ? 'M' : 'F',
      birthDate: '1985-01-01',
      education: pick(educations),
      householdType: 'urban',
      regionCode,
      labourCapacity: 'full',
      skills: some(skills, 2),
      occupation: rand() < 0.5 ? pick(occupations) : null,
      jobWishes: wishes,
      matchKeys: [],
      categories: rand() < 0.3 ? [pick(['就业困难人员', '4050人员', '高校毕业生'])] : [],
      employmentStatus: r < 0.5 ? 'unemployed' : r < 0.8 ? 'not_registered' : 'employed',
      statusSince: rand() < 0.8 ? pick(['2025-01-01', '2025-06-01', '2026-03-01']) : null,
      jobSeeking: r >= 0.5 && r < 0.85,
      createdAt: now,
      updatedAt: now,
    });
  }
  for (const p of persons) {
    const w = (p.jobWishes ?? {}) as { occupations?: string[]; keywords?: string[] };
    p.matchKeys = matchKeysOf([...(w.occupations ?? []), p.occupation], [...p.skills, ...(w.keywords ?? [])]);
  }
  await insertImportedPersons(t.systemCtx, persons);
  // The persons with a category hold a hard-to-employ recognition (AID-1), as the recognitions
  // migration makes them from free text, and their profiles' priority follows.
  await t.asOwner(sql`INSERT INTO hard_to_employ_recognitions (id, person_id, region_code, category, recognised_on, evidence, recognised_by, recognised_by_name, created_at)
    SELECT gen_random_uuid(), id, region_code, 'extreme_hardship', '2026-01-01', '测试', 'system', '系统', now()
    FROM persons WHERE id_number_index LIKE 'match-quality-%' AND categories <> '{}'`);
  await t.asOwner(
    sql`UPDATE seeker_match_profiles s SET priority = EXISTS (SELECT 1 FROM hard_to_employ_recognitions r WHERE r.person_id = s.person_id)`,
  );
  personIds.push(
    ...persons
      .filter((p) => p.regionCode.startsWith('1401') && isSeeker({ jobSeeking: p.jobSeeking!, employmentStatus: p.employmentStatus }))
      .map((p) => p.id),
  );

  const vacancies: VacancyRow[] = [];
  for (let i = 0; i < 2500; i++) {
    const occupation = rand() < 0.05 ? null : pick(occupations);
    const wageMin = pick([300000, 400000, 500000]);
    const headcount = 1 + Math.floor(rand() * 3);
    const vacancySkills = rand() < 0.2 ? [] : rand() < 0.1 ? [pick(skills), pick(skills), pick(skills)] : some(skills, 2);
    vacancies.push({
      id: crypto.randomUUID(),
      employerId: employer.id,
      title: `岗位${i}`,
      occupation,
      headcount,
      filled: rand() < 0.1 ? headcount : 0,
      wageMin,
      wageMax: wageMin + pick([0, 100000, 300000]),
      education: pick(educations),
      skills: vacancySkills,
      hours: rand() < 0.8 ? 'full_time' : 'part_time',
      regionCode: pick(places),
      description: '招聘',
      validUntil: rand() < 0.1 ? '2026-11-22' : '2026-12-31',
      status: rand() < 0.9 ? 'published' : 'pending_review',
      publishedAt: new Date(now.getTime() - pick([0, 1, 2]) * 86_400_000),
      matchKeys: matchKeysOf([occupation], vacancySkills),
    });
  }
  await bulkInsert(t.handle.db, 'vacancies', vacancyColumns, vacancies, 1000);
  await insertVacancyProfilesInBulk(t.handle.db, vacancies);
  // Published in 小店区, so that both the city's and the district's officer may ask for their seekers.
  vacancyIds.push(...vacancies.filter((v) => v.status === 'published' && v.regionCode.startsWith('140105')).map((v) => v.id));
}, 120_000);
afterAll(() => t?.close());

const get = async <T>(auth: Auth, url: string): Promise<T> => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

interface Scored {
  id: string;
  score: number;
  occupation: number;
  tie: string | null;
}

/** A score and its occupation points, as the API ranks by them. */
function scored(seeker: SeekerProfile, vacancy: VacancyProfile) {
  const { score, reasons } = scoreMatch(seeker, vacancy, figures);
  return { score, occupation: reasons.find((r) => r.factor === 'occupation')?.weight ?? 0 };
}

/** The answer's order: score, then occupation points, then the tie (newer or older first, missing last), then the id. */
function order(newerFirst: boolean) {
  return (a: Scored, b: Scored) =>
    b.score - a.score ||
    b.occupation - a.occupation ||
    (a.tie === b.tie ? 0 : a.tie === null ? 1 : b.tie === null ? -1 : (a.tie < b.tie ? -1 : 1) * (newerFirst ? -1 : 1)) ||
    (a.id < b.id ? -1 : 1);
}

/** Every vacancy the rules make a candidate for the person, scored with scoreMatch. */
async function bruteForceVacancies(personId: string): Promise<Scored[]> {
  const [{ profile: seeker }] = (await storedPersons(t.handle.db, today, sql`id = ${personId}`)) as [StoredPerson];
  const keys = matchKeysOf(seeker.occupations, seeker.skills);
  const places = [seeker.regionCode.slice(0, 4), ...seeker.regionCodes.map((r) => r.replace(/0+$/, ''))];
  return (await storedVacancies(t.handle.db))
    .filter(
      (v) => v.status === 'published' && v.validUntil >= today && v.filled < v.headcount && places.some((p) => v.regionCode.startsWith(p)),
    )
    .filter((v) => matchKeysOf([v.profile.occupation], v.profile.skills).some((k) => keys.includes(k)))
    .map((v) => ({ id: v.id, tie: v.publishedAt, ...scored(seeker, v.profile) }))
    .sort(order(true));
}

/** Every seeker in `scope` the rules make a candidate for the vacancy, scored with scoreMatch. */
async function bruteForceSeekers(vacancyId: string, scope: string): Promise<Scored[]> {
  const [{ profile: vacancy }] = (await storedVacancies(t.handle.db, sql`id = ${vacancyId}`)) as [StoredVacancy];
  const keys = matchKeysOf([vacancy.occupation], vacancy.skills);
  return (await storedPersons(t.handle.db, today))
    .filter((p) => isSeeker(p) && p.regionCode.startsWith(vacancy.regionCode.slice(0, 4)) && p.regionCode.startsWith(scope))
    .filter((p) => matchKeysOf(p.profile.occupations, p.profile.skills).some((k) => keys.includes(k)))
    .map((p) => ({ id: p.id, tie: p.statusSince, ...scored(p.profile, vacancy) }))
    .sort(order(false));
}

describe('JOB-4 the top 20 are the best of all candidates', () => {
  it('JOB-4 a seeker gets the 20 best-scored of every candidate vacancy, newer first among equals, then by id', async () => {
    let compared = 0;
    for (const personId of personIds.slice(0, 12)) {
      const expected = (await bruteForceVacancies(personId)).slice(0, 20);
      const got = await get<{ vacancyId: string; score: number }[]>(city, `/persons/${personId}/matches?limit=20`);
      expect(got.map((m) => [m.vacancyId, m.score])).toEqual(expected.map((e) => [e.id, e.score]));
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(100); // the generated market gives these seekers many candidates
  }, 120_000);

  it('JOB-4 a vacancy gets the 20 best-scored of every candidate seeker in the scope, longer in their status first among equals', async () => {
    let compared = 0;
    for (const [auth, scope] of [
      [city, '1401'],
      [district, '140105'],
    ] as const) {
      for (const vacancyId of vacancyIds.slice(0, 6)) {
        const expected = (await bruteForceSeekers(vacancyId, scope)).slice(0, 20);
        const got = await get<{ personId: string; score: number }[]>(auth, `/vacancies/${vacancyId}/matches?limit=20`);
        expect(got.map((m) => [m.personId, m.score])).toEqual(expected.map((e) => [e.id, e.score]));
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
  }, 120_000);

  it('JOB-4 a longer list (limit 100) is the brute-force order too', async () => {
    const personId = personIds[20]!;
    const expected = (await bruteForceVacancies(personId)).slice(0, 100);
    const got = await get<{ vacancyId: string; score: number }[]>(city, `/persons/${personId}/matches?limit=100`);
    expect(got.map((m) => [m.vacancyId, m.score])).toEqual(expected.map((e) => [e.id, e.score]));
  }, 60_000);
});
