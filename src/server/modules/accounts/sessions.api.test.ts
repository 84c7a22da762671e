// Public accounts share the staff session mechanism (platform/auth.ts): idle and absolute limits,
// sweeping, audited logins; the seeker's ledger check is throttled per source address and audited.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../../../shared/idNumber.js';
import { auditLog, publicSessions } from '../../db/schema.js';
import { sessionRules, sweepSessions } from '../../platform/auth.js';
import { createTestApp, loginAs, type TestApp } from '../../testing/testApp.js';

let t: TestApp;
let clock = new Date('2026-11-23T04:00:00Z');
const idOf = (first17: string) => first17 + idCheckCharacter(first17);
const post = (url: string, payload: object, headers?: Record<string, string>, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers, remoteAddress });
const get = (url: string, headers?: Record<string, string>) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
const later = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const countAudit = async (action: string) =>
  (
    await t.handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entity, 'public_account')))
  )[0]!.n;

let idNumber: string;
let personId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  const clerk = await loginAs(t.app, 'xiaodian_clerk');
  idNumber = idOf('14010519900202123');
  const person = await post('/persons', { idNumber, name: '孙会话', regionCode: '140105001001', householdType: 'urban' }, clerk);
  expect(person.statusCode).toBe(201);
  personId = person.json().id;
  const { code } = (await post(`/persons/${personId}/activation-code`, {}, clerk)).json();
  expect(
    (await post('/public/accounts/seekers', { phone: '13912349001', password: 'Seek12345', idNumber, name: '孙会话', code })).statusCode,
  ).toBe(201);
});
afterAll(() => t?.close());

describe('JOB-7 public sessions and the ledger check', () => {
  it('JOB-7 a public account login is audited, and its session ends after the idle limit like a staff session', async () => {
    const before = await countAudit('login');
    const login = await post('/public/accounts/login', { kind: 'seeker', phone: '13912349001', password: 'Seek12345' });
    expect(login.statusCode).toBe(200);
    expect(await countAudit('login')).toBe(before + 1);
    const me = { authorization: `Bearer ${login.json().token as string}` };
    expect((await get('/public/me', me)).statusCode).toBe(200);
    later(sessionRules.idleMs + 1000);
    expect((await get('/public/me', me)).statusCode).toBe(401);
  });

  it('JOB-7 the session sweep deletes expired public sessions too', async () => {
    const login = await post('/public/accounts/login', { kind: 'seeker', phone: '13912349001', password: 'Seek12345' });
    expect(login.statusCode).toBe(200);
    const live = async () => (await t.handle.db.select({ n: sql<number>`count(*)::int` }).from(publicSessions))[0]!.n;
    expect(await live()).toBeGreaterThan(0);
    later(sessionRules.idleMs + 1000);
    const swept = await sweepSessions(t.handle.db, clock);
    expect(swept.sessions).toBeGreaterThan(0);
    expect(await live()).toBe(0);
  });

  it('JOB-7 failed bindings from one address are throttled after the limit and audited; another address is not affected', async () => {
    const before = await countAudit('binding_failed');
    for (let i = 0; i < sessionRules.maxFailures; i++) {
      const wrong = await post(
        '/public/accounts/seekers',
        { phone: `1391235000${i}`, password: 'Seek12345', idNumber, name: `试${i}`, code: '000000' },
        undefined,
        '127.0.0.9',
      );
      expect(wrong.statusCode).toBe(422);
    }
    expect(await countAudit('binding_failed')).toBe(before + sessionRules.maxFailures);
    const clerk = await loginAs(t.app, 'xiaodian_clerk'); // the earlier tests' clock moves past its idle limit
    const { code } = (await post(`/persons/${personId}/activation-code`, {}, clerk)).json();
    const blocked = await post(
      '/public/accounts/seekers',
      { phone: '13912350009', password: 'Seek12345', idNumber, name: '孙会话', code },
      undefined,
      '127.0.0.9',
    );
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('RATE_LIMITED');
    // The same person's own check from another address still answers normally (here: already registered).
    expect(
      (
        await post(
          '/public/accounts/seekers',
          { phone: '13912350010', password: 'Seek12345', idNumber, name: '孙会话', code },
          undefined,
          '127.0.0.10',
        )
      ).statusCode,
    ).toBe(409);
  });
});
