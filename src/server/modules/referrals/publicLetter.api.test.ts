// The employer's side of a referral letter on the public site (JOB-5; issues 10, 11): code look-ups
// are limited per client address and per code (the production default limits), feedback is
// audited, and it never overwrites an outcome staff have confirmed. On PGlite and on PostgreSQL.
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
    const waiting = await post(undefined, '/public/referrals/verify', { code: r.verificationCode }, '198.51.100.1');
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json()).toMatchObject({ code: 'RATE_LIMITED', limit: 'letterMiss' });
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      (await post(undefined, '/public/referrals/feedback', { code: r.verificationCode, outcome: 'hired' }, '198.51.100.1')).statusCode,
    ).toBe(429);
    expect((await post(undefined, '/public/referrals/verify', { code: r.verificationCode }, '198.51.100.2')).statusCode).toBe(200);
  });

  it('JOB-5 a code tried too often is limited from every address: another address trying the same code waits, its other codes do not', async () => {
    const r = await letter();
    const guess = 'QQQQQQQQQQ';
    for (let i = 0; i < 10; i++)
      expect((await post(undefined, '/public/referrals/verify', { code: guess }, '198.51.100.31')).statusCode).toBe(404);
    const elsewhere = await post(undefined, '/public/referrals/verify', { code: guess.toLowerCase() }, '198.51.100.32');
    expect(elsewhere.statusCode).toBe(429);
    expect(elsewhere.headers['content-type']).toContain('application/problem+json');
    expect(elsewhere.json()).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 'letterCode',
      detail: expect.stringContaining('验证码近期核验次数过多'),
    });
    expect(Number(elsewhere.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect((await post(undefined, '/public/referrals/verify', { code: r.verificationCode }, '198.51.100.32')).statusCode).toBe(200);
  });

  it('JOB-5 an employer checking and answering its letters in the normal way is never limited', async () => {
    const from = '198.51.100.40';
    for (let i = 0; i < 3; i++) {
      const r = await letter();
      for (let check = 0; check < 3; check++)
        expect((await post(undefined, '/public/referrals/verify', { code: r.verificationCode }, from)).statusCode).toBe(200);
      expect(
        (await post(undefined, '/public/referrals/feedback', { code: r.verificationCode, outcome: 'interviewed' }, from)).statusCode,
      ).toBe(200);
      expect((await post(undefined, '/public/referrals/feedback', { code: r.verificationCode, outcome: 'hired' }, from)).statusCode).toBe(
        200,
      );
    }
  });
});
