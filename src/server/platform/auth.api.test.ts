import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../testing/testApp.js';
import { sessionRules } from './auth.js';

let t: TestApp;
let clock = new Date('2026-11-23T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('NET-1 login, sessions and throttling', () => {
  it('login returns a token and the user with scope and roles, and sets an HttpOnly SameSite=Strict cookie', async () => {
    const res = await login('xiaodian_admin', 'Admin12345');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { username: 'xiaodian_admin', scope: '140105', roles: ['admin'], unitName: '小店区人力资源和社会保障局' },
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/openpes_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { openpes_session: (res.json() as { token: string }).token },
    });
    expect(me.statusCode).toBe(200);
  });

  it('the sixth wrong password for a username within 15 minutes gets 429 RATE_LIMITED, even if right', async () => {
    for (let i = 0; i < sessionRules.maxFailures; i++) {
      const res = await login('yingze_clerk', 'wrong-password1');
      expect(res.statusCode).toBe(401);
    }
    const sixth = await login('yingze_clerk', 'Admin12345');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()).toMatchObject({ code: 'RATE_LIMITED' });
    // Another username is not affected.
    expect((await login('yingze_admin', 'Admin12345')).statusCode).toBe(200);
    // After the window the account may log in again.
    clock = new Date(clock.getTime() + sessionRules.failureWindowMs + 1000);
    expect((await login('yingze_clerk', 'Admin12345')).statusCode).toBe(200);
  });

  it('an unknown username answers like a wrong password', async () => {
    const res = await login('nobody', 'Admin12345');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', detail: '用户名或密码错误' });
  });

  it('a session expires after 30 idle minutes', async () => {
    const headers = await loginAs(t.app, 'xinghualing_admin');
    clock = new Date(clock.getTime() + sessionRules.idleMs - 60_000);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(200);
    clock = new Date(clock.getTime() + sessionRules.idleMs + 1000);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(401);
  });

  it('a session ends 12 hours after login however active it is', async () => {
    const headers = await loginAs(t.app, 'xinghualing_clerk');
    const start = clock.getTime();
    for (let h = 1; clock.getTime() - start < sessionRules.absoluteMs - 20 * 60_000; h++) {
      clock = new Date(start + h * 20 * 60_000);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(200);
    }
    clock = new Date(start + sessionRules.absoluteMs + 1000);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(401);
  });

  it('logout ends the session', async () => {
    const headers = await loginAs(t.app, 'taiyuan_leader');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(401);
  });

  it('password change checks the current password, rejects weak ones and ends every session', async () => {
    const headers = await loginAs(t.app, 'taiyuan_job');
    const other = await loginAs(t.app, 'taiyuan_job');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: 'nope12345', newPassword: 'NewPass123' },
    });
    expect(wrong.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/currentPassword' }] });
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: 'Admin12345', newPassword: '12345678' },
    });
    expect(weak.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/newPassword' }] });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: 'Admin12345', newPassword: 'NewPass123' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: other })).statusCode).toBe(401);
    expect((await login('taiyuan_job', 'Admin12345')).statusCode).toBe(401);
    expect((await login('taiyuan_job', 'NewPass123')).statusCode).toBe(200);
  });
});
