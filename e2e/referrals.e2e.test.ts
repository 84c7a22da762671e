// JOB-4, JOB-5, JOB-6, JOB-9 and RPT-7 in a real browser, as the clerk of 小店区就业服务中心 (a
// clerk and job officer): an unemployed welder sees the demo's welder vacancies with the reasons
// for each score, is referred with a printable letter, interviewed and hired (which registers
// the employment); the month's referral rates; a job fair with a booth and its results; and a
// vacancy-survey round with one return.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { idCheckCharacter } from '../src/shared/idNumber.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { shanghaiToday } from '../src/web/format.js';
import { choose, confirmDialog, login, shot, useBrowserSession } from './support/harness.js';

const clerk = 'xiaodian_clerk';
const community = '140105001001';
const welder = { idNumber: '14010519850315123', name: '刘建华' };
/** Two more seekers of the month, not referred: they bring the referral rate below its target. */
const others = [
  { idNumber: '14010519900420124', name: '陈秀兰' },
  { idNumber: '14010519781108123', name: '杨志刚' },
];
const today = shanghaiToday();

const session = useBrowserSession();
let page: Page;
let personId = '';
/** A person with no occupation, skills or wishes on record: nothing to match by. */
let blankId = '';

/** Calls the API as `username`; fails the test on an error status. */
async function api<T>(username: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
  const res = await session.test.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: await loginAs(session.test.app, username),
    ...(payload ? { payload } : {}),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

beforeAll(async () => {
  // An unemployed welder of 小店区 whose wishes and skills fit the demo's welder vacancies.
  const person = await api<{ id: string }>(clerk, 'POST', '/persons', {
    idNumber: welder.idNumber + idCheckCharacter(welder.idNumber),
    name: welder.name,
    regionCode: community,
    householdType: 'urban',
    education: '高中/中专/技校',
    skills: ['焊工'],
    jobWishes: { occupations: ['6-18-02-04'] },
  });
  personId = person.id;
  await api(clerk, 'POST', `/persons/${personId}/registrations`, { type: 'unemployment', date: today, reason: '单位裁员' });
  for (const other of others) {
    const { id } = await api<{ id: string }>(clerk, 'POST', '/persons', {
      idNumber: other.idNumber + idCheckCharacter(other.idNumber),
      name: other.name,
      regionCode: community,
      householdType: 'urban',
      skills: ['保洁'],
    });
    await api(clerk, 'POST', `/persons/${id}/registrations`, { type: 'unemployment', date: today });
  }
  blankId = (
    await api<{ id: string }>(clerk, 'POST', '/persons', {
      idNumber: '14010519950101123' + idCheckCharacter('14010519950101123'),
      name: '赵未填',
      regionCode: community,
      householdType: 'urban',
    })
  ).id;
  page = await session.freshPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await login(page, clerk);
});

const dialog = () => page.locator('.ant-modal:visible').last();
const matchesCard = () => page.getByTestId('matches-card');
/** The primary button of the open Popconfirm. */
const confirmPopup = () => page.locator('.ant-popconfirm:visible .ant-btn-primary').click();

describe('JOB-4..6, JOB-9, RPT-7 matching, referrals, fairs and the vacancy survey in the browser', () => {
  it('JOB-4 the person page lists welder vacancies with the reasons for each score, and a vacancy lists the seeker', async () => {
    await page.goto(`/persons/${personId}`);
    const rows = matchesCard().locator('.ant-table-row');
    await rows.nth(1).waitFor();
    const texts = await rows.allTextContents();
    expect(texts.some((t) => t.includes('电焊工'))).toBe(true);
    expect(texts.some((t) => t.includes('氩弧焊工'))).toBe(true);
    // Same occupation and the skill asked for: full points for both, read out as tags.
    const first = rows.first();
    expect(await first.getByTestId('match-reasons').textContent()).toMatch(/职业 30\/30.*技能 20\/20/);
    expect(await first.textContent()).toMatch(/元\/月/);
    // Expanding a row shows every reason in words.
    await first.locator('.ant-table-row-expand-icon').click();
    const reasons = matchesCard().getByTestId('match-reason-list').first();
    await expect.poll(() => reasons.textContent()).toContain('意向职业与岗位职业相同（6-18-02-04）');
    expect(await reasons.textContent()).toContain('具备岗位要求的技能 焊接');
    await matchesCard().scrollIntoViewIfNeeded();
    await shot(page, 'referrals-person-matches');

    // The 氩弧焊工 vacancy's own page of matching seekers lists this welder with a 推荐 button.
    const href = await matchesCard()
      .locator('.ant-table-row', { hasText: '氩弧焊工' })
      .first()
      .getByRole('link')
      .first()
      .getAttribute('href');
    expect(href).toMatch(/^\/vacancies\/[0-9a-f-]{36}$/);
    await page.goto(`${href}/matches`);
    const seeker = page.locator('.ant-table-row', { hasText: welder.name });
    await seeker.waitFor();
    expect(await seeker.getByTestId('match-reasons').textContent()).toContain('职业 30/30');
    expect(await seeker.getByRole('button', { name: /推\s?荐/ }).isEnabled()).toBe(true);
    expect(await seeker.getByRole('link', { name: welder.name }).getAttribute('href')).toBe(`/persons/${personId}`);
    await shot(page, 'referrals-vacancy-matches');

    // Nothing recorded to match by: the card says what to fill in.
    await page.goto(`/persons/${blankId}`);
    await expect.poll(() => matchesCard().getByTestId('no-matches').textContent()).toContain('请在“基本信息”中点“编辑”，填写求职意向');
    await matchesCard().scrollIntoViewIfNeeded();
    await shot(page, 'referrals-person-no-matches', { fullPage: false });
  });

  it('JOB-5 a clerk refers a seeker and records the hire', async () => {
    await page.goto(`/persons/${personId}`);
    expect(await page.getByTestId('person-status').textContent()).toContain('登记失业');
    const row = matchesCard().locator('.ant-table-row', { hasText: '电焊工' }).filter({ hasNotText: '氩弧焊工' }).first();
    await row.waitFor();
    expect(await row.getByTestId('match-reasons').textContent()).toContain('职业 30/30');

    // 推荐 asks first, then offers the letter with its verification code.
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/referrals'));
    await row.getByRole('button', { name: /推\s?荐/ }).click();
    await confirmPopup();
    expect((await posted).postDataJSON()).toEqual({ personId, vacancyId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect((await posted).headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    const offer = page.locator('.ant-modal-confirm:visible');
    await expect.poll(() => offer.textContent()).toContain('已推荐，介绍信已开具');
    await shot(page, 'referrals-referred-dialog', { fullPage: false });
    const code = /验证码：\s*([2-9A-HJ-NP-Z]{10})/.exec((await offer.textContent()) ?? '')?.[1];
    expect(code).toBeDefined();
    await offer.getByRole('button', { name: '打开介绍信' }).click();

    // The letter: code, person, vacancy, employer, unit and where the employer checks it.
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}\/letter$/);
    const letter = page.getByTestId('referral-letter');
    await expect.poll(() => page.getByTestId('letter-code').textContent()).toBe(code);
    const text = (await letter.textContent()) ?? '';
    expect(text).toContain('职业介绍信');
    expect(text).toContain(welder.name);
    expect(text).toContain('“电焊工”岗位');
    expect(text).toContain('小店区就业服务中心');
    expect(await page.getByTestId('letter-verify').textContent()).toMatch(/\/jobs\/verify\?code=[2-9A-HJ-NP-Z]{10}/);
    await shot(page, 'referrals-letter');
    // Printed, the letter stands alone: no menu, no header, no buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /打\s?印/ }).isVisible()).toBe(false);
    await shot(page, 'referrals-letter-print');
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g), 'the letter prints on one A4 page').toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });

    // 推荐介绍: the referral waits for feedback; 已面试 first, then 已录用.
    await page.getByRole('menuitem', { name: /推荐介绍/ }).click();
    await page.waitForURL(/\/referrals$/);
    await choose(page, page.getByLabel('推荐结果'), '待反馈');
    await page.getByRole('button', { name: /查\s?询/ }).click();
    const referral = page.locator('.ant-table-row', { hasText: welder.name });
    await expect.poll(() => referral.textContent()).toContain('待反馈');
    expect(await referral.textContent()).toContain(code);

    await referral.getByRole('button', { name: '登记结果' }).click();
    expect(await dialog().getByLabel('结果日期').inputValue()).toBe(today);
    await dialog()
      .locator('label', { hasText: /^已面试$/ })
      .click();
    await confirmDialog(page, '登记');
    await expect.poll(() => page.locator('.ant-modal:visible').count(), { timeout: 10_000 }).toBe(0);
    // The pending filter no longer lists it; all outcomes do.
    await expect.poll(() => page.locator('.ant-table-row', { hasText: welder.name }).count(), { timeout: 10_000 }).toBe(0);
    await page.getByRole('button', { name: /重\s?置/ }).click();
    await expect.poll(() => referral.textContent()).toContain('已面试');

    await referral.getByRole('button', { name: '登记结果' }).click();
    const choices = await dialog()
      .getByRole('radio')
      .evaluateAll((inputs) => inputs.map((i) => i.closest('label')?.textContent));
    expect(choices, 'after an interview only a hire or a rejection may follow').toEqual(['已录用', '未录用']);
    await dialog()
      .locator('label', { hasText: /^已录用$/ })
      .click();
    await expect.poll(() => dialog().textContent()).toContain('登记“已录用”将同时办理就业登记');
    await shot(page, 'referrals-outcome-dialog', { fullPage: false });
    await confirmDialog(page, '登记');
    await expect.poll(() => referral.textContent()).toContain('已录用');
    expect(await referral.getByRole('button', { name: '登记结果' }).isDisabled()).toBe(true);
    await shot(page, 'referrals-list');

    // The hire registered the employment: the person page shows 就业.
    await referral.getByRole('link', { name: welder.name }).click();
    await page.waitForURL(new RegExp(`/persons/${personId}$`));
    await expect.poll(() => page.getByTestId('person-status').textContent()).toContain('就业');
    expect(await page.getByTestId('person-status').textContent()).not.toContain('登记失业');
    await matchesCard()
      .getByRole('tab', { name: /推荐记录/ })
      .click();
    await expect.poll(() => page.getByTestId('person-referrals').locator('.ant-table-row').first().textContent()).toContain('已录用');
    await shot(page, 'referrals-person-hired');
  });

  it('RPT-7 this month’s referral rate falls short of its target in red, the success rate meets it in green; an empty month shows —', async () => {
    await page.getByRole('menuitem', { name: /推荐率统计/ }).click();
    await page.waitForURL(/\/referrals\/rates$/);
    await page.locator('.ant-card-head-title', { hasText: '推荐介绍率统计' }).waitFor();
    const centre = page.locator('.ant-table-row', { hasText: '小店区就业服务中心' });
    await centre.waitFor();
    // Three seekers registered this month, one referred once and hired: 33.3% against 40%, 100% against 15%.
    const cells = await centre.locator('td').allTextContents();
    expect(cells.slice(1, 5)).toEqual(['3', '1', '1', '1']);
    const rate = centre.getByTestId('referral-rate');
    expect(await rate.textContent()).toBe('33.3%');
    expect(await rate.getAttribute('data-met')).toBe('false');
    expect(await rate.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(207, 19, 34)');
    const success = centre.getByTestId('success-rate');
    expect(await success.textContent()).toBe('100%');
    expect(await success.getAttribute('data-met')).toBe('true');
    expect(await success.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(56, 158, 13)');
    expect(await centre.textContent()).toContain('目标 40%，差 6.7 个百分点');
    expect(await centre.textContent()).toContain('未达标');
    await shot(page, 'referrals-rates');

    // A city leader reads the rates but has no referral list in the menu.
    const leader = await session.freshPage();
    await leader.goto('/');
    await login(leader, 'taiyuan_leader');
    expect(await leader.getByRole('menuitem', { name: /推荐率统计/ }).count()).toBe(1);
    expect(await leader.getByRole('menuitem', { name: /^推荐介绍$/ }).count()).toBe(0);
    await leader.getByRole('menuitem', { name: /推荐率统计/ }).click();
    await leader.locator('.ant-table-row', { hasText: '太原市公共就业服务中心' }).waitFor();
    // The month before has no registrations: nothing to divide, so no rate.
    const lastMonth = new Date(`${today.slice(0, 7)}-15T00:00:00Z`);
    lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
    await leader.getByLabel('统计月份').fill(lastMonth.toISOString().slice(0, 7));
    await leader.getByLabel('统计月份').press('Enter');
    const city = leader.locator('.ant-table-row', { hasText: '太原市公共就业服务中心' });
    await expect.poll(() => city.locator('td').nth(1).textContent()).toBe('0');
    expect(await city.getByTestId('referral-rate').count()).toBe(0);
    expect(await city.textContent()).toContain('无数据');
  });

  it('JOB-6 a job officer creates a fair, gives an employer a booth and records the results', async () => {
    await page.getByRole('menuitem', { name: /招聘会/ }).click();
    await page.waitForURL(/\/fairs$/);
    // The demo's upcoming 小店区 fair is listed; the 迎泽区 one is outside this clerk's district.
    await expect
      .poll(() => page.locator('.ant-table-row').allTextContents())
      .toEqual([expect.stringContaining('小店区2026年冬季农民工专场招聘会')]);
    await page.getByRole('button', { name: /新建招聘会/ }).click();
    await dialog().getByLabel('名称').fill('小店区春风行动高校毕业生专场招聘会');
    await choose(page, dialog().getByLabel('类型'), '高校毕业生专场');
    await dialog().getByLabel('举办日期').fill(today);
    await dialog().getByLabel('举办日期').press('Enter');
    await dialog().getByLabel('举办地点').fill('小店区人力资源市场');
    const street = await api<{ name: string }>(clerk, 'GET', '/regions/140105001000');
    await choose(page, dialog().getByLabel('选择街道乡镇'), street.name);
    await shot(page, 'referrals-fair-create-dialog', { fullPage: false });
    await confirmDialog(page, '新建');
    await page.waitForURL(/\/fairs\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('fair-name').textContent()).toBe('小店区春风行动高校毕业生专场招聘会');

    // 添加展位: an employer found by part of its name.
    await page.getByRole('button', { name: /添加展位/ }).click();
    await dialog().getByLabel('用人单位').click();
    await page.keyboard.type('晋阳');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: /^山西晋阳重工机械有限公司[0-9A-Z]{18}/,
      })
      .click();
    await dialog().getByLabel('展位号').fill('C01');
    await shot(page, 'referrals-fair-booth-dialog', { fullPage: false });
    await confirmDialog(page, '添加');
    const booth = page.getByTestId('booths').locator('.ant-table-row');
    await expect.poll(() => booth.allTextContents()).toEqual([expect.stringMatching(/^C01山西晋阳重工机械有限公司/)]);

    // Held today, so the results can be recorded; deals cannot exceed intentions.
    await page.getByRole('button', { name: /登记举办结果/ }).click();
    await dialog().getByLabel('入场人数').fill('520');
    await dialog().getByLabel('达成意向人数').fill('86');
    await dialog().getByLabel('签约人数').fill('90');
    await confirmDialog(page, '保存');
    await expect.poll(() => dialog().textContent()).toContain('签约人数不能多于达成意向人数');
    await dialog().getByLabel('签约人数').fill('31');
    await confirmDialog(page, '保存');
    await expect.poll(() => page.locator('.ant-modal:visible').count(), { timeout: 10_000 }).toBe(0);
    const totals = page.getByTestId('fair-totals');
    await expect.poll(() => totals.textContent()).toMatch(/展位数1个.*入场人数520人.*达成意向86人.*签约人数31人/);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出报告/ }).click();
    expect((await download).suggestedFilename()).toMatch(/^招聘会报告.*\.xlsx$/);
    await shot(page, 'referrals-fair-report');

    await page.getByRole('menuitem', { name: /招聘会/ }).click();
    await page.waitForURL(/\/fairs$/);
    const listed = page.locator('.ant-table-row', { hasText: '小店区春风行动高校毕业生专场招聘会' });
    await expect.poll(() => listed.textContent()).toMatch(/高校毕业生专场.*今天举办.*520.*86.*31/);
    await shot(page, 'referrals-fairs');
  });

  it('JOB-9 a job officer opens a vacancy-survey round and records one employer’s return', async () => {
    await page.getByRole('menuitem', { name: /空岗调查/ }).click();
    await page.waitForURL(/\/vacancy-surveys$/);
    await page.getByRole('button', { name: /开展空岗调查/ }).click();
    expect(await dialog().getByLabel('名称').inputValue()).toMatch(/^\d{4}年度空岗调查$/);
    await confirmDialog(page, '开展');
    await page.waitForURL(/\/vacancy-surveys\/[0-9a-f-]{36}$/);
    // Every employer registered in 小店区 is enrolled; none has returned yet.
    const employers = await api<{ total: number }>(clerk, 'GET', '/employers?pageSize=1');
    await expect.poll(() => page.getByTestId('survey-progress').textContent()).toBe(`0/${employers.total}`);

    const row = page.locator('.ant-table-row', { hasText: '太原龙城钢结构工程有限公司' });
    await row.getByRole('button', { name: '登记填报' }).click();
    await dialog().getByLabel('现有空岗数').fill('6');
    await dialog()
      .getByLabel(/年用工需求$/)
      .fill('15');
    await dialog().getByLabel('备注').fill('主要缺焊工，需持证');
    await confirmDialog(page, '保存');
    await expect.poll(() => page.getByTestId('survey-progress').textContent()).toBe(`1/${employers.total}`);
    await expect.poll(() => row.textContent()).toContain('已填报');
    await page.getByRole('tab', { name: /^未填报/ }).click();
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 10_000 }).toBe(employers.total - 1);
    await page.getByRole('tab', { name: /^已填报/ }).click();
    await expect
      .poll(() => page.locator('.ant-table-row').allTextContents())
      .toEqual([expect.stringContaining('太原龙城钢结构工程有限公司')]);
    await shot(page, 'referrals-survey');

    await page.getByRole('menuitem', { name: /空岗调查/ }).click();
    await expect.poll(() => page.getByTestId('survey-progress').first().textContent()).toBe(`1/${employers.total}`);
    await shot(page, 'referrals-surveys');
  });
});
