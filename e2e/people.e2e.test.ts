// REG-1..8 and AID-3 in a real browser, as the street clerk of 坞城街道: registering people with
// the keyboard alone, the one-stop person page, a household that becomes a zero-employment
// household and is resolved by an employment registration, and the ledger import.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { idCheckCharacter } from '../src/shared/idNumber.js';
import { addMonths } from '../src/server/modules/households/rules.js';
import { ledgerXlsx, makeLedgerRows } from '../src/server/testing/ledgerFile.js';
import type { TestApp } from '../src/server/testing/testApp.js';
import { shanghaiToday } from '../src/web/format.js';
import { choose, confirmDialog, launchBrowser, login, newContext, shot, startApp } from './support/harness.js';

const clerk = 's140105001_clerk';
const community = { code: '140105001001', search: '师范街' };
const idOf = (first17: string) => first17 + idCheckCharacter(first17);
const husband = { id: idOf('14010519800101123'), name: '王建军', phone: '13912345678' };
const wife = { id: idOf('14010519820505124'), name: '李秀英' };
const today = shanghaiToday();

let test: TestApp;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const personUrls: Record<string, string> = {};
/** Every URL the browser asked for: no citizen ID may ever be in one (API.md, SYS-3). */
const requestedUrls: string[] = [];

beforeAll(async () => {
  ({ test, baseUrl } = await startApp());
  browser = await launchBrowser();
  context = await newContext(browser, baseUrl);
  page = await context.newPage();
  page.on('request', (r) => requestedUrls.push(r.url()));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await test?.close();
});

const statusTag = () => page.getByTestId('person-status');
const timeline = () => page.getByTestId('timeline');
const dialog = () => page.locator('.ant-modal:visible').last();

/** Opens the register form and checks the ID field has the focus. */
async function openRegisterForm(): Promise<void> {
  await page.getByRole('menuitem', { name: /人员台账/ }).click();
  await page.getByRole('button', { name: /登记新人员/ }).click();
  await page.waitForURL(/\/persons\/new$/);
  await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toContain('idNumber');
}

