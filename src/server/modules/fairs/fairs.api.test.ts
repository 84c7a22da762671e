// Job fairs through the API (JOB-6), on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDistrictPair, createEmployer, createVacancy, type Auth } from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let officer: Auth; // a 小店区 clerk and job officer
let otherDistrict: Auth; // the same roles in 迎泽区

const post = (headers: Auth, url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });
const get = (headers: Auth | undefined, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
const createFair = async (over: object = {}) => {
  const res = await post(officer, '/fairs', {
    name: '2026年冬季农民工专场招聘会',
    kind: 'rural_migrants',
    date: '2026-12-05',
    venue: '小店区人力资源市场',
    regionCode: '140105001001',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-23T04:00:00Z') });
  const pair = await createDistrictPair(t);
  officer = pair.home.auth;
  otherDistrict = pair.other.auth;
});
afterAll(() => t.close());

describe('JOB-6 fairs', () => {
  it('JOB-6 a special fair with booths and vacancies gives a report; results only after it is held; it is on the public calendar', async () => {
    const fairId = (await createFair()).id;
    const e = await createEmployer(t, officer);
    expect((await post(officer, `/fairs/${fairId}/booths`, { employerId: e.id, boothNo: 'A01' })).statusCode).toBe(201);
    await createVacancy(t, officer, e.id, { fairId, source: 'fair' });
    const report = (await get(officer, `/fairs/${fairId}/report`)).json();
    expect(report).toMatchObject({
      fair: { boothCount: 1, vacancyCount: 1, headcount: 3 },
      booths: [{ boothNo: 'A01', vacancies: 1, headcount: 3 }],
    });
    const early = await t.app.inject({ method: 'PATCH', url: `/api/v1/fairs/${fairId}`, headers: officer, payload: { attendance: 500 } });
    expect(early.statusCode).toBe(422);
    const calendar = (await get(undefined, '/public/fairs')).json() as { id: string }[];
    expect(calendar.map((f) => f.id)).toContain(fairId);
  });

  it('NET-2 a clerk of another district gets 404 for the report of a fair and adding a booth to it', async () => {
    const fair = await createFair({ name: '小店区高校毕业生专场', kind: 'graduates', date: '2026-12-10', venue: '山西大学' });
    const e = await createEmployer(t, officer);
    for (const res of await Promise.all([
      get(otherDistrict, `/fairs/${fair.id}/report`),
      post(otherDistrict, `/fairs/${fair.id}/booths`, { employerId: e.id }),
    ]))
      expect(res.statusCode, res.body).toBe(404);
  });
});
