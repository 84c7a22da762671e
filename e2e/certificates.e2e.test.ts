// REG-3 and REG-4 in a real browser, as the street clerk of 坞城街道: the 就业失业登记证 issued
// with the first unemployment registration, withdrawn and, once a reviewer has found the person
// eligible again (AID-5), reissued under a new number; and an
// unemployed college graduate on the 高校毕业生 list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { idCheckCharacter } from '../src/shared/idNumber.js';
import { shanghaiToday } from '../src/web/format.js';
import { loginAs, type TestApp } from '../src/server/testing/testApp.js';
import { sendAs } from './support/arrange.js';
import { choose, confirmDialog, launchBrowser, login, newContext, shot, startApp } from './support/harness.js';

const clerk = 's140105001_clerk';
/** The clerk's name, which the 经办 columns show (not the login). */
const clerkName = '坞城街道经办员';
const community = { search: '师范街' };
const idOf = (first17: string) => first17 + idCheckCharacter(first17);
const worker = { id: idOf('14010519750303123'), name: '赵国强' };
const graduate = { id: idOf('14010520020909124'), name: '孙晓雨', school: '山西大学', year: '2024' };
const today = shanghaiToday();

let test: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  let baseUrl: string;
  ({ test, baseUrl } = await startApp());
  browser = await launchBrowser();
  context = await newContext(browser, baseUrl);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await test?.close();
});

const dialog = () => page.locator('.ant-modal:visible').last();
const card = () => page.getByTestId('certificate-card');
const historyRows = () => card().locator('.ant-table-row');

/** On the register form: ID number, name, then Tab to the community picker. */
async function typeEssentials(person: { id: string; name: string }): Promise<void> {
  await page.getByLabel('公民身份号码').fill(person.id);
  await page.getByLabel('姓名').fill(person.name);
  await page.getByLabel('姓名').press('Tab');
  await page.keyboard.type(community.search);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active').waitFor();
  await page.keyboard.press('Enter');
}

/** Registers a person with 同时办理失业登记 (checked by default) and waits for their page. */
async function register(person: { id: string; name: string }, fill?: () => Promise<void>): Promise<void> {
  await page.getByRole('menuitem', { name: /人员台账/ }).click();
  await page.getByRole('button', { name: /登记新人员/ }).click();
  await page.waitForURL(/\/persons\/new$/);
  await typeEssentials(person);
  await fill?.();
  expect(await page.getByRole('checkbox', { name: '同时办理失业登记' }).isChecked()).toBe(true);
  await page.getByLabel('姓名').press('Enter');
  await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
  await expect.poll(() => page.getByTestId('person-status').textContent()).toContain('登记失业');
}

