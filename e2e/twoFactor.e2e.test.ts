// Two-factor sign-in in a real browser (issue 10): a clerk enrols TOTP on 账号安全 with the key
// shown, keeps the recovery codes, signs out, signs in with password and the app's code (computed
// here with otplib), and signs out their other sessions. Screenshots go to e2e/screenshots/.
import { generateSync } from 'otplib';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { loginAs } from '../src/server/testing/testApp.js';
import { login, logout, shot, useBrowserSession, userMenu } from './support/harness.js';

const session = useBrowserSession();
/** The bureau's common screen: staff pages are checked at it. */
const laptop = { width: 1366, height: 768 };
const clerk = { username: 'totp_clerk', name: '钱佳', password: 'Xiaodian#2026' };

/** The code an authenticator app shows `stepsAhead` 30-second steps from now. */
const totp = (secret: string, stepsAhead = 0) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });

/** Types a code into antd's six-box code input inside `scope`. */
async function typeCode(page: Page, scope: string, code: string): Promise<void> {
  await page.locator(`${scope} .ant-otp input`).first().click();
  await page.keyboard.type(code);
}

describe('SYS-2 two-factor sign-in and own sessions in the browser', () => {
  it('SYS-2 a clerk enrols TOTP, signs in with password and code, and signs out their other session', async () => {
    const app = session.test.app;
    const admin = await loginAs(app, 'xiaodian_admin');
    const units = (await app.inject({ method: 'GET', url: '/api/v1/units?parentScope=140105001', headers: admin })).json() as {
      items: { id: string }[];
    };
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/staff',
      headers: admin,
      payload: { ...clerk, unitId: units.items[0]!.id, roles: ['clerk'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    // A second session elsewhere (a phone), to be signed out from the browser later.
    const phone = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: clerk.username, password: clerk.password },
      headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36' },
    });
    const phoneAuth = { authorization: `Bearer ${(phone.json() as { token: string }).token}` };

    const page = await session.freshPage();
    await page.setViewportSize(laptop);
    await login(page, clerk.username, clerk.password);
    await userMenu(page, '账号安全');
    await page.waitForURL(/\/account\/security/);
    await page.getByRole('button', { name: /开始设置/ }).click();
    const secretText = page.getByTestId('totp-secret');
    await secretText.waitFor();
    const secret = (await secretText.innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expect.poll(() => page.locator('.ant-qrcode canvas').count()).toBe(1);
    await shot(page, 'security-enrol');

    await typeCode(page, '[data-testid="two-factor-card"]', totp(secret));
    await page.getByRole('button', { name: /确认启用/ }).click();
    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor();
    expect((await codes.locator('span').allInnerTexts()).filter((c) => /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(c))).toHaveLength(10);
    await shot(page, 'security-recovery-codes', { fullPage: false });
    await page.getByRole('button', { name: /我已妥善保存/ }).click();
    await expect.poll(() => page.getByTestId('two-factor-card').innerText()).toContain('已启用');

    await logout(page);
    await page.getByLabel('用户名', { exact: true }).fill(clerk.username);
    await page.getByLabel('密码', { exact: true }).fill(clerk.password);
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.getByTestId('second-step').waitFor();
    await page.getByRole('button', { name: '使用恢复码' }).click();
    await page.getByLabel('恢复码').waitFor();
    await shot(page, 'login-recovery-code');
    await page.getByRole('button', { name: '使用验证码' }).click();
    await shot(page, 'login-second-step');
    // The enrolling code's step is used up; the app's next code is accepted (one step of drift).
    await typeCode(page, '[data-testid="second-step"]', totp(secret, 1));
    await page.getByTestId('current-user').waitFor();

    await page.goto('/account/security');
    const sessions = page.getByTestId('sessions-card');
    await expect.poll(() => sessions.locator('tbody tr').count()).toBe(2);
    expect(await sessions.innerText()).toContain('Chrome 130 · Android');
    expect(await sessions.innerText()).toContain('当前会话');
    await shot(page, 'security-sessions');
    await page.getByRole('button', { name: /退出其他全部会话/ }).click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => sessions.locator('tbody tr').count()).toBe(1);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: phoneAuth })).statusCode).toBe(401);
  });

  it('SYS-2 an auditor, whose role requires two-factor sign-in, is taken to 账号安全 and can use the system once enrolled', async () => {
    // The setting as OPENPES_REQUIRE_2FA_ROLES=auditor gives it, for this test only.
    session.test.app.deps.requireTwoFactorRoles = ['auditor'];
    onTestFinished(() => {
      session.test.app.deps.requireTwoFactorRoles = [];
    });
    const page = await session.freshPage();
    await page.setViewportSize(laptop);
    await login(page, 'taiyuan_auditor');
    await page.waitForURL(/\/account\/security/);
    await page.getByText('您的角色要求使用两步验证').waitFor();
    expect(await page.locator('.ant-layout-sider .ant-menu-item').count()).toBe(0);
    await page.goto('/audit');
    await page.waitForURL(/\/account\/security/);
    await page.getByRole('button', { name: /开始设置/ }).click();
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    await shot(page, 'security-setup-required');
    await typeCode(page, '[data-testid="two-factor-card"]', totp(secret));
    await page.getByRole('button', { name: /确认启用/ }).click();
    await page.getByRole('button', { name: /我已妥善保存/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/account/security'));
    await page.goto('/audit');
    await page.getByRole('menuitem', { name: /审计日志/ }).waitFor();
    expect(page.url()).toMatch(/\/audit$/);
  });

  it("SYS-2 the district admin clears the clerk's second factor from the staff dialog (a lost phone)", async () => {
    const page = await session.freshPage();
    await page.setViewportSize(laptop);
    await login(page, 'xiaodian_admin');
    await page.goto(`/staff`);
    const row = page.locator('.ant-table-row').filter({ hasText: clerk.username });
    await row.getByRole('button', { name: /编\s?辑/ }).click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByRole('button', { name: '清除两步验证' }).click();
    await shot(page, 'staff-clear-two-factor', { fullPage: false });
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => page.locator('.ant-message').innerText()).toContain(`已清除 ${clerk.name} 的两步验证`);
    const again = await session.test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: clerk.username, password: clerk.password },
    });
    expect(again.json()).toHaveProperty('token');
  });
});
