// Matching through the API (JOB-4), on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildIdNumber,
  createDistrictPair,
  createEmployer,
  createPublishedVacancy,
  createStaffMember,
  createPerson,
  createWelderSeeker,
  type Auth,
} from '../../testing/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let officer: Auth; // a 小店区 clerk and job officer
let otherDistrict: Auth; // the same roles in 迎泽区
let cityJobOfficer: Auth;
let reviewer: Auth;

const get = (headers: Auth, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-23T04:00:00Z') });
  const pair = await createDistrictPair(t);
  officer = pair.home.auth;
  otherDistrict = pair.other.auth;
  reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  cityJobOfficer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['job_officer'] })).auth;
});
afterAll(() => t.close());

describe('JOB-4 matching', () => {
  it('JOB-4 a seeker wishing to be a welder in the same district gets the nearby welder vacancy first, with reasons', async () => {
    const e = await createEmployer(t, officer);
    const near = await createPublishedVacancy(t, officer, reviewer, e.id, { title: '电焊工（近）' });
    const far = await createPublishedVacancy(t, cityJobOfficer, reviewer, e.id, { title: '电焊工（远）', regionCode: '140107001001' });
    const other = await createPublishedVacancy(t, officer, reviewer, e.id, {
      title: '钳工',
      occupation: '6-20-01-01',
      skills: ['钳工'],
      description: '招聘钳工。',
    });
    const person = await createWelderSeeker(t, officer);
    const matches = (await get(officer, `/persons/${person.id}/matches?limit=50`)).json() as {
      vacancyId: string;
      score: number;
      reasons: { factor: string; detail: string; weight: number }[];
    }[];
    const ids = matches.map((m) => m.vacancyId);
    // Other tests' welder posts in the same community may score as high; among equals the newer, then the id, comes first.
    const scoreOf = (id: string) => matches.find((m) => m.vacancyId === id)?.score;
    expect(scoreOf(near.id)).toBe(matches[0]!.score);
    expect(scoreOf(far.id)).toBeLessThan(scoreOf(near.id)!);
    expect(ids).not.toContain(other.id);
    const nearest = matches.find((m) => m.vacancyId === near.id)!;
    expect(nearest.reasons.map((r) => r.factor)).toEqual(expect.arrayContaining(['occupation', 'skills', 'place', 'wage', 'education']));
    expect(nearest.reasons.find((r) => r.factor === 'occupation')).toMatchObject({
      weight: 30,
      detail: expect.stringContaining('6-18-02-04'),
    });
    expect(nearest.score).toBe(nearest.reasons.reduce((s, r) => s + r.weight, 0));
  });

  it('JOB-4 sex and age are never factors: seekers alike but for them get the same score for a vacancy', async () => {
    const v = await createPublishedVacancy(t, officer, reviewer, (await createEmployer(t, officer)).id, { title: '焊工（匹配公平性）' });
    const man = await createWelderSeeker(t, officer, { idNumber: buildIdNumber({ birthDate: '1970-01-01', sex: 'M' }), name: '甲' });
    const woman = await createWelderSeeker(t, officer, {
      idNumber: buildIdNumber({ birthDate: '1998-01-01', sex: 'F' }),
      name: '乙',
      ethnicity: '回族',
    });
    const matches = (await get(officer, `/vacancies/${v.id}/matches?limit=100`)).json() as {
      personId: string;
      score: number;
      reasons: { factor: string }[];
    }[];
    const scoreOf = (id: string) => matches.find((m) => m.personId === id)?.score;
    expect(scoreOf(man.id)).toBeDefined();
    expect(scoreOf(man.id)).toBe(scoreOf(woman.id));
    expect(new Set(matches.flatMap((m) => m.reasons.map((r) => r.factor)))).not.toContain('sex');
  });

  it('NET-2 a clerk of another district gets 404 for the matches of a vacancy and of a person', async () => {
    const v = await createPublishedVacancy(t, officer, reviewer, (await createEmployer(t, officer)).id);
    const person = await createWelderSeeker(t, officer);
    for (const res of await Promise.all([
      get(otherDistrict, `/vacancies/${v.id}/matches`),
      get(otherDistrict, `/persons/${person.id}/matches`),
    ]))
      expect(res.statusCode, res.body).toBe(404);
  });

  it("JOB-4 place points follow the parameter matching.share.same_city of the seeker's area, a value set applying to the next match at once", async () => {
    const e = await createEmployer(t, officer);
    const v = await createPublishedVacancy(t, cityJobOfficer, reviewer, e.id, { title: '电焊工（同城他区）', regionCode: '140107001001' });
    const person = await createWelderSeeker(t, officer);
    const placeReason = async () => {
      const matches = (await get(officer, `/persons/${person.id}/matches?limit=100`)).json() as {
        vacancyId: string;
        reasons: { factor: string; detail: string; weight: number }[];
      }[];
      return matches.find((m) => m.vacancyId === v.id)?.reasons.find((r) => r.factor === 'place');
    };
    // Seeded: place weight 20, same city 10 %.
    expect(await placeReason()).toMatchObject({ weight: 2, detail: '岗位与求职者住址同一城市' });
    const admin = await loginAs(t.app, 'admin');
    const set = await t.app.inject({
      method: 'POST',
      url: '/api/v1/params/matching.share.same_city/values',
      headers: admin,
      payload: { regionPrefix: '1401', effectiveFrom: '2026-01-01', value: 50, source: '太原市同城岗位得地点权重一半（测试）' },
    });
    expect(set.statusCode, set.body).toBe(201);
    expect(await placeReason()).toMatchObject({ weight: 10 });
  });
});

