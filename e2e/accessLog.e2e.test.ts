// SYS-2 in browsers: a seeker sees on the board who looked at their record (PIPL art. 45), and an
// auditor sees the same looks on the person page. Screenshots go to e2e/screenshots/.
import { describe, expect, it } from 'vitest';
import { idCheckCharacter } from '../src/shared/idNumber.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { login, shot, useBrowserSession } from './support/harness.js';

const session = useBrowserSession();
const clerk = 'xiaodian_clerk';

async function api<T>(method: 'GET' | 'POST', url: string, payload?: object, username?: string): Promise<T> {
  const headers = username ? await loginAs(session.test.app, username) : {};
  const res = await session.test.app.inject({ method, url, payload, headers });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as T;
}

describe('SYS-2 the access log in the browser', () => {
  it('SYS-2 a seeker sees who looked at their record on the board; an auditor sees the same on the person page', async () => {
    const first17 = '14010519880412232';
    const idNumber = first17 + idCheckCharacter(first17);
    const person = await api<{ id: string }>(
      'POST',
      '/api/v1/persons',
      { idNumber, name: '冯查看', regionCode: '140105001001', householdType: 'urban', phone: '13700007777' },
      clerk,
    );
    const { code } = await api<{ code: string }>('POST', `/api/v1/persons/${person.id}/activation-code`, {}, clerk);
    await api('POST', '/api/v1/public/accounts/seekers', { phone: '13700008888', password: 'Look2026ok', idNumber, name: '冯查看', code });
    // Staff look at the record: open it, and reveal the phone with a reason.
    await api('GET', `/api/v1/persons/${person.id}`, undefined, clerk);
    await api('POST', `/api/v1/persons/${person.id}/reveal`, { fields: ['phone'], reason: '电话通知面试' }, clerk);

    const seeker = await session.freshPage();
    await seeker.goto('/jobs/login');
    await seeker.getByLabel('手机号').fill('13700008888');
    await seeker.getByLabel('密码', { exact: true }).fill('Look2026ok');
    await seeker.getByRole('button', { name: /登\s?录/ }).click();
    await seeker.waitForURL(/\/jobs\/me$/);
    const log = seeker.getByTestId('my-access-log');
    await expect.poll(() => log.getByTestId('access-entry').count()).toBe(2);
    const entries = await log.getByTestId('access-entry').allTextContents();
    expect(entries.join('\n')).toContain('查看完整证件号或电话');
    expect(entries.join('\n')).toContain('查看记录');
    expect(entries.every((e) => e.includes('xiaodian_clerk'))).toBe(true);
    await log.scrollIntoViewIfNeeded();
    await shot(seeker, 'access-log-seeker');
    await seeker.setViewportSize({ width: 390, height: 844 });
    await log.scrollIntoViewIfNeeded();
    await shot(seeker, 'access-log-seeker-mobile', { fullPage: false });

    const auditor = await session.freshPage();
    await auditor.setViewportSize({ width: 1366, height: 768 });
    await login(auditor, 'taiyuan_auditor');
    await auditor.goto(`/persons/${person.id}`);
    const card = auditor.getByTestId('access-log');
    await card.waitFor();
    // The auditor's own opening of the page is a look too, listed first.
    await expect.poll(() => card.locator('tbody tr.ant-table-row').count()).toBe(3);
    const rows = await card.locator('tbody tr.ant-table-row').allTextContents();
    expect(rows[0]).toContain('taiyuan_auditor');
    expect(rows.join('\n')).toContain('查看完整证件号或电话');
    await card.scrollIntoViewIfNeeded();
    await shot(auditor, 'access-log-auditor', { fullPage: false });
    expect(await auditor.getByTestId('access-log').getByRole('button', { name: /导出/ }).count()).toBe(1);
  });
});
