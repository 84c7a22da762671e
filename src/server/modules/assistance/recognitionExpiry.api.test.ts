// AID-1: a recognition past its last valid day reads as expired and is proposed again, and the
// nightly job assistance.expire takes the matching priority off the seeker's profile.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScheduler, type Scheduler } from '../../platform/scheduler.js';
import { buildIdNumber, createPerson, createStaffMember, factoryPassword } from '../../testing/factories.js';
import { createTestApp, loginAs, queryRows, type TestApp } from '../../testing/testApp.js';
import { recognitionExpiryJob } from './index.js';

let t: TestApp;
let clock = new Date('2026-11-23T04:00:00Z');
let scheduler: Scheduler;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  scheduler = createScheduler({ db: t.handle.db, now: () => clock, sealer: t.sealer });
  scheduler.register(recognitionExpiryJob());
});
afterAll(() => t.close());

describe('AID-1 assistance.expire', () => {
  it('AID-1 after its last valid day a recognition is expired, proposed again, and the nightly job ends the match priority', async () => {
    const clerk = await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] });
    const reviewer = await createStaffMember(t, { regionCode: '140105000000', roles: ['reviewer'] });
    const woman = await createPerson(t, clerk.auth, {
      idNumber: buildIdNumber({ birthDate: '1980-02-02', sex: 'F' }),
      unemployedSince: '2026-10-01',
      skills: ['保洁'],
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/persons/${woman.id}/categories`,
      headers: reviewer.auth,
      payload: { category: 'person_4050', evidence: '身份证', validUntil: '2026-11-24' },
    });
    expect(res.statusCode).toBe(201);
    const priority = async () =>
      (
        await queryRows<{ priority: boolean }>(t.handle.db, sql`SELECT priority FROM seeker_match_profiles WHERE person_id = ${woman.id}`)
      )[0]!.priority;
    expect(await priority()).toBe(true);

    clock = new Date('2026-11-24T16:20:00Z'); // 2026-11-25 00:20 in Beijing
    const auth = await loginAs(t.app, reviewer.username, factoryPassword);
    const categories = (await t.app.inject({ method: 'GET', url: `/api/v1/persons/${woman.id}/categories`, headers: auth })).json();
    expect(categories.recognised).toEqual([]);
    expect(categories.history).toEqual([expect.objectContaining({ status: 'expired', validUntil: '2026-11-24' })]);
    expect(categories.proposed.map((p: { category: string }) => p.category)).toEqual(['person_4050']);

    const run = await scheduler.runJobNow('assistance.expire');
    expect(run.outcome).toBe('ok');
    expect(await priority()).toBe(false);
    expect((await scheduler.runJobNow('assistance.expire')).detail).toContain('0 人');

    // Recognised again: the lapsed one is closed as such and kept in the history.
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/persons/${woman.id}/categories`,
      headers: auth,
      payload: { category: 'person_4050', evidence: '身份证（复核）' },
    });
    expect(again.statusCode).toBe(201);
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/persons/${woman.id}/categories`, headers: auth })).json();
    expect(after.recognised).toEqual([expect.objectContaining({ id: again.json().id, recognisedOn: '2026-11-25' })]);
    expect(after.history).toEqual([
      expect.objectContaining({ status: 'revoked', revokedOn: '2026-11-24', revokedReason: '有效期届满，重新认定' }),
    ]);
    expect(await priority()).toBe(true);
  });
});
