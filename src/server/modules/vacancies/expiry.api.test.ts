// The nightly vacancy expiry (JOB-2, JOB-7): published vacancies past their valid-until date are
// stored as expired by the job vacancies.expire, on PGlite and on PostgreSQL.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, vacancies } from '../../db/schema.js';
import { createScheduler, type Scheduler } from '../../platform/scheduler.js';
import {
  approveVacancy,
  createDistrictPair,
  createEmployer,
  createPublishedVacancy,
  createStaffMember,
  createVacancy,
  createWelderSeeker,
  factoryPassword,
  type Auth,
} from '../../testing/factories.js';
import { createTestApp, loginAs, type TestApp } from '../../testing/testApp.js';
import { vacancyExpiryJob } from './service.js';

let t: TestApp;
let clock = new Date('2026-11-23T04:00:00Z'); // 2026-11-23 12:00 in Beijing
let scheduler: Scheduler;
let officer: Auth; // a 小店区 clerk and job officer
let otherDistrict: Auth;
let reviewer: Auth;
let usernames: { officer: string; otherDistrict: string; reviewer: string };

/** Moves the clock (days pass: sessions end when idle) and signs everyone in again. */
async function setClock(at: string) {
  clock = new Date(at);
  officer = await loginAs(t.app, usernames.officer, factoryPassword);
  otherDistrict = await loginAs(t.app, usernames.otherDistrict, factoryPassword);
  reviewer = await loginAs(t.app, usernames.reviewer, factoryPassword);
}

const get = (headers: Auth | undefined, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
const patch = (headers: Auth, id: string, payload: object) =>
  t.app.inject({ method: 'PATCH', url: `/api/v1/vacancies/${id}`, headers, payload });
const boardIds = async () =>
  ((await get(undefined, `/public/vacancies?q=${encodeURIComponent('电焊工')}&pageSize=100`)).json().items as { id: string }[]).map(
    (v) => v.id,
  );
const storedStatus = async (id: string) => (await t.handle.db.select().from(vacancies).where(eq(vacancies.id, id)))[0]!.status;
const expiryAudits = (id: string) =>
  t.handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'expire')));

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  scheduler = createScheduler({ db: t.handle.db, now: () => clock, sealer: t.sealer });
  scheduler.register(vacancyExpiryJob('10 0 * * *'));
  const pair = await createDistrictPair(t);
  const city = await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] });
  usernames = { officer: pair.home.username, otherDistrict: pair.other.username, reviewer: city.username };
  await setClock(clock.toISOString());
});
afterAll(() => t.close());

