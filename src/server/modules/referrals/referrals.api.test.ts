// Referrals through the API (JOB-5) and their rates (RPT-7), on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDistrictPair,
  createEmployer,
  createPerson,
  createPublishedVacancy,
  createStaffMember,
  createWelderSeeker,
  type Auth,
} from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let officer: Auth; // a 小店区 clerk and job officer
let otherDistrict: Auth; // the same roles in 迎泽区
let reviewer: Auth;
const today = '2026-11-23';

const post = (headers: Auth | undefined, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });
const get = (headers: Auth, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
async function refer(personId: string, vacancyId: string) {
  const res = await post(officer, '/referrals', { personId, vacancyId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; verificationCode: string; letterUrl: string };
}

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  const pair = await createDistrictPair(t);
  officer = pair.home.auth;
  otherDistrict = pair.other.auth;
  reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
});
afterAll(() => t.close());

describe('JOB-5 referrals', () => {
  it('JOB-5 a referral gives a letter the employer verifies; a hire makes the person employed and fills a post', async () => {
    const e = await createEmployer(t, officer);
    const v = await createPublishedVacancy(t, officer, reviewer, e.id, { headcount: 1 });
    const personId = (await createWelderSeeker(t, officer, { name: '求职者甲' })).id;
    const r = await refer(personId, v.id);
    expect(r.letterUrl).toBe(`/referrals/${r.id}/letter`);
    expect((await post(officer, '/referrals', { personId, vacancyId: v.id })).statusCode).toBe(409);
    const checked = await post(undefined, '/public/referrals/verify', { code: r.verificationCode });
    expect(checked.json()).toMatchObject({
      personName: expect.stringMatching(/^求职\*+$/),
      vacancyTitle: '电焊工',
      employerName: e.name,
      outcome: null,
    });
    expect((await post(undefined, '/public/referrals/verify', { code: 'ZZZZZZZZZZ' })).statusCode).toBe(404);
    const services = (await get(officer, `/persons/${personId}/services`)).json() as { type: string }[];
    expect(services.map((s) => s.type)).toContain('referral');

    expect((await post(officer, `/referrals/${r.id}/outcome`, { outcome: 'interviewed', date: '2026-11-20' })).statusCode).toBe(422);
    expect((await post(officer, `/referrals/${r.id}/outcome`, { outcome: 'interviewed', date: today })).json().outcome).toBe('interviewed');
    const hired = await post(officer, `/referrals/${r.id}/outcome`, { outcome: 'hired', date: today });
    expect(hired.json()).toMatchObject({ outcome: 'hired', employmentEventId: expect.any(String) });
    expect((await get(officer, `/persons/${personId}`)).json()).toMatchObject({ employmentStatus: 'employed', statusSince: today });
    const events = (await get(officer, `/persons/${personId}/registrations`)).json() as {
      type: string;
      details: { employerName?: string };
    }[];
    expect(events.at(-1)).toMatchObject({ type: 'employment', details: { employerName: e.name } });
    expect((await get(officer, `/vacancies/${v.id}`)).json()).toMatchObject({ filled: 1, status: 'filled' });
    expect((await post(officer, `/referrals/${r.id}/outcome`, { outcome: 'rejected', date: today })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/vacancies/${v.id}` })).statusCode).toBe(404);
  });

  it('JOB-5 a clerk refers a seeker to a published vacancy of another district, sees it in the list, and the hire fills its post', async () => {
    const e = await createEmployer(t, otherDistrict, { regionCode: '140106001001' });
    const v = await createPublishedVacancy(t, otherDistrict, reviewer, e.id, { headcount: 2, regionCode: '140106001001' });
    const personId = (await createWelderSeeker(t, officer, { name: '跨区求职者' })).id;
    const r = await refer(personId, v.id);
    const listed = (await get(officer, `/referrals?personId=${personId}`)).json() as { items: { id: string; vacancyTitle: string }[] };
    expect(listed.items).toEqual([expect.objectContaining({ id: r.id, vacancyTitle: '电焊工' })]);
    expect((await post(officer, `/referrals/${r.id}/outcome`, { outcome: 'hired', date: today })).statusCode).toBe(200);
    expect((await get(otherDistrict, `/vacancies/${v.id}`)).json()).toMatchObject({ filled: 1 });
  });

  it('RPT-7 referral rate and success rate of a unit for a month: 6 seekers (one carried over from October), 2 of them referred (3 referrals), 1 placed → 33.3% and 50%, beside the 40% and 15% targets', async () => {
    // Community 北营街道 140105003001 is used by no other test in this file, so its counts are exactly these.
    const community = '140105003001';
    const e = await createEmployer(t, officer);
    const v1 = await createPublishedVacancy(t, officer, reviewer, e.id, { headcount: 5 });
    const v2 = await createPublishedVacancy(t, officer, reviewer, e.id, { title: '二保焊工', headcount: 5 });
    const seekers = [];
    for (let i = 0; i < 5; i++)
      seekers.push((await createWelderSeeker(t, officer, { regionCode: community, unemployedSince: '2026-11-02' })).id);
    // Registered in October and still seeking work: a seeker of November too (carried over).
    await createWelderSeeker(t, officer, { regionCode: community, unemployedSince: '2026-10-15' });
    // Found a job in October: not seeking in November.
    const placed = await createWelderSeeker(t, officer, { regionCode: community, unemployedSince: '2026-10-01' });
    expect(
      (await post(officer, `/persons/${placed.id}/registrations`, { type: 'employment', date: '2026-10-20', employerName: '太原某厂' }))
        .statusCode,
    ).toBe(201);
    const [a, b] = seekers as [string, string];
    const hire = await refer(a, v1.id);
    await refer(a, v2.id);
    await refer(b, v1.id);
    expect((await post(officer, `/referrals/${hire.id}/outcome`, { outcome: 'hired', date: today })).statusCode).toBe(200);

    const rates = (await get(officer, '/referrals/rates?month=2026-11')).json() as {
      scope: string;
      seekers: number;
      referred: number;
      referrals: number;
      hired: number;
      referralRate: number | null;
      successRate: number | null;
      targetRate: number;
      targetSuccessRate: number;
    }[];
    const expected = {
      seekers: 6,
      referred: 2,
      referrals: 3,
      hired: 1,
      referralRate: 33.3,
      successRate: 50,
      targetRate: 40,
      targetSuccessRate: 15,
    };
    expect(rates.find((x) => x.scope === community)).toMatchObject(expected);
    expect(rates.find((x) => x.scope === community.slice(0, 9))).toMatchObject(expected);
    const october = (await get(officer, '/referrals/rates?month=2026-10')).json() as {
      scope: string;
      seekers: number;
      referrals: number;
      referralRate: number | null;
      successRate: number | null;
    }[];
    expect(october.find((x) => x.scope === community)).toMatchObject({ seekers: 2, referrals: 0, referralRate: 0, successRate: null });
    expect(rates.every((x) => x.scope.startsWith('140105'))).toBe(true);
  });

  it('JOB-5 a job officer, who reads only job seekers, cannot refer a person who seeks no job (404, as reading them is)', async () => {
    const home = await createStaffMember(t, { regionCode: '140105000000', roles: ['clerk'] });
    const jobOfficer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] })).auth;
    const v = await createPublishedVacancy(t, officer, reviewer, (await createEmployer(t, officer)).id);
    const notSeeking = await createPerson(t, home.auth, { name: '未求职丙', skills: ['焊工'] });
    expect((await get(jobOfficer, `/persons/${notSeeking.id}`)).statusCode).toBe(404);
    const res = await post(jobOfficer, '/referrals', { personId: notSeeking.id, vacancyId: v.id });
    expect(res.statusCode, res.body).toBe(404);
    expect((await get(home.auth, `/referrals?personId=${notSeeking.id}`)).json()).toMatchObject({ total: 0 });
  });

  it('NET-2 a clerk of another district gets 404 for a referral, its outcome and referring the person, and does not list it', async () => {
    const v = await createPublishedVacancy(t, officer, reviewer, (await createEmployer(t, officer)).id);
    const personId = (await createWelderSeeker(t, officer)).id;
    const r = await refer(personId, v.id);
    const attempts = [
      get(otherDistrict, `/referrals/${r.id}`),
      post(otherDistrict, `/referrals/${r.id}/outcome`, { outcome: 'hired', date: today }),
      post(otherDistrict, '/referrals', { personId, vacancyId: v.id }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.statusCode, res.body).toBe(404);
    const list = (await get(otherDistrict, '/referrals')).json() as { items: { id: string }[] };
    expect(list.items.map((x) => x.id)).not.toContain(r.id);
  });
});
