// Vacancy surveys through the API (JOB-9), on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDistrictPair, createEmployer, type Auth } from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let officer: Auth; // a 小店区 clerk and job officer
let otherDistrict: Auth; // the same roles in 迎泽区

const post = (headers: Auth, url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-23T04:00:00Z') });
  const pair = await createDistrictPair(t);
  officer = pair.home.auth;
  otherDistrict = pair.other.auth;
});
afterAll(() => t.close());

describe('JOB-9 vacancy survey', () => {
  it('JOB-9 a survey round enrols the employers of the area and shows progress as returns come in', async () => {
    const e = await createEmployer(t, officer);
    const round = await post(officer, '/vacancy-surveys', { name: '小店区2027年度空岗调查', year: 2027, dueDate: '2026-12-31' });
    expect(round.statusCode).toBe(201);
    const id = round.json().id as string;
    expect(round.json().employers).toBeGreaterThan(0);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/vacancy-surveys/${id}/returns/${e.id}`,
      headers: officer,
      payload: { currentVacancies: 4, nextYearDemand: 10 },
    });
    expect(put.json()).toMatchObject({ returned: 1, currentVacancies: 4, nextYearDemand: 10 });
    expect((await post(officer, '/vacancy-surveys', { name: '重复', year: 2027, dueDate: '2026-12-31' })).statusCode).toBe(409);
  });

  it('NET-2 a clerk of another district gets 404 for the returns of a survey round', async () => {
    await createEmployer(t, officer);
    const survey = await post(officer, '/vacancy-surveys', {
      name: '小店区街道空岗调查',
      year: 2028,
      dueDate: '2026-12-31',
      regionCode: '140105001000',
    });
    expect(survey.statusCode, survey.body).toBe(201);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/vacancy-surveys/${survey.json().id}/returns`, headers: otherDistrict });
    expect(res.statusCode, res.body).toBe(404);
  });
});