interface Match {
  score: number;
  reasons: { factor: string; detail: string; weight: number }[];
}
type SeekerMatch = Match & { vacancyId: string };
type VacancyMatch = Match & { personId: string };

const pointsOf = (m: Match | undefined, factor: string) => m?.reasons.find((r) => r.factor === factor)?.weight;

describe('JOB-4 skills and keyword wishes through the skills vocabulary', () => {
  it('JOB-4 a seeker with the skill 电焊 earns the skills points of a vacancy asking for 焊工', async () => {
    const v = await createPublishedVacancy(t, officer, reviewer, (await createEmployer(t, officer)).id, { title: '焊工（同义技能）' });
    const person = await createWelderSeeker(t, officer, { skills: ['电焊'] });
    const matches = (await get(officer, `/persons/${person.id}/matches?limit=100`)).json() as SeekerMatch[];
    const match = matches.find((m) => m.vacancyId === v.id);
    expect(pointsOf(match, 'skills')).toBe(20);
    expect(match?.reasons.find((r) => r.factor === 'skills')?.detail).toContain('焊接');
    expect(match?.score).toBe(100);
  });

  it('JOB-4 a seeker who wished only for the keyword 电焊工 finds the welding vacancies and is found by them', async () => {
    const v = await createPublishedVacancy(t, officer, reviewer, (await createEmployer(t, officer)).id, { title: '电焊工（关键词意向）' });
    const person = await createPerson(t, officer, { jobWishes: { keywords: ['电焊工'] }, unemployedSince: '2026-11-02' });
    const forPerson = (await get(officer, `/persons/${person.id}/matches?limit=100`)).json() as SeekerMatch[];
    const found = forPerson.find((m) => m.vacancyId === v.id);
    expect(found, 'the vacancy is among the keyword seeker’s matches').toBeDefined();
    expect(pointsOf(found, 'occupation')).toBe(30); // 电焊工 stands for 焊工 (6-18-02-04)
    expect(pointsOf(found, 'skills')).toBe(20); // and for the skill 焊接 the vacancy asks for as 焊工
    const forVacancy = (await get(officer, `/vacancies/${v.id}/matches?limit=100`)).json() as VacancyMatch[];
    expect(forVacancy.find((m) => m.personId === person.id)?.score).toBe(found?.score);
  });

  it('JOB-4 at an equal score the seeker of the same occupation ranks before one of none, however long the other has waited', async () => {
    // Occupation 30 + skills 0 against skills 20 + priority 10: both 80.
    const v = await createPublishedVacancy(t, officer, reviewer, (await createEmployer(t, officer)).id, {
      title: '焊工（兼插花）',
      skills: ['插花'],
    });
    const welder = await createWelderSeeker(t, officer, { skills: [], name: '同职业' });
    const florist = await createPerson(t, officer, {
      idNumber: buildIdNumber({ birthDate: '1975-03-03', sex: 'F' }),
      name: '无职业',
      skills: ['插花'],
      unemployedSince: '2026-01-05',
    });
    // Priority: a hard-to-employ recognition (AID-1), here 4050.
    const recognised = await t.app.inject({
      method: 'POST',
      url: `/api/v1/persons/${florist.id}/categories`,
      headers: reviewer,
      payload: { category: 'person_4050', evidence: '身份证、失业登记' },
    });
    expect(recognised.statusCode, recognised.body).toBe(201);
    const matches = (await get(officer, `/vacancies/${v.id}/matches?limit=100`)).json() as VacancyMatch[];
    const rank = (id: string) => matches.findIndex((m) => m.personId === id);
    expect(matches[rank(welder.id)]?.score).toBe(80);
    expect(matches[rank(florist.id)]?.score).toBe(80);
    expect(rank(welder.id)).toBeLessThan(rank(florist.id));
  });
});
