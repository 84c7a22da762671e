// UI-4 (claimants get guidance and referrals): a caseworker for each claimant through the API on
// PGlite and PostgreSQL: assigned and changed by the UI officer with the history kept and the name
// stored, only an active staff member whose unit covers the claimant's region (422 naming /staffId),
// the claims list filtered by caseworker and `mine`, audit rows, jurisdiction (404) and roles (403).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrangeClaim, createEmployer, createStaffMember, type Auth, type StaffMember } from '../../testing/factories.js';
import { createTestApp, loginAs, queryRows, type TestApp } from '../../testing/testApp.js';

const today = '2026-11-23';
let t: TestApp;
let clerk: Auth;
let districtOfficer: Auth; // 小店区 失业保险经办员: sees the district's staff
let reviewer: Auth;
let streetWorker: StaffMember; // 坞城街道 ui_officer: the claimant's street
let secondWorker: StaffMember; // 小店区 ui_officer
let otherStreetWorker: StaffMember; // 营盘街道: does not cover 坞城街道's claimants
let otherDistrict: Auth;
let otherStreet: Auth;
let employerId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  clerk = (await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] })).auth;
  districtOfficer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['ui_officer'] })).auth;
  reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  streetWorker = await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer'], name: '王经办' });
  secondWorker = await createStaffMember(t, { regionCode: '140105000000', roles: ['ui_officer'], name: '李经办' });
  otherStreetWorker = await createStaffMember(t, { regionCode: '140105002000', roles: ['ui_officer'], name: '赵经办' });
  otherDistrict = (await createStaffMember(t, { regionCode: '140106000000', roles: ['ui_officer'] })).auth;
  otherStreet = otherStreetWorker.auth;
  const jobOfficer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] })).auth;
  employerId = (await createEmployer(t, jobOfficer)).id;
}, 300_000);
afterAll(() => t?.close());

function send(auth: Auth, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: { ...auth }, ...(payload ? { payload } : {}) });
}

/** A pending claim of a 坞城街道 claimant (24 contribution months before 2026-05-31). */
const claim = () => arrangeClaim(t, { clerk, officer: districtOfficer, employerId });

describe('UI-4 a caseworker for each claimant', () => {
  it('UI-4 assigns and changes the caseworker: the name is stored on the claim, the history kept (current first), both audited', async () => {
    const c = await claim();
    expect((await send(districtOfficer, 'GET', `/ui/claims/${c.id}`)).json()).toMatchObject({ caseworkerId: null, caseworkerName: null });
    const first = await send(districtOfficer, 'PUT', `/ui/claims/${c.id}/caseworker`, { staffId: streetWorker.id });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ caseworkerId: streetWorker.id, caseworkerName: '王经办' });
    const same = await send(districtOfficer, 'PUT', `/ui/claims/${c.id}/caseworker`, { staffId: streetWorker.id });
    expect(same.statusCode).toBe(409);
    const second = await send(districtOfficer, 'PUT', `/ui/claims/${c.id}/caseworker`, { staffId: secondWorker.id });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ caseworkerId: secondWorker.id, caseworkerName: '李经办' });
    const history = (await send(reviewer, 'GET', `/ui/claims/${c.id}/caseworkers`)).json().items;
    expect(history).toEqual([
      expect.objectContaining({ staffId: secondWorker.id, staffName: '李经办', assignedOn: today, endedOn: null }),
      expect.objectContaining({ staffId: streetWorker.id, staffName: '王经办', assignedOn: today, endedOn: today }),
    ]);
    const audit = await queryRows<{ action: string }>(
      t.handle.db,
      sql`SELECT action FROM audit_log WHERE entity = 'ui_claim_caseworker' AND entity_id = ${c.id} ORDER BY seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['assign', 'reassign']);
  });

  it('UI-4 refuses with 422 naming /staffId a staff member out of the claimant’s region, disabled, or unknown to the officer', async () => {
    const c = await claim();
    const out = await send(districtOfficer, 'PUT', `/ui/claims/${c.id}/caseworker`, { staffId: otherStreetWorker.id });
    expect(out.statusCode, out.body).toBe(422);
    expect(out.json().errors).toEqual([expect.objectContaining({ path: '/staffId', code: 'OUT_OF_JURISDICTION' })]);
    const disabled = await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer'] });
    const admin = await loginAs(t.app, 'admin');
    expect((await send(admin, 'PATCH', `/staff/${disabled.id}`, { disabled: true })).statusCode).toBe(200);
    const off = await send(districtOfficer, 'PUT', `/ui/claims/${c.id}/caseworker`, { staffId: disabled.id });
    expect(off.statusCode).toBe(422);
    expect(off.json().errors).toEqual([expect.objectContaining({ path: '/staffId', code: 'DISABLED' })]);
    const far = (await createStaffMember(t, { regionCode: '140106000000', roles: ['ui_officer'] })).id;
    const unknown = await send(districtOfficer, 'PUT', `/ui/claims/${c.id}/caseworker`, { staffId: far });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ path: '/staffId', code: 'NOT_FOUND' })]);
    expect((await send(districtOfficer, 'GET', `/ui/claims/${c.id}`)).json().caseworkerId).toBeNull();
  });

  it('UI-4 the claims list filters by caseworker and mine=true (the caller’s own claimants)', async () => {
    const [a, b] = [await claim(), await claim()];
    expect((await send(districtOfficer, 'PUT', `/ui/claims/${a.id}/caseworker`, { staffId: streetWorker.id })).statusCode).toBe(200);
    expect((await send(districtOfficer, 'PUT', `/ui/claims/${b.id}/caseworker`, { staffId: secondWorker.id })).statusCode).toBe(200);
    const mine = (await send(streetWorker.auth, 'GET', '/ui/claims?mine=true&pageSize=100')).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(a.id);
    expect(mine.items.map((x: { id: string }) => x.id)).not.toContain(b.id);
    expect(mine.items.every((x: { caseworkerName: string }) => x.caseworkerName === '王经办')).toBe(true);
    const bySecond = (await send(districtOfficer, 'GET', `/ui/claims?caseworkerId=${secondWorker.id}&pageSize=100`)).json();
    expect(bySecond.items.map((x: { id: string }) => x.id)).toContain(b.id);
    expect(bySecond.items.map((x: { id: string }) => x.id)).not.toContain(a.id);
    expect(bySecond.total).toBe(bySecond.items.length);
  });

  it('UI-4 jurisdiction and roles: another street or district gets 404; a reviewer may read but not assign (403); an ended claim 409', async () => {
    const c = await claim();
    expect((await send(otherStreet, 'PUT', `/ui/claims/${c.id}/caseworker`, { staffId: otherStreetWorker.id })).statusCode).toBe(404);
    expect((await send(otherDistrict, 'PUT', `/ui/claims/${c.id}/caseworker`, { staffId: streetWorker.id })).statusCode).toBe(404);
    expect((await send(otherDistrict, 'GET', `/ui/claims/${c.id}/caseworkers`)).statusCode).toBe(404);
    expect((await send(reviewer, 'PUT', `/ui/claims/${c.id}/caseworker`, { staffId: streetWorker.id })).statusCode).toBe(403);
    expect(
      (await send(reviewer, 'POST', `/ui/claims/${c.id}/decision`, { decision: 'reject', comment: '材料不全，驳回' })).statusCode,
    ).toBe(200);
    expect((await send(districtOfficer, 'PUT', `/ui/claims/${c.id}/caseworker`, { staffId: streetWorker.id })).statusCode).toBe(409);
  });
});
