// Request-rate limits of the public endpoints (SYS-2, JOB-7; issue 11): sign-in and account
// registration per client address, behind a trusted proxy by the client's forwarded address. Small
// limits are configured here so each test needs a few requests; the letter limits are tested with
// the production defaults in modules/referrals/publicLetter.api.test.ts. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCreditCode } from '../testing/factories.js';
import { createTestApp, testAdminPassword, type TestApp } from '../testing/testApp.js';

let t: TestApp;
const minute = 60_000;

beforeAll(async () => {
  // One proxy in front (OPENPES_TRUST_PROXY=1): the socket is the proxy, the client is the last X-Forwarded-For hop.
  t = await createTestApp({
    deps: { trustProxy: 1 },
    requestLimits: { login: { max: 4, windowMs: minute }, signUp: { max: 3, windowMs: 60 * minute } },
  });
});
afterAll(() => t.close());

const proxy = '10.0.0.2';
const login = (client: string, password = testAdminPassword) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'xiaodian_clerk', password },
    remoteAddress: proxy,
    headers: { 'x-forwarded-for': client },
  });

let phoneSerial = 0;
const signUpEmployer = (client: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/public/accounts/employers',
    remoteAddress: proxy,
    headers: { 'x-forwarded-for': client },
    payload: {
      phone: `1391234${String(5000 + phoneSerial++).padStart(4, '0')}`,
      password: 'Boss-2026x',
      creditCode: buildCreditCode(),
      employerName: `限流测试商贸有限公司${phoneSerial}`,
      regionCode: '140105001001',
    },
  });

describe('SYS-2 request-rate limits of sign-in and registration, per client address (issue 11)', () => {
  it('SYS-2 sign-ins from one address beyond the limit answer 429 with Retry-After and a Chinese message; other addresses sign in', async () => {
    const client = '203.0.113.40';
    for (let i = 0; i < 4; i++) expect((await login(client)).statusCode, `sign-in ${i + 1}`).toBe(200);
    const refused = await login(client);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 'login',
      detail: expect.stringMatching(/^登录请求过于频繁，请 \d+ (秒|分钟)后再试/),
    });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.json().retryAfterSeconds).toBe(retryAfter);
    expect((await login('203.0.113.41')).statusCode).toBe(200);
  });

  it('SYS-2 the address is the one the trusted proxy saw: a forged X-Forwarded-For entry before it changes nothing', async () => {
    const client = '203.0.113.50';
    for (let i = 0; i < 4; i++) await login(client, 'Wrong-pass-1');
    expect((await login(client)).statusCode).toBe(429);
    // The client wrote its own X-Forwarded-For; the proxy appended the address it really came from.
    expect((await login(`198.51.100.77, ${client}`)).statusCode).toBe(429);
  });

  it('JOB-7 account registrations from one address are limited; the same sign-up from another address goes through', async () => {
    const kiosk = '203.0.113.60';
    for (let i = 0; i < 3; i++) {
      const res = await signUpEmployer(kiosk);
      expect(res.statusCode, res.body).toBe(201);
    }
    const refused = await signUpEmployer(kiosk);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED', limit: 'signUp', detail: expect.stringContaining('注册账号过于频繁') });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(59 * 60);
    expect((await signUpEmployer('203.0.113.61')).statusCode).toBe(201);
  });
});