describe('JOB-2 vacancies.expire', () => {
  let ended: string; // valid until 2026-11-25
  let lastDay: string; // valid until 2026-11-26
  let seekerId: string;

  it('JOB-2 an expired vacancy leaves the board and the matches at midnight, and the job stores it as expired; one valid until today stays', async () => {
    const e = await createEmployer(t, officer);
    ended = (await createPublishedVacancy(t, officer, reviewer, e.id, { validUntil: '2026-11-25' })).id;
    lastDay = (await createPublishedVacancy(t, officer, reviewer, e.id, { validUntil: '2026-11-26' })).id;
    seekerId = (await createWelderSeeker(t, officer)).id;
    const matched = async () =>
      ((await get(officer, `/persons/${seekerId}/matches?limit=100`)).json() as { vacancyId: string }[]).map((m) => m.vacancyId);
    expect(await boardIds()).toEqual(expect.arrayContaining([ended, lastDay]));
    expect(await matched()).toEqual(expect.arrayContaining([ended, lastDay]));

    // 2026-11-26 00:05 in Beijing: the job has not run yet, but the date already hides the post.
    await setClock('2026-11-25T16:05:00Z');
    expect(await boardIds()).not.toContain(ended);
    expect((await get(officer, `/vacancies/${ended}`)).json().status).toBe('expired');
    expect(await storedStatus(ended)).toBe('published');

    await setClock('2026-11-25T16:10:00Z');
    const run = await scheduler.runJobNow('vacancies.expire');
    expect(run).toMatchObject({ outcome: 'ok', detail: expect.stringMatching(/2026-11-26 之前.* 1 个/) });
    expect(await storedStatus(ended)).toBe('expired');
    expect(await storedStatus(lastDay)).toBe('published');
    expect(await boardIds()).not.toContain(ended);
    expect(await boardIds()).toContain(lastDay);
    expect(await matched()).not.toContain(ended);
    expect(await matched()).toContain(lastDay);
    expect((await get(undefined, `/public/vacancies/${ended}`)).statusCode).toBe(404);
    expect((await get(officer, `/vacancies/${lastDay}`)).json().status).toBe('published');
    const audits = await expiryAudits(ended);
    expect(audits).toEqual([
      expect.objectContaining({ actorUsername: 'system', entity: 'vacancy', reason: '有效期至 2026-11-25，已过期' }),
    ]);
  });

  it('JOB-2 a second run changes nothing (idempotent)', async () => {
    const before = await t.handle.db.select().from(vacancies).where(eq(vacancies.id, ended));
    await setClock('2026-11-25T16:20:00Z');
    const again = await scheduler.runJobNow('vacancies.expire');
    expect(again).toMatchObject({ outcome: 'ok', detail: expect.stringContaining(' 0 个') });
    expect(await t.handle.db.select().from(vacancies).where(eq(vacancies.id, ended))).toEqual(before);
    expect(await expiryAudits(ended)).toHaveLength(1);
  });

  it('JOB-2 the stored and the derived status agree in the staff list: 已过期 under status=expired, not under published', async () => {
    const list = async (status: string) =>
      ((await get(officer, `/vacancies?status=${status}&pageSize=100`)).json().items as { id: string; status: string }[]).map((v) => v.id);
    expect(await list('expired')).toContain(ended);
    expect(await list('published')).not.toContain(ended);
    expect(await list('published')).toContain(lastDay);
    // The day after, lastDay reads as expired before the job runs and stays so after it.
    await setClock('2026-11-26T16:05:00Z');
    expect(await list('expired')).toEqual(expect.arrayContaining([ended, lastDay]));
    await scheduler.runJobNow('vacancies.expire');
    expect(await list('expired')).toEqual(expect.arrayContaining([ended, lastDay]));
    expect(await storedStatus(lastDay)).toBe('expired');
    const sheet = await get(officer, '/vacancies?status=expired&format=xlsx');
    expect(sheet.statusCode).toBe(200);
  });

  it('JOB-2 an expired post goes back on the board only through a new date and review; saving it as it is keeps it expired', async () => {
    const stale = await patch(officer, ended, { title: '电焊工（急招）' });
    expect(stale.statusCode).toBe(400);
    expect(stale.json()).toMatchObject({ errors: [expect.objectContaining({ path: '/validUntil', code: 'IN_THE_PAST' })] });
    expect(stale.json().detail).toContain('已于 2026-11-25 到期');
    expect(await storedStatus(ended)).toBe('expired');

    const renewed = await patch(officer, ended, { validUntil: '2026-12-31' });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json()).toMatchObject({ status: 'pending_review', validUntil: '2026-12-31', publishedAt: null });
    expect(await boardIds()).not.toContain(ended);
    expect((await approveVacancy(t, reviewer, ended)).json()).toMatchObject({ status: 'published' });
    expect(await boardIds()).toContain(ended);
  });

  it('JOB-2 a reviewer cannot publish a vacancy whose valid-until date passed while it waited for review', async () => {
    const e = await createEmployer(t, officer);
    const waiting = await createVacancy(t, officer, e.id, { validUntil: '2026-11-28' });
    await setClock('2026-11-29T02:00:00Z');
    const res = await approveVacancy(t, reviewer, waiting.id);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'RULE_VIOLATION',
      errors: [expect.objectContaining({ path: '/validUntil', code: 'EXPIRED' })],
    });
    expect(await storedStatus(waiting.id)).toBe('pending_review');
  });

  it('NET-2 another district sees an expired vacancy as 404, as any other', async () => {
    expect((await get(otherDistrict, `/vacancies/${lastDay}`)).statusCode).toBe(404);
    expect((await patch(otherDistrict, lastDay, { validUntil: '2026-12-31' })).statusCode).toBe(404);
  });
});
