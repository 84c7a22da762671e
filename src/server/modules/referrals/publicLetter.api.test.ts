// The employer's side of a referral letter on the public site (JOB-5; issue 10): code look-ups are
// limited per client address, feedback is audited, and it never overwrites an outcome staff have
// confirmed. On PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDistrictPair,
  createEmployer,
  createPublishedVacancy,
  createStaffMember,
  createWelderSeeker,
  type Auth,
} from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let officer: Auth;
let reviewer: Auth;
let auditor: Auth;
const today = '2026-11-23';
const post = (headers: Auth | undefined, url: string, payload: object, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload, remoteAddress });

async function letter() {
  const e = await createEmployer(t, officer);
  const v = await createPublishedVacancy(t, officer, reviewer, e.id);
  const personId = (await createWelderSeeker(t, officer)).id;
  const res = await post(officer, '/referrals', { personId, vacancyId: v.id });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; verificationCode: string };
}

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T04:00:00Z`) });
  officer = (await createDistrictPair(t)).home.auth;
  reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  auditor = (await createStaffMember(t, { regionCode: '140100000000', roles: ['auditor'] })).auth;
});
afterAll(() => t.close());

describe('JOB-5 referral letters on the public site', () => {
  it("JOB-5 an employer's feedback is audited and may be corrected until staff confirm the outcome, never after", async () => {
    const r = await letter();
    const first = await post(undefined, '/public/referrals/feedback', { code: r.verificationCode, outcome: 'interviewed' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().employerFeedback).toContain('面试');
    const corrected = await post(undefined, '/public/referrals/feedback', {
      code: r.verificationCode,
      outcome: 'hired',
      comment: '下周一到岗',
    });
    expect(corrected.json().employerFeedback).toContain('下周一到岗');
    const audit = await t.app.inject({ method: 'GET', url: `/api/v1/audit?entityId=${r.id}`, headers: auditor });
    const actions = (audit.json().items as { action: string; actorUsername: string }[]).filter((a) => a.action === 'employer_feedback');
    expect(actions).toHaveLength(2);
    expect(actions[0]!.actorUsername).toBe('anonymous');

    expect((await post(officer, `/referrals/${r.id}/outcome`, { outcome: 'rejected', date: today })).statusCode).toBe(200);
    const late = await post(undefined, '/public/referrals/feedback', { code: r.verificationCode, outcome: 'hired' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('经办人员');
    const checked = await post(undefined, '/public/referrals/verify', { code: r.verificationCode });
    expect(checked.json()).toMatchObject({ outcome: 'rejected', employerFeedback: expect.stringContaining('下周一到岗') });
  });

  it('JOB-5 one address cannot walk the letter codes: after ten unknown codes it waits, while others are served', async () => {
    const r = await letter();
    for (let i = 0; i < 10; i++)
      expect((await post(undefined, '/public/referrals/verify', { code: `ZZZZZZZZ${i}${i}` }, '198.51.100.1')).statusCode).toBe(404);
    expect((await post(undefined, '/public/referrals/verify', { code: r.verificationCode }, '198.51.100.1')).statusCode).toBe(429);
    expect(
      (await post(undefined, '/public/referrals/feedback', { code: r.verificationCode, outcome: 'hired' }, '198.51.100.1')).statusCode,
    ).toBe(429);
    expect((await post(undefined, '/public/referrals/verify', { code: r.verificationCode }, '198.51.100.2')).statusCode).toBe(200);
  });
});
