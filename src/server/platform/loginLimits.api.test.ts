import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffMember, factoryPassword } from '../testing/factories.js';
import { createTestApp, loginAs, testAdminPassword, type TestApp } from '../testing/testApp.js';
import { loginLimits } from './loginLimits.js';

let t: TestApp;
let clock = new Date('2026-11-23T02:00:00Z');
const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
});
afterAll(() => t.close());

const login = (username: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });

describe('SYS-2 login limits per address and per username (issue 10, OWASP ASVS V6.3)', () => {
  it('SYS-2 spraying one password across many usernames from one address is stopped at the per-address limit; another address is not', async () => {
    const sprayer = '203.0.113.7';
    for (let i = 0; i < loginLimits.perSource; i++) {
      const res = await login(`spray_target_${i}`, 'Spring2026!', sprayer);
      expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
    }
    // Each username failed once only, yet the address is now refused, even with a right password.
    const next = await login('xiaodian_clerk', testAdminPassword, sprayer);
    expect(next.statusCode).toBe(429);
    expect(next.json()).toMatchObject({ code: 'RATE_LIMITED', detail: expect.stringContaining('网络地址') });
    expect(next.headers['retry-after']).toBeDefined();
    expect((await login('xiaodian_clerk', testAdminPassword, '198.51.100.20')).statusCode).toBe(200);
    later(loginLimits.windowMs + 1000);
    expect((await login('xiaodian_clerk', testAdminPassword, sprayer)).statusCode).toBe(200);
  });

  it('SYS-2 failures from another address never lock the owner out: their usual address signs in at once, a new one after a short delay', async () => {
    const owner = await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] });
    const home = '192.0.2.10';
    const attacker = '198.51.100.66';
    expect((await login(owner.username, factoryPassword, home)).statusCode).toBe(200);

    for (let i = 0; i < loginLimits.perKeyAndSource; i++)
      expect((await login(owner.username, 'Guess-123x', attacker)).statusCode).toBe(401);
    const locked = await login(owner.username, factoryPassword, attacker);
    expect(locked.statusCode).toBe(429);

    // The owner's known address is not affected.
    expect((await login(owner.username, factoryPassword, home)).statusCode).toBe(200);
    // A new address of the owner's waits a moment (a delay, not a lock) ...
    const travelling = '100.64.0.5';
    const delayed = await login(owner.username, factoryPassword, travelling);
    expect(delayed.statusCode).toBe(429);
    const { retryAfterSeconds, detail } = delayed.json() as { retryAfterSeconds: number; detail: string };
    expect(detail).toMatch(/请 \d+ 秒后再试/);
    expect(retryAfterSeconds).toBeLessThanOrEqual(loginLimits.maxDelayMs / 1000);
    // ... and then signs in, while the attacker's address stays locked for the window.
    later(retryAfterSeconds * 1000);
    expect((await login(owner.username, factoryPassword, travelling)).statusCode).toBe(200);
    expect((await login(owner.username, factoryPassword, attacker)).statusCode).toBe(429);
  });

  it('SYS-2 the owner signing in does not give the attacker fresh attempts', async () => {
    const owner = await createStaffMember(t, { regionCode: '140105002000', roles: ['clerk'] });
    const attacker = '198.51.100.77';
    for (let i = 0; i < loginLimits.perKeyAndSource - 1; i++) await login(owner.username, 'Guess-123x', attacker);
    expect((await login(owner.username, factoryPassword, '192.0.2.11')).statusCode).toBe(200);
    expect((await login(owner.username, 'Guess-456x', attacker)).statusCode).toBe(401);
    expect((await login(owner.username, 'Guess-789x', attacker)).statusCode).toBe(429);
  });

  it('SYS-2 a disabled account answers a right password like a wrong one', async () => {
    const member = await createStaffMember(t, { regionCode: '140106001000', roles: ['clerk'] });
    const admin = await loginAs(t.app, 'admin');
    await t.app.inject({ method: 'PATCH', url: `/api/v1/staff/${member.id}`, headers: admin, payload: { disabled: true } });
    const res = await login(member.username, factoryPassword, '192.0.2.12');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', detail: '用户名或密码错误' });
  });
});

describe('SYS-3 weak passwords are refused wherever a password is set (field code WEAK_PASSWORD)', () => {
  const weakField = (res: { json(): unknown }, path: string) =>
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path, code: 'WEAK_PASSWORD' }] });

  it('SYS-3 staff creation refuses a password containing the username, a common one, and one of two kinds of character', async () => {
    const admin = await loginAs(t.app, 'admin');
    const units = (await t.app.inject({ method: 'GET', url: '/api/v1/units?pageSize=1', headers: admin })).json() as {
      items: { id: string }[];
    };
    const create = (username: string, password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/staff',
        headers: admin,
        payload: { username, name: '测试', unitId: units.items[0]!.id, roles: ['clerk'], password },
      });
    for (const [username, password] of [
      ['weak_wangfang', 'X-Weak_Wangfang9'],
      ['weak_common', 'P@ssw0rd!'],
      ['weak_classes', 'onlyletters99'],
    ] as const) {
      const res = await create(username, password);
      expect(res.statusCode, password).toBe(400);
      weakField(res, '/password');
    }
    expect((await create('strong_one', 'Fen-river-42')).statusCode).toBe(201);
  });

  it("SYS-3 an admin's reset and a member's own change refuse weak passwords too", async () => {
    const member = await createStaffMember(t, { regionCode: '140107001000', roles: ['clerk'], phone: '13903510001' });
    const admin = await loginAs(t.app, 'admin');
    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/staff/${member.id}`,
      headers: admin,
      payload: { password: 'Aa123456' },
    });
    expect(reset.statusCode).toBe(400);
    weakField(reset, '/password');
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: member.auth,
      payload: { currentPassword: factoryPassword, newPassword: 'Tel13903510001' },
    });
    expect(own.statusCode).toBe(400);
    weakField(own, '/newPassword');
  });

  it('SYS-3 a public account cannot take a password containing its phone', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/accounts/employers',
      payload: { phone: '13903510002', password: 'Co13903510002', creditCode: '91140105MA0L000000', employerName: '测试单位' },
    });
    expect(res.statusCode).toBe(400);
    weakField(res, '/password');
  });
});
