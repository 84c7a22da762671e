// UI-6 coverage and collection through the API on PGlite and PostgreSQL (种子文件 003 §(十五):
// 扩面、征缴、清欠; 《失业保险条例》第六条 rates as parameters): enrolments, registered employers not
// enrolled, arrears (months missing or paid below base × rate), follow-up tasks, jurisdiction (404)
// and roles (403).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmployer, createPerson, createStaffMember, type Auth } from '../../testing/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../testing/testApp.js';

const today = '2026-11-23';
let t: TestApp;
let clerk: Auth;
let officer: Auth; // 小店区 失业保险经办员
let jobOfficer: Auth;
let otherStreet: Auth;
let otherDistrict: Auth;
let clerkOnly: Auth;

beforeAll(async () => {
  t = await createTestApp({ demo: false, now: () => new Date(`${today}T04:00:00Z`) });
  clerk = (await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] })).auth;
  officer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['ui_officer'] })).auth;
  jobOfficer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] })).auth;
  otherStreet = (await createStaffMember(t, { regionCode: '140105002000', roles: ['ui_officer'] })).auth;
  otherDistrict = (await createStaffMember(t, { regionCode: '140106000000', roles: ['ui_officer'] })).auth;
  clerkOnly = (await createStaffMember(t, { regionCode: '140105000000', roles: ['clerk'] })).auth;
}, 120_000);
afterAll(() => t?.close());

function send(auth: Auth, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: { ...auth }, ...(payload ? { payload } : {}) });
}