describe('REG-3 REG-4 就业失业登记证 and 高校毕业生 in the browser', () => {
  it('REG-3 the first unemployment registration issues a certificate; it is withdrawn, then reissued under a new number', async () => {
    await page.goto('/');
    await login(page, clerk);
    await page.waitForURL(/\/persons$/);
    await register(worker);

    const number = card().getByTestId('certificate-no');
    await expect.poll(() => number.textContent()).toMatch(/^140105\d{4}\d{6}$/);
    const first = (await number.textContent())!;
    expect(await card().getByTestId('certificate-status').textContent()).toBe('有效');
    expect(await historyRows().allTextContents()).toEqual([expect.stringMatching(new RegExp(`发证.*${first}.*${today}.*${clerkName}`))]);
    expect(await historyRows().first().textContent()).not.toContain(clerk);

    // 收回: the reason is required; the dialog offers today.
    await card()
      .getByRole('button', { name: /收\s?回/ })
      .click();
    expect(await dialog().getByLabel('收回日期').inputValue()).toBe(today);
    await confirmDialog(page, '收回');
    await expect.poll(() => dialog().textContent()).toContain('请填写收回原因');
    await dialog().getByLabel('收回原因').fill('已实现就业，按规定收回');
    await confirmDialog(page, '收回');
    await expect.poll(() => card().getByTestId('certificate-status').textContent()).toBe('已收回');
    expect(
      await card()
        .getByRole('button', { name: /收\s?回/ })
        .isDisabled(),
      'a withdrawn certificate cannot be withdrawn again',
    ).toBe(true);
    await expect.poll(() => historyRows().count()).toBe(2);

    // 补发 of a withdrawn certificate (AID-5): refused until a reviewer finds the person eligible again.
    await card()
      .getByRole('button', { name: /补\s?发/ })
      .click();
    await dialog().getByLabel('补发原因').fill('再次失业，重新发证');
    await confirmDialog(page, '补发');
    await expect.poll(() => dialog().textContent()).toContain('重新发证须先经资格审核');
    await shot(page, 'certificate-reissue-needs-review');
    const personId = /\/persons\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    await sendAs(test, await loginAs(test.app, 'taiyuan_reviewer'), `/persons/${personId}/certificate/eligibility-reviews`, {
      comment: '再次失业，符合条件',
    });

    // Then 补发: a new number, and the person is reloaded.
    const reloaded = page.waitForResponse((r) => r.request().method() === 'GET' && /\/api\/v1\/persons\/[0-9a-f-]{36}(\?|$)/.test(r.url()));
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/certificate'));
    await confirmDialog(page, '补发');
    expect((await posted).headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    expect((await posted).postDataJSON()).toEqual({ action: 'reissue', date: today, reason: '再次失业，重新发证' });
    await reloaded;
    await expect.poll(() => card().getByTestId('certificate-status').textContent()).toBe('有效');
    const second = (await number.textContent())!;
    expect(second).not.toBe(first);
    expect(second).toMatch(/^140105\d{10}$/);
    const rows = await historyRows().allTextContents();
    expect(rows).toEqual([
      expect.stringMatching(new RegExp(`^发证${first}`)),
      expect.stringMatching(new RegExp(`^收回${first}.*已实现就业，按规定收回`)),
      expect.stringMatching(new RegExp(`^补发${second}.*再次失业，重新发证`)),
    ]);
    await card().scrollIntoViewIfNeeded();
    await shot(page, 'certificate');
  });

  it('REG-3 a person without an unemployment registration has no certificate yet', async () => {
    await page.getByRole('menuitem', { name: /人员台账/ }).click();
    await page.getByRole('button', { name: /登记新人员/ }).click();
    await page.waitForURL(/\/persons\/new$/);
    await typeEssentials({ id: idOf('14010519900606123'), name: '周未登' });
    await page.getByRole('checkbox', { name: '同时办理失业登记' }).uncheck();
    await page.getByLabel('姓名').press('Enter');
    await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
    await expect.poll(() => card().textContent()).toContain('尚未发证（首次办理失业登记时自动发证）');
    expect(
      await card()
        .getByRole('button', { name: /收\s?回/ })
        .isDisabled(),
    ).toBe(true);
    expect(
      await card()
        .getByRole('button', { name: /补\s?发/ })
        .isDisabled(),
    ).toBe(true);
  });

  it('REG-4 an unemployed graduate is on the 高校毕业生 list, with school and year; others are not', async () => {
    await register(graduate, async () => {
      await page.getByLabel('毕业院校').fill(graduate.school);
      await page.getByLabel('毕业年份').fill(graduate.year);
      await choose(page, page.getByLabel('人员类别'), '高校毕业生');
      await page.keyboard.press('Escape');
    });
    await expect.poll(() => card().getByTestId('certificate-no').textContent()).toMatch(/^140105\d{10}$/);

    await page.getByRole('menuitem', { name: /高校毕业生/ }).click();
    await page.waitForURL(/\/graduates$/);
    await page.locator('.ant-card-head-title', { hasText: /^高校毕业生$/ }).waitFor();
    await expect.poll(() => page.locator('form#search').textContent(), { message: 'status preset to 登记失业' }).toContain('登记失业');
    await expect.poll(() => page.locator('.ant-table-row').allTextContents()).toEqual([expect.stringContaining(graduate.name)]);
    const headers = await page.locator('.ant-table-thead th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['毕业院校', '毕业年份']));
    const row = page.locator('.ant-table-row').first();
    expect(await row.textContent()).toContain(graduate.school);
    expect(await row.textContent()).toContain(graduate.year);

    const download = page.waitForEvent('download');
    const exported = page.waitForRequest((r) => r.url().includes('format=xlsx'));
    await page.getByRole('button', { name: /导出/ }).click();
    const query = new URL((await exported).url()).searchParams;
    expect(query.get('graduate')).toBe('true');
    expect(query.get('status')).toBe('unemployed');
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await shot(page, 'graduates');

    // The ledger itself is not filtered: it lists all three people.
    await page.getByRole('menuitem', { name: /人员台账/ }).click();
    await page.waitForURL(/\/persons$/);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(3);
    expect(await page.locator('.ant-table-thead th').allTextContents()).not.toContain('毕业院校');
  });
});
