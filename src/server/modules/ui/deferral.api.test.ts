// UI-2 deferral agreements (缓发协议; seed 002 §(八): 已就业在领失业金人员签订缓发协议率达100%) through
// the API on PGlite and PostgreSQL: the agreement of a claim stopped by re-employment with the kept
// months computed from the claim (entitlement − months paid), one per claim, refused for a claim not
// stopped by re-employment; the year's rate against ui.deferral_agreement_target with the list of
// those missing one (and its Excel export); audit rows, jurisdiction (404) and roles (403).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrangeClaim, createEmployer, createPerson, createStaffMember, type Auth } from '../../testing/factories.js';
import { createTestApp, queryRows, type TestApp } from '../../testing/testApp.js';

const today = '2026-11-23';
let t: TestApp;
let clerk: Auth;
let officer: Auth; // 坞城街道 失业保险经办员
let reviewer: Auth;
let finance: Auth; // 小店区: builds payment runs
let finance2: Auth; // 太原市: approves them
let otherStreet: Auth;
let otherDistrict: Auth;
let employerId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  clerk = (await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] })).auth;
  officer = (await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer'] })).auth;
  reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  finance = (await createStaffMember(t, { regionCode: '140105000000', roles: ['finance'] })).auth;
  finance2 = (await createStaffMember(t, { regionCode: '140100000000', roles: ['finance'] })).auth;
  otherStreet = (await createStaffMember(t, { regionCode: '140105002000', roles: ['ui_officer'] })).auth;
  otherDistrict = (await createStaffMember(t, { regionCode: '140106000000', roles: ['ui_officer'] })).auth;
  const jobOfficer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] })).auth;
  employerId = (await createEmployer(t, jobOfficer)).id;
}, 300_000);
afterAll(() => t?.close());

function send(auth: Auth, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: { ...auth, ...headers }, ...(payload ? { payload } : {}) });
}

/** A claim of a person of `regionCode`, 24 contribution months: 12 months' entitlement from 2026-07; approved unless `approve` is false. */
const claim = (regionCode = '140105001001', approve = true) =>
  arrangeClaim(t, { clerk, officer, reviewer: approve ? reviewer : undefined, employerId, regionCode });

const reemploy = async (personId: string, date: string) => {
  const res = await send(clerk, 'POST', `/persons/${personId}/registrations`, { type: 'employment', date, employmentForm: 'flexible' });
  expect(res.statusCode, res.body).toBe(201);
};

let keySerial = 0;
async function paymentRun(month: string) {
  const built = await send(finance, 'POST', '/ui/payment-runs', { month }, { 'idempotency-key': `deferral-${process.pid}-${++keySerial}` });
  expect(built.statusCode, built.body).toBe(201);
  const approved = await send(finance2, 'POST', `/ui/payment-runs/${built.json().id}/approve`);
  expect(approved.statusCode, approved.body).toBe(200);
}