/** Types ID, name and community with the keyboard; Tab moves between them. */
async function typeEssentials(person: { id: string; name: string }): Promise<void> {
  await page.keyboard.type(person.id);
  await page.keyboard.press('Tab');
  await page.keyboard.type(person.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(community.search);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active').waitFor();
  await page.keyboard.press('Enter');
  // The choice closes the dropdown; tabbing on before it has closed can leave focus in the select.
  await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
}

describe('REG-1..8, AID-3 people, households and registrations in the browser', () => {
  it('REG-1 a counter clerk registers an unemployed person with the keyboard alone and lands on the person page', async () => {
    await page.goto('/');
    await login(page, clerk);
    await page.waitForURL(/\/persons$/);
    await openRegisterForm();
    await typeEssentials(husband);
    const derived = page.getByTestId('id-derived');
    await expect.poll(() => derived.textContent()).toContain('性别：男');
    expect(await derived.textContent()).toContain('出生日期：1980-01-01');
    await page.keyboard.press('Tab'); // 户籍性质 (城镇 is preselected)
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id ?? ''), { message: 'Tab reaches the phone field' })
      .toMatch(/phone/);
    await page.keyboard.type(husband.phone);
    expect(await page.getByRole('checkbox', { name: '同时办理失业登记' }).isChecked()).toBe(true);
    await shot(page, 'person-register');
    const created = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/persons'));
    await page.keyboard.press('Enter');
    expect((await created).headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);

    await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
    personUrls[husband.name] = new URL(page.url()).pathname;
    await expect.poll(() => statusTag().textContent()).toContain(`登记失业（${today} 起）`);
    expect(await page.getByTestId('person-name').textContent()).toBe(husband.name);
    expect(await page.locator('.ant-descriptions').first().textContent(), 'the phone typed after Tab was saved').toContain(
      `${husband.phone.slice(0, 3)}****${husband.phone.slice(-4)}`,
    );
    await expect.poll(() => timeline().textContent()).toContain('失业登记');
    expect(await page.locator('#registrations .ant-table-row').allTextContents()).toEqual([expect.stringContaining('失业登记')]);
  });

  it('REG-6 the full ID number is shown only after a reason is given; the status as of yesterday is 未登记', async () => {
    await page.getByRole('button', { name: /查看完整号码/ }).click();
    await dialog().getByLabel('查看原因').fill('核对身份证原件');
    await confirmDialog(page, '查看');
    await expect.poll(() => page.locator('.ant-modal-confirm').textContent()).toContain(husband.id);
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /关\s?闭/ })
      .click();

    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const picker = page.getByLabel('截至日期');
    await picker.click();
    await picker.fill(yesterday);
    await picker.press('Enter');
    await expect.poll(() => statusTag().textContent()).toBe('未登记');
    await picker.click();
    await picker.fill(today);
    await picker.press('Enter');
    await expect.poll(() => statusTag().textContent()).toContain('登记失业');
  });

  it('REG-2 the ledger fields are edited in place', async () => {
    await page.getByRole('button', { name: /编\s?辑/ }).click();
    const form = dialog();
    await choose(page, form.getByLabel('文化程度'), '高中/中专/技校');
    await form.getByLabel('技能特长').click();
    await page.keyboard.type('电工');
    await page.keyboard.press('Enter');
    await confirmDialog(page, '保存');
    const info = page.locator('.ant-card', { hasText: '基本信息' });
    await expect.poll(() => info.textContent()).toContain('高中/中专/技校');
    expect(await info.textContent()).toContain('电工');
  });

  it('REG-1 registering an ID number twice says where it is and links to the person', async () => {
    await openRegisterForm();
    await typeEssentials(husband);
    await page.getByLabel('姓名').press('Enter');
    const alert = page.locator('.ant-alert-error');
    await expect.poll(() => alert.textContent()).toContain('该身份证号已登记');
    await alert.getByRole('link', { name: '查看该人员' }).click();
    await page.waitForURL(personUrls[husband.name]!);
  });

  it('REG-5 AID-3 a household of two becomes a zero-employment household once the second is unemployed', async () => {
    await openRegisterForm();
    await typeEssentials(wife);
    await expect.poll(() => page.getByTestId('id-derived').textContent()).toContain('性别：女');
    await page.getByRole('checkbox', { name: '同时办理失业登记' }).uncheck();
    await page.getByLabel('姓名').press('Enter');
    await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
    personUrls[wife.name] = new URL(page.url()).pathname;
    await expect.poll(() => statusTag().textContent()).toBe('未登记');

    await page.getByRole('button', { name: /建立家庭档案/ }).click();
    const form = dialog();
    await form.getByLabel('添加成员').click();
    await page.keyboard.type(husband.name);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: husband.name }).click();
    await choose(page, form.getByLabel(`${husband.name}与户主关系`), '配偶');
    await form.getByLabel('家庭住址').fill('师范街 8 号 2 单元 301');
    await confirmDialog(page, '建立');
    await page.waitForURL(/\/households\/[0-9a-f-]{36}$/);
    const householdUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(2);
    expect(await page.getByTestId('zero-employment-banner').count()).toBe(0);

    await page.locator('.ant-table-row', { hasText: wife.name }).getByRole('link', { name: wife.name }).click();
    await page.waitForURL(personUrls[wife.name]!);
    await page.locator('#registrations').getByRole('button', { name: '失业登记', exact: true }).click();
    await dialog().getByLabel('失业原因').fill('单位裁员');
    await confirmDialog(page, '登记');
    await expect.poll(() => statusTag().textContent()).toContain('登记失业');
    await expect.poll(() => page.getByTestId('household-card').textContent()).toContain('零就业家庭');

    await page.goto(householdUrl);
    const banner = page.getByTestId('zero-employment-banner');
    await expect.poll(() => banner.textContent()).toContain(`认定日期 ${today}`);
    expect(await banner.textContent()).toContain(`解决期限 ${addMonths(today, 3)}`);
    await shot(page, 'household');

    await page.getByRole('menuitem', { name: /零就业家庭/ }).click();
    await expect.poll(() => page.getByTestId('case-count-open').textContent()).toContain('1');
    await page.getByRole('tab', { name: /办理中/ }).click();
    await expect.poll(() => page.locator('.ant-table-row').allTextContents()).toEqual([expect.stringContaining('师范街 8 号 2 单元 301')]);
    await shot(page, 'zero-employment');
  });

  it('REG-3 REG-8 an employment registration resolves the case; corrections and services show in the history and timeline', async () => {
    await page.getByRole('menuitem', { name: /人员台账/ }).click();
    await page.getByLabel('关键词').fill(husband.name);
    await page.getByRole('button', { name: /查\s?询/ }).click();
    await expect.poll(() => page.locator('.ant-table-row').allTextContents()).toEqual([expect.stringContaining(husband.name)]);
    await page.getByRole('button', { name: /重\s?置/ }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(2);
    await shot(page, 'person-search');
    // One search box: a full ID number (Enter) opens the person without putting the number in a URL.
    expect(await page.getByLabel('身份证号查找').count()).toBe(0);
    await page.getByLabel('关键词').fill(wife.id);
    await page.getByLabel('关键词').press('Enter');
    await page.waitForURL(personUrls[wife.name]!);
    await page.goBack();
    await page.getByLabel('关键词').fill(husband.id);
    await page.getByRole('button', { name: /查\s?询/ }).click();
    await page.waitForURL(personUrls[husband.name]!);

    const registrations = page.locator('#registrations');
    await registrations.getByRole('button', { name: '求职登记', exact: true }).click();
    await confirmDialog(page, '登记');
    await expect.poll(() => statusTag().textContent()).toContain('求职中');
    await registrations.getByRole('button', { name: /^更\s?正$/ }).click();
    await choose(page, dialog().getByLabel('要更正的登记'), `${today} 求职登记`);
    await dialog().getByLabel('更正原因').fill('误录，本人未申请求职登记');
    await confirmDialog(page, '登记');
    await expect.poll(() => statusTag().textContent()).not.toContain('求职中');
    await expect.poll(() => registrations.locator('.ant-table-row', { hasText: '已作废' }).count()).toBe(1);
    expect(await registrations.locator('.ant-table-row').last().textContent()).toContain(`作废 ${today} 求职登记`);

    await registrations.getByRole('button', { name: '就业登记', exact: true }).click();
    await dialog()
      .getByLabel(/就业单位/)
      .fill('太原市某物业服务有限公司');
    await confirmDialog(page, '登记');
    await expect.poll(() => statusTag().textContent()).toContain(`就业（${today} 起）`);
    await expect.poll(() => page.getByTestId('household-card').textContent()).not.toContain('零就业家庭');

    await page.getByRole('button', { name: /记录服务/ }).click();
    await choose(page, dialog().getByLabel('服务类型'), '职业介绍');
    await dialog().getByLabel('服务内容').fill('推荐至物业公司保安岗位，已录用');
    await confirmDialog(page, '保存');
    await expect.poll(() => timeline().textContent()).toContain('服务：职业介绍');
    const kinds = await timeline()
      .locator('[data-kind]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['registration', 'correction', 'service', 'created']));
    await shot(page, 'person-page');

    await page.getByRole('menuitem', { name: /零就业家庭/ }).click();
    await expect.poll(() => page.getByTestId('case-count-resolved').textContent()).toContain('1');
    expect(await page.getByTestId('case-count-open').textContent()).toContain('0');
    await page.getByRole('tab', { name: /已解决/ }).click();
    await expect.poll(() => page.locator('.ant-table-row').allTextContents()).toEqual([expect.stringContaining('单位就业')]);
  });

  it('REG-7 an import with a bad row imports nothing and offers the rejected rows; fixed, it imports every row', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpes-import-'));
    const rows = makeLedgerRows(30, ['140105001001', '140105001002'], 11);
    const broken = rows.map((r, i) => (i === 4 ? { ...r, householdType: '城市' } : r));
    const badFile = path.join(dir, '台账-有误.xlsx');
    const goodFile = path.join(dir, '台账.xlsx');
    fs.writeFileSync(badFile, await ledgerXlsx(broken));
    fs.writeFileSync(goodFile, await ledgerXlsx(rows));

    await page.getByRole('menuitem', { name: /台账导入/ }).click();
    const template = page.waitForEvent('download');
    await page.getByRole('button', { name: /下载导入模板/ }).click();
    expect((await template).suggestedFilename()).toBe('劳动力资源台账导入模板.xlsx');

    const input = page.locator('input[type=file]');
    await input.setInputFiles(badFile);
    const rejected = page.getByTestId('import-rejected');
    await expect.poll(() => rejected.textContent()).toContain('共 1 行有误，未导入任何数据');
    expect(await rejected.locator('.ant-table-row').allTextContents()).toEqual([expect.stringMatching(/^6.*户籍性质应填/)]);
    await shot(page, 'import');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /下载未导入的行/ }).click();
    expect((await download).suggestedFilename()).toBe('未导入的行.xlsx');

    // Hold the answer back a moment, so the upload progress is seen.
    await page.route('**/api/v1/persons/import', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await input.setInputFiles(goodFile);
    await expect.poll(() => page.getByTestId('upload-progress').textContent()).toContain('台账.xlsx');
    await expect.poll(() => page.locator('.ant-result-title').textContent()).toBe('导入完成：新增 30 人');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('SYS-3 no citizen ID number was ever put in a URL, though both were typed into searches', () => {
    expect(requestedUrls.length).toBeGreaterThan(50);
    for (const id of [husband.id, wife.id]) expect(requestedUrls.filter((u) => decodeURIComponent(u).includes(id))).toEqual([]);
  });
});
