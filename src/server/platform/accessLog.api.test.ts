// SYS-2 (PIPL arts. 28, 45, 51): every look at a person's record is logged; auditors query the
// log and the person sees it on the board. On PGlite and on PostgreSQL.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personAccessLog } from '../db/schema.js';
import { createDistrictPair, createEmployer, createPerson, createPublishedVacancy, createStaffMember } from '../testing/factories.js';
import { createTestApp, type TestApp } from '../testing/testApp.js';
import { createAccessLog } from './accessLog.js';

let t: TestApp;
let clerk: { authorization: string };
let auditor: { authorization: string };
let otherAuditor: { authorization: string };
const get = (url: string, headers?: Record<string, string>) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
const post = (url: string, payload: object, headers?: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers });

type Entry = { at: string; actorUsername: string; unitName: string | null; action: string; rows: number | null };
const logOf = async (personId: string, as = auditor) =>
  (await get(`/persons/${personId}/access-log?pageSize=100`, as)).json().items as Entry[];

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-23T04:00:00Z') });
  clerk = (await createDistrictPair(t)).home.auth;
  auditor = (await createStaffMember(t, { regionCode: '140105000000', roles: ['auditor'] })).auth;
  otherAuditor = (await createStaffMember(t, { regionCode: '140106000000', roles: ['auditor'] })).auth;
});
afterAll(() => t.close());

describe('SYS-2 access log of personal data', () => {
  it('SYS-2 opening a record, a lookup by ID number, its registrations, an export and a reveal are each logged with who and which unit', async () => {
    const p = await createPerson(t, clerk, { name: '吴查阅', unemployedSince: '2026-11-02' });
    expect(await logOf(p.id)).toEqual([]);
    expect((await get(`/persons/${p.id}`, clerk)).statusCode).toBe(200);
    expect((await post('/persons/lookup', { idNumber: p.idNumber }, clerk)).statusCode).toBe(200);
    expect((await get(`/persons/${p.id}/registrations`, clerk)).statusCode).toBe(200);
    const exported = await get(`/persons?format=xlsx&q=${encodeURIComponent('吴查阅')}`, clerk);
    expect(exported.statusCode).toBe(200);
    expect((await post(`/persons/${p.id}/reveal`, { fields: ['phone'], reason: '电话回访' }, clerk)).statusCode).toBe(200);

    // The registrations of the record just opened are part of the same look (one view a minute per actor).
    const colleague = (await createStaffMember(t, { regionCode: '140105000000', roles: ['clerk'] })).auth;
    expect((await get(`/persons/${p.id}/registrations`, colleague)).statusCode).toBe(200);

    const log = await logOf(p.id);
    expect(log.map((e) => e.action).sort()).toEqual(['export', 'lookup', 'reveal', 'view', 'view']);
    expect(log.every((e) => e.actorUsername.startsWith('factory_staff') && e.unitName && e.unitName.length > 0)).toBe(true);
    expect(log.find((e) => e.action === 'export')!.rows).toBeGreaterThanOrEqual(1);
    // The auditor's own reading of the log is not a look at the record.
    expect(await logOf(p.id)).toHaveLength(5);
  });

  it('SYS-2 only auditors read the log, and only within their jurisdiction (404 outside, like the record)', async () => {
    const p = await createPerson(t, clerk);
    expect((await get(`/persons/${p.id}/access-log`, clerk)).statusCode).toBe(403);
    expect((await get(`/persons/${p.id}/access-log`, otherAuditor)).statusCode).toBe(404);
    expect((await get(`/persons/${p.id}/access-log`, auditor)).statusCode).toBe(200);
    const xlsx = await get(`/persons/${p.id}/access-log?format=xlsx`, auditor);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('SYS-2 a seeker sees on the board who looked at their record, an employer opening their application included', async () => {
    const p = await createPerson(t, clerk, { name: '郑自查', phone: '13600001111' });
    const { code } = (await post(`/persons/${p.id}/activation-code`, {}, clerk)).json();
    const registered = await post('/public/accounts/seekers', {
      phone: '13600002222',
      password: 'Seek12345',
      idNumber: p.idNumber,
      name: p.name,
      code,
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const me = { authorization: `Bearer ${registered.json().token as string}` };
    await get(`/persons/${p.id}`, clerk);

    const employer = await createEmployer(t, clerk, { contactPhone: '13600003333' });
    const reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
    const vacancy = await createPublishedVacancy(t, clerk, reviewer, employer.id);
    expect((await post('/public/me/applications', { vacancyId: vacancy.id }, me)).statusCode).toBe(201);
    await post('/public/accounts/employers/codes', { creditCode: employer.creditCode, employerName: employer.name });
    const sms = (await get('/sms-outbox?pageSize=100', clerk)).json().items.find((m: { phone: string }) => m.phone === '136****3333');
    const boss = await post('/public/accounts/employers', {
      phone: '13600004444',
      password: 'Boss12345',
      creditCode: employer.creditCode,
      employerName: employer.name,
      code: sms.body.match(/验证码 (\d{6})/)[1],
    });
    expect(boss.statusCode, boss.body).toBe(201);
    const applicants = await get(`/public/me/vacancies/${vacancy.id}/applications`, {
      authorization: `Bearer ${boss.json().token as string}`,
    });
    expect(applicants.statusCode).toBe(200);

    const mine = await get('/public/me/access-log', me);
    expect(mine.statusCode).toBe(200);
    const items = mine.json().items as Entry[];
    expect(items.map((e) => e.unitName)).toContain(employer.name);
    expect(items.filter((e) => e.action === 'view').length).toBeGreaterThanOrEqual(2);
    expect((await get('/public/me/access-log')).statusCode).toBe(401);
  });

  it('SYS-2 looks are written in batches off the request, and all of them on a clean shutdown', async () => {
    const p = await createPerson(t, clerk);
    const log = createAccessLog(t.handle.db, { flushEveryMs: 60_000 });
    const ctx = { ...t.systemCtx, actor: { ...t.systemCtx.actor, username: 'batch_test' } };
    const count = async () =>
      (
        await t.handle.db
          .select({ n: sql<number>`count(*)::int` })
          .from(personAccessLog)
          .where(eq(personAccessLog.personId, p.id))
      )[0]!.n;
    for (const action of ['view', 'lookup', 'reveal'] as const) log.note(ctx, [{ personId: p.id, regionCode: '140105001001', action }]);
    expect(await count()).toBe(0);
    await log.close();
    expect(await count()).toBe(3);
  });
});
