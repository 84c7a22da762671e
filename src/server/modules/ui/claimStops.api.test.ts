// UI-3 stops other than re-employment (《失业保险条例》第十五条) through the API on PGlite and
// PostgreSQL: a stop by reason and the event's date, refusals of offered work counted up to the
// parameter ui.refusals_to_stop, the automatic stop when the person moves out of the claim's city
// (迁出统筹地区), audit rows, jurisdiction (404) and roles (403).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmployer, createPerson, createStaffMember, type Auth } from '../../testing/factories.js';
import { createTestApp, queryRows, type TestApp } from '../../testing/testApp.js';

const today = '2026-11-23';
let t: TestApp;
let clerk: Auth;
let officer: Auth; // 坞城街道 失业保险经办员
let reviewer: Auth;
let provinceClerk: Auth;
let otherStreet: Auth;
let otherDistrict: Auth;
let clerkOnly: Auth;
let employerId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  // A second city (大同市), so a person can move out of Taiyuan.
  await t.asOwner(sql`INSERT INTO regions (code, name, level, parent_code) VALUES
    ('140200000000', '大同市', 2, '140000000000'), ('140213000000', '平城区', 3, '140200000000'),
    ('140213001000', '测试街道', 4, '140213000000'), ('140213001001', '测试社区', 5, '140213001000')
    ON CONFLICT DO NOTHING`);
  clerk = (await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] })).auth;
  officer = (await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer'], name: '坞城街道失业保险经办员' })).auth;
  reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  provinceClerk = (await createStaffMember(t, { regionCode: '140000000000', roles: ['clerk'] })).auth;
  otherStreet = (await createStaffMember(t, { regionCode: '140105002000', roles: ['ui_officer'] })).auth;
  otherDistrict = (await createStaffMember(t, { regionCode: '140106000000', roles: ['ui_officer'] })).auth;
  clerkOnly = (await createStaffMember(t, { regionCode: '140105000000', roles: ['clerk', 'reviewer'] })).auth;
  const jobOfficer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] })).auth;
  employerId = (await createEmployer(t, jobOfficer)).id;
}, 120_000);
afterAll(() => t?.close());

function send(auth: Auth, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: { ...auth }, ...(payload ? { payload } : {}) });
}