async function enrol(employerId: string, sinceMonth: string, untilMonth?: string) {
  const res = await send(officer, 'POST', '/ui/enrolments', { employerId, sinceMonth, ...(untilMonth ? { untilMonth } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

async function pay(personId: string, employerId: string, month: string, baseFen: number, paidFen: number) {
  const res = await send(officer, 'POST', '/ui/contributions', { items: [{ personId, employerId, month, baseFen, paidFen }] });
  expect(res.statusCode, res.body).toBe(200);
}

type ArrearsRow = { employerId: string; owedFen: number; missingMonths: number; shortMonths: number; months: object[] };

describe('UI-6 coverage and arrears', () => {
  it('UI-6 种子文件 003 §(十五) 扩面: registered employers in scope not enrolled in the month are listed until enrolled; an ended enrolment counts only to its month', async () => {
    const a = await createEmployer(t, jobOfficer);
    const b = await createEmployer(t, jobOfficer);
    const ids = async (query = '') =>
      ((await send(officer, 'GET', `/ui/coverage/not-enrolled?pageSize=100${query}`)).json().items as { employerId: string }[]).map(
        (e) => e.employerId,
      );
    expect(await ids()).toEqual(expect.arrayContaining([a.id, b.id]));
    const enrolment = await enrol(a.id, '2026-01');
    expect(await ids()).not.toContain(a.id);
    expect(await ids('&month=2025-12')).toContain(a.id);
    const ended = await send(officer, 'PATCH', `/ui/enrolments/${enrolment.id}`, { untilMonth: '2026-06' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ sinceMonth: '2026-01', untilMonth: '2026-06', employerId: a.id });
    expect(await ids()).toContain(a.id);
    expect(await ids('&month=2026-06')).not.toContain(a.id);
    const overlap = await send(officer, 'POST', '/ui/enrolments', { employerId: a.id, sinceMonth: '2026-05' });
    expect(overlap.statusCode, overlap.body).toBe(409);
    await enrol(a.id, '2026-07');
    expect(await ids()).not.toContain(a.id);
    const xlsx = await send(officer, 'GET', '/ui/coverage/not-enrolled?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('UI-6 条例第六条 (2% + 1% as parameters) and 种子文件 003 §(十五) 清欠: a month paid below base × 3% is short by the difference, an undeclared month is owed at the last base (estimated); a fully paid employer is not listed', async () => {
    const a = await createEmployer(t, jobOfficer);
    const paid = await createEmployer(t, jobOfficer);
    const silent = await createEmployer(t, jobOfficer);
    const p = await createPerson(t, clerk);
    await enrol(a.id, '2026-07');
    await enrol(paid.id, '2026-09');
    await enrol(silent.id, '2026-10');
    await pay(p.id, a.id, '2026-07', 300_000, 9_000);
    await pay(p.id, a.id, '2026-08', 300_000, 5_000);
    await pay(p.id, a.id, '2026-10', 300_000, 9_000);
    await pay(p.id, paid.id, '2026-09', 200_000, 6_000);
    await pay(p.id, paid.id, '2026-10', 200_000, 6_000);
    const res = await send(officer, 'GET', '/ui/arrears?from=2026-07&through=2026-10&pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { from: string; through: string; items: ArrearsRow[] };
    expect(body).toMatchObject({ from: '2026-07', through: '2026-10' });
    const rowOf = (id: string) => body.items.find((r) => r.employerId === id);
    expect(rowOf(a.id)).toMatchObject({ owedFen: 13_000, missingMonths: 1, shortMonths: 1 });
    expect(rowOf(a.id)!.months).toEqual([
      {
        month: '2026-08',
        status: 'short',
        baseFen: 300_000,
        ratePercent: 3,
        dueFen: 9_000,
        paidFen: 5_000,
        owedFen: 4_000,
        estimated: false,
      },
      { month: '2026-09', status: 'missing', baseFen: 300_000, ratePercent: 3, dueFen: 9_000, paidFen: 0, owedFen: 9_000, estimated: true },
    ]);
    expect(rowOf(paid.id)).toBeUndefined();
    expect(rowOf(silent.id)).toMatchObject({
      owedFen: 0,
      missingMonths: 1,
      months: [expect.objectContaining({ baseFen: null, owedFen: null })],
    });
    const order = body.items.map((r) => r.employerId);
    expect(order.indexOf(a.id)).toBeLessThan(order.indexOf(silent.id));
    const xlsx = await send(officer, 'GET', '/ui/arrears?from=2026-07&through=2026-10&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await send(officer, 'GET', '/ui/arrears?through=2026-11')).statusCode, 'this month is not yet due').toBe(400);
    expect((await send(officer, 'GET', '/ui/arrears?from=2026-10&through=2026-09')).statusCode).toBe(400);
  });

  it('UI-6 条例第六条 rates as dated, regional parameters: a lower rate set for 太原 from a month applies from that month on, earlier months keep the national one', async () => {
    const admin = await loginAs(t.app, 'admin');
    const lowered = await send(admin, 'POST', '/params/ui.contribution_rate.employer/values', {
      regionPrefix: '140105',
      effectiveFrom: '2026-09-01',
      value: 0.5,
      source: '测试：阶段性降低失业保险费率',
    });
    expect(lowered.statusCode, lowered.body).toBe(201);
    const e = await createEmployer(t, jobOfficer);
    const p = await createPerson(t, clerk);
    await enrol(e.id, '2026-08');
    await pay(p.id, e.id, '2026-08', 100_000, 1_000);
    await pay(p.id, e.id, '2026-09', 100_000, 1_500);
    const res = await send(officer, 'GET', '/ui/arrears?from=2026-08&through=2026-10&pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    type Month = { month: string; ratePercent: number; owedFen: number };
    const row = (res.json() as { items: ArrearsRow[] }).items.find((r) => r.employerId === e.id);
    const months = (row?.months ?? []) as Month[];
    // 2026-08 at 2% + 1% owes 3,000 − 1,000; 2026-09 at 0.5% + 1% is paid in full (1,500); 2026-10 undeclared at the last base.
    expect(months.map((m) => [m.month, m.ratePercent, m.owedFen])).toEqual([
      ['2026-08', 3, 2_000],
      ['2026-10', 1.5, 1_500],
    ]);
  });

  it('UI-6 follow-ups: an enrol task is open until done with its result (400 without one); the list filters by status and kind and exports', async () => {
    const e = await createEmployer(t, jobOfficer);
    const created = await send(officer, 'POST', '/ui/follow-ups', {
      employerId: e.id,
      kind: 'enrol',
      dueDate: '2026-12-15',
      note: '电话联系财务',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'open', kind: 'enrol', employerName: e.name, doneBy: null });
    expect((await send(officer, 'GET', `/ui/follow-ups?status=open&kind=enrol&employerId=${e.id}`)).json().total).toBe(1);
    const notEnrolled = (await send(officer, 'GET', '/ui/coverage/not-enrolled?pageSize=100')).json().items as {
      employerId: string;
      openFollowUps: number;
    }[];
    expect(notEnrolled.find((r) => r.employerId === e.id)?.openFollowUps).toBe(1);
    const noResult = await send(officer, 'PATCH', `/ui/follow-ups/${id}`, { status: 'done' });
    expect(noResult.statusCode).toBe(400);
    expect(noResult.json().errors).toEqual([expect.objectContaining({ path: '/result', code: 'RESULT_REQUIRED' })]);
    const done = await send(officer, 'PATCH', `/ui/follow-ups/${id}`, { status: 'done', result: '单位已于12月办理参保登记' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', result: '单位已于12月办理参保登记', doneBy: expect.any(String) });
    expect((await send(officer, 'GET', `/ui/follow-ups?status=open&employerId=${e.id}`)).json().total).toBe(0);
    const past = await send(officer, 'POST', '/ui/follow-ups', { employerId: e.id, kind: 'arrears', dueDate: '2026-11-01' });
    expect(past.statusCode).toBe(400);
    const xlsx = await send(officer, 'GET', '/ui/follow-ups?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('UI-6 jurisdiction and roles: another street’s and another district’s officer get 404 on enrolments and follow-ups and cannot enrol the employer; a clerk gets 403', async () => {
    const e = await createEmployer(t, jobOfficer, { regionCode: '140105001001' });
    const enrolment = await enrol(e.id, '2026-03');
    const followUp = (await send(officer, 'POST', '/ui/follow-ups', { employerId: e.id, kind: 'arrears', dueDate: '2026-12-31' })).json();
    for (const other of [otherStreet, otherDistrict]) {
      expect((await send(other, 'GET', `/ui/enrolments/${enrolment.id}`)).statusCode).toBe(404);
      expect((await send(other, 'PATCH', `/ui/enrolments/${enrolment.id}`, { untilMonth: '2026-04' })).statusCode).toBe(404);
      expect((await send(other, 'GET', `/ui/follow-ups/${followUp.id}`)).statusCode).toBe(404);
      expect((await send(other, 'PATCH', `/ui/follow-ups/${followUp.id}`, { status: 'done', result: '已办' })).statusCode).toBe(404);
      const follow = await send(other, 'POST', '/ui/follow-ups', { employerId: e.id, kind: 'enrol', dueDate: '2026-12-31' });
      expect(follow.statusCode).toBe(400);
      expect(follow.json().errors).toEqual([expect.objectContaining({ path: '/employerId', code: 'NOT_FOUND' })]);
      const items = (await send(other, 'GET', '/ui/arrears?pageSize=100')).json().items as ArrearsRow[];
      expect(items.map((r) => r.employerId)).not.toContain(e.id);
      expect((await send(other, 'GET', `/ui/follow-ups?employerId=${e.id}`)).json().total).toBe(0);
    }
    expect((await send(clerkOnly, 'GET', '/ui/arrears')).statusCode).toBe(403);
    expect((await send(clerkOnly, 'GET', '/ui/coverage/not-enrolled')).statusCode).toBe(403);
    expect((await send(clerkOnly, 'POST', '/ui/enrolments', { employerId: e.id, sinceMonth: '2026-01' })).statusCode).toBe(403);
    expect((await send(officer, 'GET', `/ui/follow-ups/${followUp.id}`)).json().status).toBe('open');
  });
});
