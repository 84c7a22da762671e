// Behind a proxy and in the logs (SYS-3, issue 10): cookies are Secure when the proxy says the
// client came over HTTPS, the proxy's word counts only when configured, and request logs hold
// no personal values from URLs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testAdminPassword, type TestApp } from '../testing/testApp.js';

const lines: string[] = [];
let behindProxy: TestApp;
let direct: TestApp;

beforeAll(async () => {
  behindProxy = await createTestApp({ deps: { trustProxy: 1, logger: { level: 'info', stream: { write: (l) => lines.push(l) } } } });
  direct = await createTestApp();
});
afterAll(async () => {
  await behindProxy?.close();
  await direct?.close();
});

const login = (t: TestApp, headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: testAdminPassword }, headers });

describe('deployment behind a proxy (SYS-3)', () => {
  it('SYS-3 the session cookie is Secure when a trusted proxy says the client used HTTPS', async () => {
    const res = await login(behindProxy, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('SYS-3 without a trusted proxy the forwarded headers are ignored (no Secure cookie on plain HTTP)', async () => {
    const res = await login(direct, { 'x-forwarded-proto': 'https' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).not.toMatch(/; Secure/);
  });

  it('SYS-3 request logs carry the path but not personal values of the query string, and the client address the proxy gave', async () => {
    const auth = { authorization: `Bearer ${(await login(behindProxy, {})).json().token as string}`, 'x-forwarded-for': '203.0.113.9' };
    lines.length = 0;
    const res = await behindProxy.app.inject({
      method: 'GET',
      url: `/api/v1/persons?q=${encodeURIComponent('王秘密')}&page=1`,
      headers: auth,
    });
    expect(res.statusCode).toBe(200);
    const log = lines.join('');
    expect(log).toContain('/api/v1/persons?q=***');
    expect(log).not.toContain('王秘密');
    expect(log).not.toContain(encodeURIComponent('王秘密'));
    expect(log).toContain('203.0.113.9');
  });
});
