// UI-4 the re-employment rate of claimants during benefit through the API on PGlite and PostgreSQL
// (种子文件 003 §(十七): 享受待遇期间再就业率不低于40%, the parameter ui.reemployment_rate_target).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrangeClaim, createEmployer, createStaffMember, type Auth } from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';

const today = '2026-11-23';
let t: TestApp;
let clerk: Auth;
let officer: Auth; // 小店区
let reviewer: Auth;
let otherDistrict: Auth;
let employerId: string;

beforeAll(async () => {
  t = await createTestApp({ demo: false, now: () => new Date(`${today}T04:00:00Z`) });
  clerk = (await createStaffMember(t, { regionCode: '140105000000', roles: ['clerk'] })).auth;
  officer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['ui_officer'] })).auth;
  reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  otherDistrict = (await createStaffMember(t, { regionCode: '140106000000', roles: ['ui_officer'] })).auth;
  const jobOfficer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] })).auth;
  employerId = (await createEmployer(t, jobOfficer)).id;
}, 120_000);
afterAll(() => t?.close());

function send(auth: Auth, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: { ...auth }, ...(payload ? { payload } : {}) });
}

/** A claimant of a community with 30 contribution months, claim taken (and approved unless told). */
const claimant = (regionCode: string, approve = true) =>
  arrangeClaim(t, { clerk, officer, reviewer: approve ? reviewer : undefined, employerId, regionCode, months: 30, paidFen: 9_000 });

const reemploy = async (personId: string, date: string) =>
  expect(
    (await send(clerk, 'POST', `/persons/${personId}/registrations`, { type: 'employment', date, employmentForm: 'flexible' })).statusCode,
  ).toBe(201);

describe('UI-4 re-employment rate during benefit', () => {
  it('UI-4 种子文件 003 §(十七): 2 of 4 claimants re-employed in 2026 is 50% against the 40% target (met), by street one level down; a pending claim does not count', async () => {
    const [a, b] = [await claimant('140105001001'), await claimant('140105001001')];
    await claimant('140105001002');
    await claimant('140105002001');
    await claimant('140105001001', false);
    await reemploy(a.personId, '2026-09-10');
    await reemploy(b.personId, '2026-10-08');
    const res = await send(officer, 'GET', '/ui/reemployment-rate?year=2026&regionCode=140105000000');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2026, claimants: 4, reemployed: 2, rate: 50, target: 40, met: true });
    expect(body.targetSource).toContain('§(十七)');
    expect(body.byArea).toEqual([
      expect.objectContaining({ regionCode: '140105001000', claimants: 3, reemployed: 2, rate: 66.7, met: true }),
      expect.objectContaining({ regionCode: '140105002000', claimants: 1, reemployed: 0, rate: 0, met: false }),
    ]);
    const ownScope = (await send(officer, 'GET', '/ui/reemployment-rate?year=2026')).json();
    expect(ownScope).toMatchObject({ regionCode: '140105000000', claimants: 4 });
    expect((await send(officer, 'GET', '/ui/reemployment-rate?year=2025&regionCode=140105000000')).json()).toMatchObject({
      claimants: 0,
      rate: null,
      met: null,
    });
    const xlsx = await send(officer, 'GET', '/ui/reemployment-rate?year=2026&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('UI-4 jurisdiction: another district’s officer gets 404 for this district and sees none of its claimants in the city’s figure', async () => {
    expect((await send(otherDistrict, 'GET', '/ui/reemployment-rate?year=2026&regionCode=140105000000')).statusCode).toBe(404);
    expect((await send(otherDistrict, 'GET', '/ui/reemployment-rate?year=2026&regionCode=140105001000')).statusCode).toBe(404);
    const city = await send(otherDistrict, 'GET', '/ui/reemployment-rate?year=2026&regionCode=140100000000');
    expect(city.statusCode, city.body).toBe(200);
    expect(city.json()).toMatchObject({ claimants: 0 });
    expect((await send(clerk, 'GET', '/ui/reemployment-rate?year=2026')).statusCode).toBe(403);
  });
});
