// SYS-5 dialogs in a real browser: the API's field errors land on the form fields, a role change
// asks first and ends the member's session at once, and unit edits show in the detail panel.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { choose, confirmDialog, login, shot, useBrowserSession } from './support/harness.js';

const session = useBrowserSession();

async function signedIn(username: string, path = '/'): Promise<Page> {
  const page = await session.freshPage();
  await page.goto(path);
  await login(page, username);
  return page;
}

describe('SYS-5 dialogs', () => {
  it('SYS-5 the API field errors are shown on the fields they name', async () => {
    const page = await signedIn('xiaodian_admin', '/staff');
    await page.getByRole('button', { name: /新建工作人员/ }).click();
    const form = page.locator('.ant-modal:visible');
    await form.getByLabel('用户名').fill('xiaodian_admin');
    await form.getByLabel('姓名').fill('重名测试');
    await choose(page, form.getByLabel('所属机构'), '小店区就业服务中心', { search: true });
    await choose(page, form.getByLabel('角色'), '经办员');
    await page.keyboard.press('Escape');
    await form.getByLabel('初始密码').fill('Kq7mWz3xp9');
    await confirmDialog(page, '创建');
    await expect.poll(() => form.locator('.ant-form-item-explain-error').allTextContents()).toEqual(['用户名已被使用']);
    expect(await form.locator('.ant-alert').textContent()).toContain('用户名 xiaodian_admin 已被使用');
    await shot(page, 'staff-create-error', { fullPage: false });
    await page.keyboard.press('Escape');

    await page.getByRole('menuitem', { name: /机构管理/ }).click();
    await page.getByRole('button', { name: /新建机构/ }).click();
    const unitForm = page.locator('.ant-modal:visible');
    await unitForm.getByLabel('机构名称').fill('小店区某街道事务所');
    await choose(page, unitForm.getByLabel('机构类型'), '街道(乡镇)劳动保障事务所');
    await confirmDialog(page, '创建');
    await expect
      .poll(() => unitForm.locator('.ant-form-item-explain-error').allTextContents())
      .toEqual(['街道劳动保障事务所应设在街道（乡镇）级区划']);
  });

  it('SYS-5 changing roles asks first, then ends the member’s session at once', async () => {
    const member = await signedIn('s140105001_clerk');
    const admin = await signedIn('xiaodian_admin', '/staff');
    await admin.getByLabel('关键词').fill('s140105001_clerk');
    await admin.getByRole('button', { name: /查\s?询/ }).click();
    const row = admin.locator('.ant-table-row', { hasText: 's140105001_clerk' });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('button', { name: /编\s?辑/ }).click();
    const form = admin.locator('.ant-modal:visible').first();
    await choose(admin, form.getByLabel('角色'), '职业介绍员');
    await admin.keyboard.press('Escape');
    await confirmDialog(admin, '保存');
    const confirm = admin.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.textContent()).toContain('会立即终止该人员当前的所有登录');
    await shot(admin, 'staff-edit-confirm', { fullPage: false });
    await confirm.getByRole('button', { name: '确认保存' }).click();
    await expect.poll(() => row.textContent()).toContain('职业介绍员');

    await member.getByRole('menuitem', { name: /政策参数/ }).click();
    await member.waitForURL(/\/login\?from=%2Fparams/);
  });

  it('SYS-5 a unit edit shows in the detail panel; the whole-country admin picks regions from the provinces', async () => {
    const page = await signedIn('xiaodian_admin', '/units');
    await page.locator('.ant-tree [data-unit-name="坞城街道劳动保障事务所"]').click();
    await page.getByRole('button', { name: /编\s?辑/ }).click();
    const form = page.locator('.ant-modal:visible');
    await form.getByLabel('联系电话').fill('0351-7000001');
    await confirmDialog(page, '保存');
    await expect.poll(() => page.locator('.ant-descriptions').textContent()).toContain('0351-7000001');
    await page.locator('.ant-tree [data-unit-name="营盘街道劳动保障事务所"]').click();
    await page.getByRole('button', { name: /编\s?辑/ }).click();
    await expect.poll(() => page.locator('.ant-modal:visible').getByLabel('机构名称').inputValue()).toBe('营盘街道劳动保障事务所');
    expect(await page.locator('.ant-modal:visible').getByLabel('联系电话').inputValue()).toBe('');
    await page.keyboard.press('Escape');

    const country = await signedIn('admin', '/params');
    await country.waitForURL(/\/params/);
    await choose(country, country.locator('[data-level="1"]'), '山西省');
    await choose(country, country.locator('[data-level="2"]'), '太原市');
    await expect.poll(() => country.locator('.ant-table-row', { hasText: 'working_age.min' }).textContent()).toContain('16 周岁');
  });
});
