// JOB-1, JOB-2 and JOB-3 in a real browser. The demo region already holds employers and vacancies
// of the demo job officer, with flagged ones (保安员: 限男性，仅限本地户口) waiting for review.
// The city reviewer edits a flagged vacancy and approves it; the 小店区 clerk (also a job officer)
// registers an employer and a vacancy whose text is flagged while it is typed; both lists export.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { creditCodeCheckCharacter } from '../src/shared/creditCode.js';
import { sql } from 'drizzle-orm';
import { loginAs } from '../src/server/testing/testApp.js';
import { shanghaiDateOf } from '../src/server/platform/clock.js';
import { createScheduler } from '../src/server/platform/scheduler.js';
import { vacancyExpiryJob } from '../src/server/modules/vacancies/index.js';
import { choose, confirmDialog, login, shot, useBrowserSession } from './support/harness.js';

const reviewer = 'taiyuan_reviewer';
const officer = 'xiaodian_clerk';
const creditBody = '91140105MA0Y8K2P3';
const creditCode = creditBody + creditCodeCheckCharacter(creditBody);
const wrongCheck = creditBody + (creditCode[17] === 'A' ? 'B' : 'A');
const employerName = '太原小店聚福餐饮有限公司';

const session = useBrowserSession();

async function apiGet<T>(username: string, url: string): Promise<T> {
  const res = await session.test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: await loginAs(session.test.app, username) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

const dialogOf = (page: Page) => page.locator('.ant-modal:visible').last();
const rows = (page: Page) => page.locator('.ant-table-tbody > tr.ant-table-row');

/** An item of the open cascader's menus (行业: 门类 then 大类), by its exact label. */
const cascaderItem = (page: Page, label: string) =>
  page
    .locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden) .ant-cascader-menu-item')
    .filter({ hasText: new RegExp(`^${label}$`) });