describe('UI-2 deferral agreement (缓发协议) of a claimant re-employed in benefit', () => {
  it('UI-2 seed 002 §(八): a claim stopped by re-employment gets one agreement keeping entitlement − paid months, shown on the claim and audited', async () => {
    const c = await claim();
    await reemploy(c.personId, '2026-09-14');
    await paymentRun('2026-11'); // pays 2026-07 and 2026-08, nothing from the stop month on
    const before = (await send(officer, 'GET', `/ui/claims/${c.id}`)).json();
    expect(before).toMatchObject({ status: 'stopped', stopReason: 're_employed', paidMonths: 2, entitlementMonths: 12, deferral: null });
    const signed = await send(officer, 'POST', `/ui/claims/${c.id}/deferral`, {
      signedOn: '2026-09-20',
      note: '  到新单位后来所签订  ',
      keptMonths: 99,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json().deferral).toMatchObject({
      signedOn: '2026-09-20',
      entitlementMonths: 12,
      paidMonths: 2,
      keptMonths: 10,
      note: '到新单位后来所签订',
    });
    expect((await send(reviewer, 'GET', `/ui/claims/${c.id}`)).json().deferral).toMatchObject({ keptMonths: 10 });
    const again = await send(officer, 'POST', `/ui/claims/${c.id}/deferral`, { signedOn: '2026-09-21' });
    expect(again.statusCode, 'one agreement per claim').toBe(409);
    const audit = await queryRows<{ action: string; reason: string; region_code: string }>(
      t.handle.db,
      sql`SELECT action, reason, region_code FROM audit_log WHERE entity = 'ui_deferral_agreement' AND after->>'claimId' = ${c.id}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'sign', region_code: '140105001001' });
    expect(audit[0]!.reason).toContain('保留未领期限 10 个月');
  });

  it('UI-2 a claim not stopped by re-employment (active, stopped for another reason, stopped before approval) is refused with 422; dates are checked', async () => {
    const active = await claim();
    const res = await send(officer, 'POST', `/ui/claims/${active.id}/deferral`, { signedOn: '2026-11-01' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(res.json().detail).toContain('重新就业');
    const conscripted = await claim();
    expect(
      (await send(officer, 'POST', `/ui/claims/${conscripted.id}/stop`, { reason: 'conscripted', date: '2026-10-01' })).statusCode,
    ).toBe(200);
    expect((await send(officer, 'POST', `/ui/claims/${conscripted.id}/deferral`, { signedOn: '2026-11-01' })).statusCode).toBe(422);
    const pending = await claim('140105001001', false);
    await reemploy(pending.personId, '2026-08-01');
    const never = await send(officer, 'POST', `/ui/claims/${pending.id}/deferral`, { signedOn: '2026-11-01' });
    expect(never.statusCode).toBe(422);
    expect(never.json().detail).toContain('审核前已停发');
    const stopped = await claim();
    await reemploy(stopped.personId, '2026-10-10');
    expect(
      (await send(officer, 'POST', `/ui/claims/${stopped.id}/deferral`, { signedOn: '2026-10-09' })).statusCode,
      'before the stop',
    ).toBe(400);
    expect((await send(officer, 'POST', `/ui/claims/${stopped.id}/deferral`, { signedOn: '2026-11-24' })).statusCode, 'in the future').toBe(
      400,
    );
    expect((await send(officer, 'GET', `/ui/claims/${stopped.id}`)).json().deferral).toBeNull();
  });

  it('UI-2 jurisdiction and roles: another street or district gets 404 on the claim; a reviewer may read but not sign (403)', async () => {
    const c = await claim();
    await reemploy(c.personId, '2026-10-12');
    expect((await send(otherStreet, 'POST', `/ui/claims/${c.id}/deferral`, { signedOn: '2026-10-20' })).statusCode).toBe(404);
    expect((await send(otherDistrict, 'POST', `/ui/claims/${c.id}/deferral`, { signedOn: '2026-10-20' })).statusCode).toBe(404);
    expect((await send(otherDistrict, 'GET', `/ui/claims/${c.id}`)).statusCode).toBe(404);
    expect((await send(reviewer, 'POST', `/ui/claims/${c.id}/deferral`, { signedOn: '2026-10-20' })).statusCode).toBe(403);
    expect((await send(officer, 'POST', `/ui/claims/${c.id}/deferral`, { signedOn: '2026-10-20' })).statusCode).toBe(201);
  });
});

describe('UI-2 deferral agreement rate against ui.deferral_agreement_target (seed 002 §(八))', () => {
  it('UI-2 seed 002 §(八): the year’s claims stopped by re-employment in benefit against those signed, 100% target, the missing list and its export; another district 404', async () => {
    // A district of its own (迎泽区, 140106), so the other tests' claims do not count here.
    const yingze = (await createStaffMember(t, { regionCode: '140106001000', roles: ['ui_officer', 'clerk'] })).auth;
    const officerOf = yingze;
    const persons: { personId: string; id: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const p = await createPerson(t, officerOf, { unemployedSince: '2026-06-03', regionCode: '140106001001' });
      expect(
        (await send(officerOf, 'POST', `/persons/${p.id}/registrations`, { type: 'job_seeking', date: '2026-06-03' })).statusCode,
      ).toBe(201);
      const items = Array.from({ length: 24 }, (_, k) => {
        const n = 2026 * 12 + 4 - 23 + k;
        return {
          personId: p.id,
          employerId,
          month: `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`,
          baseFen: 300_000,
          paidFen: 3_000,
        };
      });
      expect((await send(officerOf, 'POST', '/ui/contributions', { items })).statusCode).toBe(200);
      const taken = await send(officerOf, 'POST', '/ui/claims', {
        personId: p.id,
        separationDate: '2026-05-31',
        separationReason: 'employer_bankrupt',
      });
      expect(taken.statusCode, taken.body).toBe(201);
      expect(
        (await send(reviewer, 'POST', `/ui/claims/${taken.json().id}/decision`, { decision: 'approve', comment: '材料齐全，同意' }))
          .statusCode,
      ).toBe(200);
      persons.push({ personId: p.id, id: taken.json().id });
    }
    for (const p of persons.slice(0, 2)) {
      const res = await send(officerOf, 'POST', `/persons/${p.personId}/registrations`, {
        type: 'employment',
        date: '2026-10-15',
        employmentForm: 'flexible',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect((await send(officerOf, 'POST', `/ui/claims/${persons[0]!.id}/deferral`, { signedOn: '2026-10-20' })).statusCode).toBe(201);
    const res = await send(officerOf, 'GET', '/ui/deferrals?year=2026&regionCode=140106000000&missing=true');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2026, reemployed: 2, signed: 1, missing: 1, rate: 50, target: 100, met: false, total: 1 });
    expect(body.targetSource).toContain('§(八)');
    expect(body.items).toEqual([expect.objectContaining({ claimId: persons[1]!.id, stoppedOn: '2026-10-15', regionCode: '140106001001' })]);
    const figuresOnly = (await send(officerOf, 'GET', '/ui/deferrals?year=2026')).json();
    expect(figuresOnly).toMatchObject({ regionCode: '140106001000', reemployed: 2, signed: 1 });
    expect(figuresOnly.items).toBeUndefined();
    expect((await send(officerOf, 'GET', '/ui/deferrals?year=2025')).json()).toMatchObject({ reemployed: 0, rate: null, met: null });
    const xlsx = await send(officerOf, 'GET', '/ui/deferrals?year=2026&missing=true&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await send(officerOf, 'POST', `/ui/claims/${persons[1]!.id}/deferral`, { signedOn: '2026-10-21' })).statusCode).toBe(201);
    expect((await send(officerOf, 'GET', '/ui/deferrals?year=2026&missing=true')).json()).toMatchObject({
      rate: 100,
      met: true,
      total: 0,
      items: [],
    });
    // Jurisdiction: 小店区's officer gets 404 for 迎泽区, and its own district counts none of 迎泽区's claims.
    expect((await send(officer, 'GET', '/ui/deferrals?year=2026&regionCode=140106000000')).statusCode).toBe(404);
    expect((await send(otherDistrict, 'GET', '/ui/deferrals?year=2026&regionCode=140105000000')).statusCode).toBe(404);
    expect((await send(clerk, 'GET', '/ui/deferrals?year=2026')).statusCode).toBe(403);
  });
});