/** 30 months of contributions up to May 2026, registered unemployed and job-seeking in June; the claim taken and approved. */
async function activeClaim(approve = true) {
  const person = await createPerson(t, clerk, { unemployedSince: '2026-06-03' });
  expect((await send(clerk, 'POST', `/persons/${person.id}/registrations`, { type: 'job_seeking', date: '2026-06-03' })).statusCode).toBe(
    201,
  );
  const months = Array.from({ length: 30 }, (_, i) => {
    const n = 2026 * 12 + 4 - 29 + i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
  const items = months.map((month) => ({ personId: person.id, employerId, month, baseFen: 300_000, paidFen: 9_000 }));
  expect((await send(officer, 'POST', '/ui/contributions', { items })).statusCode).toBe(200);
  const taken = await send(officer, 'POST', '/ui/claims', {
    personId: person.id,
    separationDate: '2026-05-31',
    separationReason: 'employer_bankrupt',
  });
  expect(taken.statusCode, taken.body).toBe(201);
  const id = taken.json().id as string;
  if (approve) {
    const res = await send(reviewer, 'POST', `/ui/claims/${id}/decision`, { decision: 'approve', comment: '材料齐全，同意' });
    expect(res.statusCode, res.body).toBe(200);
  }
  return { person, id };
}

const auditOf = (id: string) =>
  queryRows<{ action: string; reason: string | null; after: { stopReason?: string } }>(
    t.handle.db,
    sql`SELECT action, reason, after FROM audit_log WHERE entity = 'ui_claim' AND entity_id = ${id} ORDER BY seq`,
  );

describe('UI-3 stops of 条例第十五条 other than re-employment', () => {
  it.each([
    ['conscripted', '第（二）项'],
    ['moved_away', '第（三）项'],
    ['pension_started', '第（四）项'],
    ['imprisoned', '第（五）项'],
  ])('UI-3 条例第十五条: a stop as %s stops the active claim from the event date, audited naming %s', async (reason, clause) => {
    const { id } = await activeClaim();
    const res = await send(officer, 'POST', `/ui/claims/${id}/stop`, { reason, date: '2026-09-10', note: '本人提交证明材料' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'stopped', stoppedOn: '2026-09-10', stopReason: reason });
    expect((await send(officer, 'GET', `/ui/claims/${id}`)).json()).toMatchObject({ status: 'stopped', stopReason: reason });
    const audit = (await auditOf(id)).at(-1)!;
    expect(audit.action).toBe('stop');
    expect(audit.after.stopReason).toBe(reason);
    expect(audit.reason).toContain(`第十五条${clause}`);
  });

  it('UI-3 条例第十五条: a pending claim stops too, and a stopped claim cannot be stopped again or decided (409)', async () => {
    const { id } = await activeClaim(false);
    const res = await send(officer, 'POST', `/ui/claims/${id}/stop`, { reason: 'pension_started', date: '2026-08-01' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'stopped', decidedBy: null });
    expect((await send(officer, 'POST', `/ui/claims/${id}/stop`, { reason: 'imprisoned', date: '2026-08-02' })).statusCode).toBe(409);
    expect((await send(reviewer, 'POST', `/ui/claims/${id}/decision`, { decision: 'approve', comment: '材料齐全，同意' })).statusCode).toBe(
      409,
    );
    expect((await send(officer, 'POST', `/ui/claims/${id}/refusals`, { date: '2026-08-03', offer: '保洁员' })).statusCode).toBe(409);
  });

  it('UI-3 条例第十五条 bad stops change nothing: future date, date before separation, re_employed (registration), refused_offers (refusals), other without its law (400)', async () => {
    const { id } = await activeClaim();
    const cases: [object, string, string][] = [
      [{ reason: 'conscripted', date: '2026-11-24' }, '/date', 'IN_FUTURE'],
      [{ reason: 'conscripted', date: '2026-05-30' }, '/date', 'BEFORE_SEPARATION'],
      [{ reason: 're_employed', date: '2026-09-01' }, '/reason', 'USE_REGISTRATION'],
      [{ reason: 'refused_offers', date: '2026-09-01' }, '/reason', 'USE_REFUSALS'],
      [{ reason: 'other', date: '2026-09-01', note: '   ' }, '/note', 'NOTE_REQUIRED'],
    ];
    for (const [body, path, code] of cases) {
      const res = await send(officer, 'POST', `/ui/claims/${id}/stop`, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ path, code })]);
    }
    expect((await send(officer, 'POST', `/ui/claims/${id}/stop`, { reason: 'moved', date: '2026-09-01' })).statusCode).toBe(400);
    expect((await send(officer, 'GET', `/ui/claims/${id}`)).json()).toMatchObject({ status: 'active', stoppedOn: null, stopReason: null });
    const other = await send(officer, 'POST', `/ui/claims/${id}/stop`, { reason: 'other', date: '2026-09-01', note: '依据某行政法规' });
    expect(other.json()).toMatchObject({ status: 'stopped', stopReason: 'other' });
  });

  it('UI-3 条例第十五条第（六）项: the second refusal (ui.refusals_to_stop = 2, with its source) stops the claim on its date; the refusals are listed', async () => {
    const { id } = await activeClaim();
    const first = await send(officer, 'POST', `/ui/claims/${id}/refusals`, {
      date: '2026-08-05',
      offer: '某物业公司 保洁员',
      note: '称离家远',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ refusals: 1, refusalsToStop: 2, stopped: false, claim: { status: 'active' } });
    expect(first.json().source).toContain('第十五条第（六）项');
    expect(first.json().refusal).toMatchObject({ offer: '某物业公司 保洁员', recordedByName: '坞城街道失业保险经办员' });
    const second = await send(officer, 'POST', `/ui/claims/${id}/refusals`, { date: '2026-09-20', offer: '焊工培训班' });
    expect(second.json()).toMatchObject({
      refusals: 2,
      stopped: true,
      claim: { status: 'stopped', stoppedOn: '2026-09-20', stopReason: 'refused_offers' },
    });
    const list = (await send(officer, 'GET', `/ui/claims/${id}/refusals`)).json();
    expect(list).toMatchObject({ total: 2, refusalsToStop: 2 });
    expect(list.items.map((r: { offer: string }) => r.offer)).toEqual(['某物业公司 保洁员', '焊工培训班']);
    expect(list.items.map((r: { recordedByName: string }) => r.recordedByName)).toEqual([
      '坞城街道失业保险经办员',
      '坞城街道失业保险经办员',
    ]);
    expect((await auditOf(id)).at(-1)).toMatchObject({ action: 'stop', after: expect.objectContaining({ stopReason: 'refused_offers' }) });
  });

  it('UI-3 条例第十五条第（六）项: the count that stops is the region’s parameter: with 3 set for Taiyuan, two refusals do not stop', async () => {
    const admin = (await createStaffMember(t, { regionCode: '140100000000', roles: ['admin'] })).auth;
    const set = await send(admin, 'POST', '/params/ui.refusals_to_stop/values', {
      regionPrefix: '1401',
      effectiveFrom: '2026-10-01',
      value: 3,
      source: '测试：太原市失业保险金申领发放办法（示例）',
    });
    expect(set.statusCode, set.body).toBe(201);
    const { id } = await activeClaim();
    await send(officer, 'POST', `/ui/claims/${id}/refusals`, { date: '2026-10-05', offer: '保安员' });
    const second = await send(officer, 'POST', `/ui/claims/${id}/refusals`, { date: '2026-10-15', offer: '仓库管理员' });
    expect(second.json()).toMatchObject({
      refusals: 2,
      refusalsToStop: 3,
      stopped: false,
      source: '测试：太原市失业保险金申领发放办法（示例）',
    });
    const third = await send(officer, 'POST', `/ui/claims/${id}/refusals`, { date: '2026-10-25', offer: '电工培训班' });
    expect(third.json()).toMatchObject({ refusals: 3, stopped: true, claim: { stopReason: 'refused_offers', stoppedOn: '2026-10-25' } });
  });

  it('UI-3 迁出统筹地区 (条例第十五条第（三）项、第二十二条): moving the person out of Taiyuan stops the claim as moved_away that day; a move within the city does not', async () => {
    const { person, id } = await activeClaim();
    const within = await send(provinceClerk, 'PATCH', `/persons/${person.id}`, { regionCode: '140105002001' });
    expect(within.statusCode, within.body).toBe(200);
    expect((await send(reviewer, 'GET', `/ui/claims/${id}`)).json()).toMatchObject({ status: 'active' });
    const out = await send(provinceClerk, 'PATCH', `/persons/${person.id}`, { regionCode: '140213001001' });
    expect(out.statusCode, out.body).toBe(200);
    expect((await send(reviewer, 'GET', `/ui/claims/${id}`)).json()).toMatchObject({
      status: 'stopped',
      stoppedOn: today,
      stopReason: 'moved_away',
    });
    expect((await auditOf(id)).at(-1)!.reason).toContain('迁出统筹地区');
  });

  it('UI-3 jurisdiction and roles: another street’s and another district’s officer get 404 on stop and refusals; a clerk or reviewer gets 403', async () => {
    const { id } = await activeClaim();
    for (const other of [otherStreet, otherDistrict]) {
      expect((await send(other, 'POST', `/ui/claims/${id}/stop`, { reason: 'conscripted', date: '2026-09-01' })).statusCode).toBe(404);
      expect((await send(other, 'POST', `/ui/claims/${id}/refusals`, { date: '2026-09-01', offer: '保洁员' })).statusCode).toBe(404);
      expect((await send(other, 'GET', `/ui/claims/${id}/refusals`)).statusCode).toBe(404);
    }
    expect((await send(clerkOnly, 'POST', `/ui/claims/${id}/stop`, { reason: 'conscripted', date: '2026-09-01' })).statusCode).toBe(403);
    expect((await send(clerkOnly, 'POST', `/ui/claims/${id}/refusals`, { date: '2026-09-01', offer: '保洁员' })).statusCode).toBe(403);
    expect((await send(officer, 'GET', `/ui/claims/${id}`)).json().status).toBe('active');
    expect((await send(officer, 'GET', `/ui/claims/${id}/refusals`)).json().total).toBe(0);
  });
});