describe('JOB-1..3 employers, vacancies and their review in the browser', () => {
  it('JOB-3 a reviewer approves a flagged vacancy after editing it', async () => {
    const page = await session.freshPage();
    await page.goto('/');
    await login(page, reviewer);
    await page.getByRole('menuitem', { name: /岗位审核/ }).click();
    await page.waitForURL(/\/vacancies\/review$/);

    // The queue shows the description with the discriminatory words marked red.
    const row = rows(page).filter({ hasText: '限男性' }).filter({ hasText: '保安员' }).first();
    await row.waitFor();
    const href = (await row.getByRole('link', { name: '保安员' }).getAttribute('href'))!;
    const id = href.split('/').pop()!;
    const rowOf = () => rows(page).filter({ has: page.locator(`a[href="${href}"]`) });
    expect(await row.locator('mark[data-severity="flag"]', { hasText: '限男性' }).count()).toBe(1);
    expect(await row.locator('mark[data-severity="flag"]', { hasText: '仅限本地户口' }).count()).toBe(1);
    await row.locator('.ant-table-row-expand-icon').click();
    const detail = page.getByTestId('review-detail').first();
    await expect.poll(() => detail.textContent()).toContain('就业促进法');
    await shot(page, 'jobs-review-queue');

    // The vacancy page marks the same words and explains them.
    await row.getByRole('link', { name: '保安员' }).click();
    await page.waitForURL(href);
    const screening = page.getByTestId('vacancy-screening');
    await expect.poll(() => screening.locator('mark[data-severity="flag"]').allTextContents()).toEqual(['限男性', '仅限本地户口']);
    expect(await page.getByTestId('vacancy-status').first().textContent()).toBe('待审核');
    await shot(page, 'jobs-vacancy-flagged');
    await page.goBack();
    await page.waitForURL(/\/vacancies\/review$/);

    // 通过 with the flags still there: the dialog says before the click that the comment is then
    // required and why; an empty comment is one message, on the field (no banner besides).
    await rowOf()
      .getByRole('button', { name: /通\s?过/ })
      .click();
    const dialog = dialogOf(page);
    await expect.poll(() => dialog.getByTestId('review-flags').textContent()).toContain('2 处须修改');
    expect(await dialog.locator('.ant-form-item-required').textContent()).toContain('审核意见');
    expect(await dialog.locator('.ant-form-item-extra').textContent()).toContain('必填');
    await shot(page, 'jobs-review-approve-dialog', { fullPage: false });
    await confirmDialog(page, '通过并发布');
    await expect
      .poll(() => dialog.locator('.ant-form-item-explain-error').allTextContents())
      .toEqual([expect.stringContaining('请写明保留上述内容的理由')]);
    expect(await dialog.locator('.ant-alert').count()).toBe(0);
    await shot(page, 'jobs-review-refused', { fullPage: false });
    await dialog.getByRole('button', { name: /取\s?消/ }).click();

    // 编辑: the live screening clears as the words are removed; saving screens the text again.
    await rowOf()
      .getByRole('button', { name: /编\s?辑/ })
      .click();
    const edit = dialogOf(page);
    await edit.getByLabel('岗位描述').fill('写字楼保安，持保安员证，做二休一，提供住宿，男女不限。');
    await expect.poll(() => edit.getByTestId('live-screening').textContent()).toContain('未发现问题');
    await shot(page, 'jobs-review-edit', { fullPage: false });
    await confirmDialog(page, '保存');
    await expect.poll(() => rowOf().locator('mark').count()).toBe(0);
    expect(await rowOf().textContent()).toContain('男女不限');

    await rowOf()
      .getByRole('button', { name: /通\s?过/ })
      .click();
    await confirmDialog(page, '通过并发布');
    await expect.poll(() => rowOf().count(), { message: 'the approved vacancy leaves the queue' }).toBe(0);

    const vacancy = await apiGet<{ status: string; reviewedBy: string; screening: { flags: unknown[] } }>(reviewer, `/vacancies/${id}`);
    expect(vacancy).toMatchObject({ status: 'published', reviewedBy: reviewer, screening: { flags: [] } });
    await page.goto(href);
    await expect.poll(() => page.getByTestId('vacancy-status').first().textContent()).toBe('已发布');
    expect(await page.getByTestId('review-comment').textContent()).toBe('—');
    await shot(page, 'jobs-vacancy-published');
    reviewerPage = page;
  });

  let reviewerPage: Page;

  it('JOB-3 a reviewer rejects a vacancy only with a comment, which the vacancy page then shows', async () => {
    const page = reviewerPage;
    await page.getByRole('menuitem', { name: /岗位审核/ }).click();
    await page.getByText('只看有提示').click();
    const row = rows(page).filter({ hasText: '已婚已育' }).first();
    const href = (await row.getByRole('link', { name: '养老护理员' }).getAttribute('href'))!;
    expect(await row.locator('mark[data-severity="warning"]').allTextContents()).toEqual(['35岁以下']);
    await row.getByRole('button', { name: /驳\s?回/ }).click();
    await confirmDialog(page, '驳回');
    const dialog = dialogOf(page);
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').textContent()).toContain('驳回须填写审核意见');
    await dialog.getByLabel('审核意见').fill('请删除“35岁以下”“已婚已育优先”等条件后重新提交');
    await confirmDialog(page, '驳回');
    await expect
      .poll(() =>
        rows(page)
          .filter({ has: page.locator(`a[href="${href}"]`) })
          .count(),
      )
      .toBe(0);
    await page.goto(href);
    await expect.poll(() => page.getByTestId('vacancy-status').first().textContent()).toBe('已驳回');
    expect(await page.getByTestId('review-comment').textContent()).toContain('35岁以下');
    await shot(page, 'jobs-vacancy-rejected');
  });

  let officerPage: Page;
  let employerUrl = '';

  it('JOB-1 a job officer registers an employer; a wrong credit code check character is shown on the field', async () => {
    const page = (officerPage = await session.freshPage());
    await page.setViewportSize({ width: 1366, height: 768 }); // the bureau's common screen
    await page.goto('/');
    await login(page, officer);
    await page.getByRole('menuitem', { name: /用人单位/ }).click();
    await page.waitForURL(/\/employers$/);
    await page.getByRole('button', { name: /登记用人单位/ }).click();
    const dialog = dialogOf(page);
    await dialog.getByLabel('单位名称').fill(employerName);
    await dialog.getByLabel('统一社会信用代码').fill(wrongCheck);
    await dialog.getByLabel('单位名称').click(); // leaving the field checks it
    await expect
      .poll(() => dialog.locator('.ant-form-item-explain-error').allTextContents())
      .toContain('统一社会信用代码校验位错误，请核对最后一位');
    await shot(page, 'jobs-employer-invalid-code', { fullPage: false });

    await dialog.getByLabel('统一社会信用代码').fill(creditCode.toLowerCase());
    const streets = await apiGet<{ code: string; name: string }[]>(officer, '/regions?parent=140105000000');
    const communities = await apiGet<{ code: string; name: string }[]>(officer, `/regions?parent=${streets[0]!.code}`);
    await choose(page, dialog.getByLabel('选择街道乡镇'), streets[0]!.name, { search: true });
    await choose(page, dialog.getByLabel('选择社区村'), communities[0]!.name, { search: true });
    // 行业: the 门类, then one of its 大类 (GB/T 4754-2017).
    await dialog.getByLabel('行业', { exact: true }).click();
    await cascaderItem(page, 'H 住宿和餐饮业').click();
    await expect.poll(() => cascaderItem(page, '62 餐饮业').isVisible()).toBe(true);
    await shot(page, 'jobs-employer-industry', { fullPage: false });
    await cascaderItem(page, '62 餐饮业').click();
    await choose(page, dialog.getByLabel('企业规模'), '小型');
    await dialog.getByLabel('联系人').fill('人事部 王经理');
    await dialog.getByLabel('联系电话').fill('0351-7654321');
    await dialog.getByLabel('地址').fill('小店区坞城路 66 号');
    await confirmDialog(page, '登记');

    await page.waitForURL(/\/employers\/[0-9a-f-]{36}$/);
    employerUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.getByTestId('employer-name').textContent()).toBe(employerName);
    const info = await page.locator('.ant-descriptions').first().textContent();
    expect(info).toContain(creditCode);
    expect(info).toContain('H62 餐饮业');
    expect(info).toContain(communities[0]!.name);
  });

  it('JOB-1 hiring and labour-contract filings are recorded on the employer page', async () => {
    const page = officerPage;
    const filings = page.locator('#filings');
    await filings.getByRole('button', { name: /新增备案/ }).click();
    const dialog = dialogOf(page);
    await dialog.getByText('劳动合同备案').click();
    await dialog.getByLabel('人员姓名').fill('张小燕');
    await confirmDialog(page, '保存');
    await expect
      .poll(() => filings.locator('.ant-table-row').allTextContents())
      .toEqual([expect.stringMatching(/^劳动合同备案张小燕.*无固定期限/)]);
  });

  it('JOB-2 JOB-3 a job officer registers a vacancy and sees 限男性 flagged while typing, before saving', async () => {
    const page = officerPage;
    await page.getByRole('button', { name: /登记岗位/ }).click();
    await page.waitForURL(/\/vacancies\/new\?employerId=/);
    // The employer comes from the page it was opened on, and its place becomes the place of work.
    await expect.poll(() => page.locator('.ant-select', { hasText: employerName }).count()).toBe(1);
    await expect.poll(() => page.getByLabel('选择社区村').count()).toBe(1);

    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id ?? ''), {
        message: 'the employer is chosen, so typing starts at the title',
      })
      .toBe('registerVacancy_title');
    await page.keyboard.type('餐厅服务员');
    await choose(page, page.getByLabel('职业（工种）'), '4-03-02-01 中式烹调师', { search: true });
    await page.getByLabel('招聘人数').fill('3');
    await page.getByLabel('月工资下限').fill('4000');
    await page.getByLabel('月工资上限').fill('5500');
    await page.getByLabel('岗位描述').fill('招聘餐厅服务员，限男性，包食宿，月休四天。');

    const live = page.getByTestId('live-screening');
    await expect.poll(() => live.locator('mark[data-severity="flag"]').allTextContents()).toEqual(['限男性']);
    const flagText = await live.getByTestId('flag-list').textContent();
    expect(flagText).toContain('性别');
    expect(flagText).toContain('就业促进法');
    await shot(page, 'jobs-vacancy-register');

    const created = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/vacancies'));
    await page.getByRole('button', { name: /登记并提交审核/ }).click();
    const body = (await created).postDataJSON() as Record<string, unknown>;
    expect(body).toMatchObject({
      title: '餐厅服务员',
      occupation: '4-03-02-01',
      headcount: 3,
      wageMin: 400000,
      wageMax: 550000,
      source: 'counter',
      hours: 'full_time',
    });
    expect((await created).headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);

    await page.waitForURL(/\/vacancies\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('vacancy-status').first().textContent()).toBe('待审核');
    expect(await page.getByTestId('vacancy-screening').locator('mark[data-severity="flag"]').allTextContents()).toEqual(['限男性']);
    expect(await page.locator('.ant-descriptions').first().textContent()).toContain('4,000–5,500 元/月');
    await shot(page, 'jobs-vacancy-registered');

    await page.goto(employerUrl);
    const vacanciesCard = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: /^岗位$/ }) });
    await expect.poll(() => vacanciesCard.locator('.ant-table-row').allTextContents()).toEqual([expect.stringContaining('餐厅服务员')]);
    await shot(page, 'jobs-employer');
  });

  it('JOB-1 JOB-2 the employers and vacancies lists search, filter and export to Excel', async () => {
    const page = officerPage;
    await page.getByRole('menuitem', { name: /用人单位/ }).click();
    await page.waitForURL(/\/employers$/);
    await expect.poll(() => rows(page).count()).toBeGreaterThan(5);
    await page.getByLabel('关键词').fill(creditCode);
    await page.getByRole('button', { name: /查\s?询/ }).click();
    await expect.poll(() => rows(page).allTextContents()).toEqual([expect.stringContaining(employerName)]);
    await page.getByRole('button', { name: /重\s?置/ }).click();
    // A 门类 alone filters the list, its 大类 included.
    await page.getByLabel('行业', { exact: true }).click();
    await cascaderItem(page, 'C 制造业').click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /查\s?询/ }).click();
    await expect.poll(async () => (await rows(page).allTextContents()).every((t) => /C(\d\d)? /.test(t))).toBe(true);
    await page.getByRole('button', { name: /重\s?置/ }).click();
    await expect.poll(() => rows(page).count()).toBeGreaterThan(5);
    await shot(page, 'jobs-employers');
    const employersFile = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    expect((await employersFile).suggestedFilename()).toBe('用人单位名录.xlsx');

    await page.getByRole('menuitem', { name: /岗位信息/ }).click();
    await page.waitForURL(/\/vacancies$/);
    await page.getByRole('tab', { name: '已发布' }).click();
    await page.waitForURL(/status=published/);
    await expect
      .poll(async () => {
        const texts = await rows(page).allTextContents();
        return texts.length > 0 && texts.every((t) => t.includes('已发布') && t.includes('元/月'));
      })
      .toBe(true);
    await page.getByLabel('关键词').fill('焊工');
    await page.getByRole('button', { name: /查\s?询/ }).click();
    await expect
      .poll(async () => {
        const texts = await rows(page).allTextContents();
        return texts.length > 0 && texts.every((t) => t.includes('焊'));
      })
      .toBe(true);
    await shot(page, 'jobs-vacancies');
    const vacanciesFile = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    expect((await vacanciesFile).suggestedFilename()).toBe('岗位信息.xlsx');
  });
  it('JOB-2 a vacancy past its date is stored as 已过期 by the nightly job; the page says so, and renewing it sends it back to review', async () => {
    const page = await session.freshPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/');
    await login(page, officer);
    const published = await apiGet<{ items: { id: string; title: string }[] }>(officer, '/vacancies?status=published&pageSize=100');
    const target = published.items[published.items.length - 1]!;
    const yesterday = shanghaiDateOf(new Date(Date.now() - 86_400_000));
    await session.test.handle.db.execute(sql`UPDATE vacancies SET valid_until = ${yesterday} WHERE id = ${target.id}`);
    const scheduler = createScheduler({ db: session.test.handle.db, now: () => new Date(), sealer: session.test.sealer });
    scheduler.register(vacancyExpiryJob('10 0 * * *'));
    expect(await scheduler.runJobNow('vacancies.expire')).toMatchObject({ outcome: 'ok', detail: expect.stringContaining(' 1 个') });

    await page.goto('/vacancies?status=expired');
    const row = rows(page).filter({ has: page.locator(`a[href="/vacancies/${target.id}"]`) });
    await expect.poll(() => row.textContent()).toContain('已过期');
    await row.getByRole('link', { name: target.title }).click();
    await page.waitForURL(`/vacancies/${target.id}`);
    await expect.poll(() => page.getByTestId('vacancy-status').first().textContent()).toBe('已过期');
    expect(await page.getByTestId('expired-notice').textContent()).toContain(`有效期已于 ${yesterday} 届满`);
    await shot(page, 'jobs-vacancy-expired');

    await page.getByRole('button', { name: /编\s?辑/ }).click();
    const edit = dialogOf(page);
    const renewed = shanghaiDateOf(new Date(Date.now() + 30 * 86_400_000));
    const date = edit.getByLabel('有效期至');
    await date.click();
    await date.fill(renewed);
    // Enter in the form saves it, as 保存 does.
    await date.press('Enter');
    await expect.poll(() => page.getByTestId('vacancy-status').first().textContent()).toBe('待审核');
    expect(await page.getByTestId('expired-notice').count()).toBe(0);
    expect(await apiGet<{ status: string; validUntil: string }>(officer, `/vacancies/${target.id}`)).toMatchObject({
      status: 'pending_review',
      validUntil: renewed,
    });
  });
});
