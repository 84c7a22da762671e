// SYS-5 acceptance in a real browser: login errors, a district admin creating a street unit and a
// clerk in it, the clerk seeing only their subtree, policy parameters and their history, and the
// auditor's view of the trail. Screenshots go to e2e/screenshots/ for a human to look at.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginAs } from '../src/server/testing/testApp.js';
import { choose, confirmDialog, login, logout, shot, useBrowserSession, userMenu } from './support/harness.js';

const street = { code: '140105004000', name: '平阳路街道' };
const newUnit = '平阳路街道劳动保障事务所';
const clerk = { username: 'pingyanglu_clerk', name: '刘洋', password: 'Pingyang2024', phone: '13903519999' };

const session = useBrowserSession();
const freshPage = () => session.freshPage();

async function apiGet<T>(username: string, url: string): Promise<T> {
  const res = await session.test.app.inject({ method: 'GET', url, headers: await loginAs(session.test.app, username) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

/** Names of the units shown in the units tree. */
async function treeUnitNames(page: Page): Promise<string[]> {
  const nodes = page.locator('.ant-tree [data-unit-name]');
  return nodes.evaluateAll((els) => els.map((el) => el.getAttribute('data-unit-name') ?? ''));
}

describe('SYS-5 web UI', () => {
  it('SYS-5 login shows the API detail in Chinese: wrong password (401), then locked on the 6th failure (429)', async () => {
    const page = await freshPage();
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await page.getByRole('heading', { name: 'OpenPES 公共就业服务平台' }).waitFor();
    await shot(page, 'login');
    const error = page.getByTestId('login-error');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('用户名', { exact: true }).fill('no_such_user');
      await page.getByLabel('密码', { exact: true }).fill('wrong-password-1');
      await page.getByRole('button', { name: /登\s?录/ }).click();
      await expect.poll(() => error.textContent()).toContain('用户名或密码错误');
    }
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await expect.poll(() => error.textContent()).toContain('请稍后再试');
    await shot(page, 'login-locked');
  });

  let adminPage: Page;

  it('SYS-5 district admin creates a street unit at 平阳路街道 and a clerk in it', async () => {
    const existing = await apiGet<{ total: number }>('xiaodian_admin', `/api/v1/units?parentScope=${street.code.slice(0, 9)}`);
    expect(existing.total, '平阳路街道 must have no unit yet').toBe(0);
    const region = await apiGet<{ name: string }>('xiaodian_admin', `/api/v1/regions/${street.code}`);
    expect(region.name).toBe(street.name);

    adminPage = await freshPage();
    const page = adminPage;
    await page.goto('/');
    await login(page, 'xiaodian_admin');
    await page.waitForURL(/\/units/);
    await expect.poll(() => treeUnitNames(page)).toContain('小店区人力资源和社会保障局');
    await shot(page, 'units');

    await page.getByRole('button', { name: /新建机构/ }).click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByLabel('机构名称').fill(newUnit);
    await choose(page, dialog.getByLabel('机构类型'), '街道(乡镇)劳动保障事务所');
    await choose(page, dialog.locator('[data-level="4"]'), street.name, { search: true });
    await dialog.getByLabel('地址').fill('太原市小店区平阳路 88 号');
    await dialog.getByLabel('联系电话').fill('0351-7654321');
    await shot(page, 'units-create', { fullPage: false });
    const createRequest = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/units'));
    await confirmDialog(page, '创建');
    expect((await createRequest).headers()['idempotency-key'], 'a create is safe to retry').toMatch(/^[0-9a-f]{32}$/);
    await expect.poll(() => treeUnitNames(page)).toContain(newUnit);
    await expect.poll(() => page.locator('.ant-descriptions').textContent()).toContain(street.code);
    await shot(page, 'units-created');

    await page.getByRole('menuitem', { name: /工作人员/ }).click();
    await page.waitForURL(/\/staff/);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: /新建工作人员/ }).click();
    const form = page.locator('.ant-modal:visible');
    await form.getByLabel('用户名').fill(clerk.username);
    await form.getByLabel('姓名').fill(clerk.name);
    await choose(page, form.getByLabel('所属机构'), newUnit, { search: true });
    await choose(page, form.getByLabel('角色'), '经办员');
    await page.keyboard.press('Escape');
    await form.getByLabel('初始密码').fill(clerk.password);
    await form.getByLabel('联系电话（选填）').fill(clerk.phone);
    await confirmDialog(page, '创建');
    await page.locator('.ant-modal:visible').waitFor({ state: 'detached' });
    await page.getByLabel('关键词').fill(clerk.username);
    await page.getByRole('button', { name: /查\s?询/ }).click();
    const row = page.locator('.ant-table-row', { hasText: clerk.username });
    await expect.poll(() => row.textContent()).toContain(newUnit);
    expect(await row.textContent()).toContain('经办员');
    expect(await row.textContent()).toContain('139****9999');

    await row.getByRole('button', { name: /查看完整电话/ }).click();
    await page.locator('.ant-modal:visible').getByLabel('查看原因').fill('核实新建账号的联系电话');
    await confirmDialog(page, '查看');
    await expect.poll(() => page.locator('.ant-modal-confirm').textContent()).toContain(clerk.phone);
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /关\s?闭/ })
      .click();
    await page.getByRole('button', { name: /重\s?置/ }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(1);
    await shot(page, 'staff');
  });

  it('SYS-5 the new clerk sees only their own subtree, no staff or audit menu, and changes their password', async () => {
    const page = adminPage;
    await logout(page);
    await page.goto('/staff');
    await page.waitForURL(/\/login\?from=%2Fstaff/);

    await login(page, clerk.username, clerk.password);
    await page.goto('/units');
    await expect.poll(() => treeUnitNames(page)).toEqual([newUnit]);
    expect(await page.getByRole('menuitem').allTextContents()).toEqual([
      '工作台',
      '人员台账',
      '台账导入',
      '高校毕业生',
      '退休人员',
      '零就业家庭',
      '困难人员认定',
      '走访安排',
      '证件年审',
      '公益性岗位',
      '补贴管理',
      '专项活动',
      '充分就业社区',
      '推荐介绍',
      '推荐率统计',
      '政策公告',
      '待发短信',
      '机构管理',
      '政策参数',
    ]);
    expect(await page.getByTestId('current-user').textContent()).toContain(clerk.name);
    await shot(page, 'units-clerk');
    // The unit is in the user menu, so the header keeps to one line whatever the unit is called.
    expect(await (await userMenu(page)).getByTestId('user-menu-who').textContent()).toContain(street.name);
    await page.keyboard.press('Escape');

    await page.goto('/audit');
    await expect.poll(() => page.getByText('无权访问').count()).toBe(1);

    const newPassword = 'Pingyang2025x';
    await userMenu(page, '修改密码');
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByLabel('当前密码').fill(clerk.password);
    await dialog.getByLabel('新密码', { exact: true }).fill(newPassword);
    await dialog.getByLabel('确认新密码').fill(newPassword);
    await confirmDialog(page, '确认修改');
    await page.waitForURL(/\/login/);
    await login(page, clerk.username, newPassword);
    expect(await page.getByTestId('current-user').textContent()).toContain(clerk.name);
  });

  it('SYS-5 parameters: value in force by region and date, history, admin adds a value typed in yuan', async () => {
    const page = await freshPage();
    await page.goto('/params');
    await page.waitForURL(/\/login\?from=%2Fparams/);
    await login(page, 'taiyuan_admin');
    await page.waitForURL(/\/params/);
    const loanRow = page.locator('.ant-table-row', { hasText: 'loan.max_amount' });
    await expect.poll(() => loanRow.textContent()).toContain('未设置');
    await shot(page, 'params');

    await loanRow.click();
    const drawer = page.locator('.ant-drawer:visible');
    await expect.poll(() => drawer.textContent()).toContain('20,000.00 元');
    await drawer.getByRole('button', { name: /新增取值/ }).click();
    const form = page.locator('.ant-modal:visible');
    await form.getByLabel('生效日期').fill('2024-01-01');
    await form.getByLabel('生效日期').press('Enter');
    await form.getByLabel(/取值/).fill('50000');
    await form.getByLabel('依据').fill('太原市《创业担保贷款实施办法》第五条（示例）：个人贷款最高 5 万元');
    await confirmDialog(page, '保存');
    await expect.poll(() => drawer.textContent()).toContain('50,000.00 元');
    await shot(page, 'params-history', { fullPage: false });

    const history = await apiGet<{ values: { regionPrefix: string; value: number }[] }>(
      'taiyuan_admin',
      '/api/v1/params/loan.max_amount/values',
    );
    expect(history.values.find((v) => v.regionPrefix === '1401')?.value).toBe(5_000_000);

    await drawer.locator('.ant-drawer-close').click();
    await expect.poll(() => loanRow.textContent()).toContain('50,000.00 元');
    expect(await loanRow.textContent()).toContain('1401');
    const dateInput = page.locator('.ant-picker input').first();
    await dateInput.click();
    await dateInput.fill('2023-12-31');
    await dateInput.press('Enter');
    await expect.poll(() => loanRow.textContent()).toContain('未设置');
  });

  it('SYS-5 the auditor sees the create and reveal entries, their before/after, and a sound hash chain', async () => {
    const page = await freshPage();
    await page.goto('/');
    await login(page, 'taiyuan_auditor');
    expect(await page.getByRole('menuitem').allTextContents()).toContain('审计日志');
    await page.getByRole('menuitem', { name: /审计日志/ }).click();
    await page.waitForURL(/\/audit/);
    await page.getByLabel('操作人').fill('xiaodian_admin');
    const rows = page.locator('.ant-table-row');
    await choose(page, page.getByLabel('操作', { exact: true }), '查看敏感信息');
    await page.getByRole('button', { name: /查\s?询/ }).click();
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining('核实新建账号的联系电话')]);

    await choose(page, page.getByLabel('操作', { exact: true }), '新建');
    await page.getByRole('button', { name: /查\s?询/ }).click();
    await expect.poll(() => rows.count()).toBe(2);
    const texts = await rows.allTextContents();
    expect(texts.some((t) => t.includes('机构') && t.includes('新建'))).toBe(true);
    expect(texts.some((t) => t.includes('工作人员') && t.includes('新建'))).toBe(true);
    await rows.first().locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => page.locator('.ant-table-expanded-row').textContent()).toContain('变更后');

    await page.getByRole('button', { name: /校验哈希链/ }).click();
    await expect.poll(() => page.getByTestId('verify-result').textContent()).toContain('哈希链完整');
    await shot(page, 'audit');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    expect((await download).suggestedFilename()).toBe('审计日志.xlsx');
  });
});
