// UI-6 coverage and collection (扩面征缴) and UI-4 the re-employment rate in a real browser. Arranged
// through the API: an employer enrolled three months back that paid the first month in full, the
// second short and declared nothing for the third; an employer registered but not enrolled; two
// claimants of 坞城街道 whose benefit runs this month, one of whom found work. A UI officer sees the
// enrolment, opens a follow-up on the employer not enrolled, reads the arrears with their months
// and the rule, closes the follow-up with its result, then enrols the employer and ends that
// enrolment. A leader reads the same lists without any write action, and the rate against its target.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createEmployer, createPerson, createStaffMember, factoryPassword, type Auth } from '../src/server/testing/factories.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { shanghaiToday } from '../src/web/format.js';
import { monthsBack, sendAs } from './support/arrange.js';
import { confirmDialog, login, shot, useBrowserSession } from './support/harness.js';

const session = useBrowserSession();
const today = shanghaiToday();
const thisMonth = today.slice(0, 7);
const monthBack = (n: number) => monthsBack(n).slice(0, 7);
const staff = { officer: '', leader: '' };
const notEnrolledName = '太原恒昌建材有限公司';
const owingName = '太原鑫泰机械有限公司';

const rowOf = (scope: Page | Locator, text: string) => scope.locator('.ant-table-row', { hasText: text });
const dialog = (page: Page) => page.locator('.ant-modal:visible').last();
const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();

/** The date `n` days after today, 'YYYY-MM-DD'. */
function daysAhead(n: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A claimant of 坞城街道 with a year of contributions, separated two months back, whose claim a reviewer approved: benefit from this month. */
async function claimant(name: string, clerk: Auth, officer: Auth, reviewer: Auth, employerId: string) {
  const t = session.test;
  const registered = monthsBack(1, 3);
  const person = await createPerson(t, clerk, { name, unemployedSince: registered });
  await sendAs(t, clerk, `/persons/${person.id}/registrations`, { type: 'job_seeking', date: registered });
  const items = Array.from({ length: 12 }, (_, i) => ({
    personId: person.id,
    employerId,
    month: monthBack(13 - i),
    baseFen: 300_000,
    paidFen: 9_000,
  }));
  await sendAs(t, officer, '/ui/contributions', { items }, { status: 200 });
  const [y, m] = monthBack(2).split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const claim = await sendAs(t, officer, '/ui/claims', {
    personId: person.id,
    separationDate: `${monthBack(2)}-${lastDay}`,
    separationReason: 'employer_bankrupt',
  });
  await sendAs(t, reviewer, `/ui/claims/${claim.id}/decision`, { decision: 'approve', comment: '材料齐全，同意' }, { status: 200 });
  return person;
}

beforeAll(async () => {
  const t = session.test;
  const clerk = await loginAs(t.app, 'c140105001001_clerk');
  const officer = await createStaffMember(t, { regionCode: '140105000000', roles: ['ui_officer'], name: '小店区失业保险经办员' });
  const leader = await createStaffMember(t, { regionCode: '140105000000', roles: ['leader'], name: '小店区分管领导' });
  const reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  const jobOfficer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] })).auth;
  Object.assign(staff, { officer: officer.username, leader: leader.username });
  await createEmployer(t, jobOfficer, { name: notEnrolledName });
  const owing = await createEmployer(t, jobOfficer, { name: owingName });
  await sendAs(t, officer.auth, '/ui/enrolments', { employerId: owing.id, sinceMonth: monthBack(3) });
  const worker = await createPerson(t, clerk, { name: '郭志强' });
  // 3,000 yuan a month at the rates in force (单位 2% + 个人 1%) is 90 yuan: paid in full, then 50 yuan, then nothing declared.
  const month = (n: number, paidFen: number) => ({
    personId: worker.id,
    employerId: owing.id,
    month: monthBack(n),
    baseFen: 300_000,
    paidFen,
  });
  await sendAs(t, officer.auth, '/ui/contributions', { items: [month(3, 9_000), month(2, 5_000)] }, { status: 200 });

  // The claimants' former employer is another, so their contributions leave the arrears above as they are.
  const former = await createEmployer(t, jobOfficer);
  const found = await claimant('韩建军', clerk, officer.auth, reviewer, former.id);
  await claimant('赵桂兰', clerk, officer.auth, reviewer, former.id);
  await sendAs(t, clerk, `/persons/${found.id}/registrations`, { type: 'employment', date: today, employmentForm: 'flexible' });
}, 120_000);

describe('UI-6 coverage and collection in the browser', () => {
  it('UI-6 a UI officer follows up an employer not enrolled, reads the arrears with their months and rule, closes the follow-up, enrols the employer and ends the enrolment', async () => {
    const page = await session.freshPage();
    await login(page, staff.officer, factoryPassword);
    const menu = await page.locator('.ant-layout-sider .ant-menu-item').allTextContents();
    expect(menu).toEqual(expect.arrayContaining(['失业保险缴费', '扩面征缴', '领金期间再就业率']));
    await page.getByRole('menuitem', { name: /扩面征缴/ }).click();
    await page.waitForURL(/\/ui\/coverage$/);

    // 参保登记: the owing employer, enrolled three months back, still enrolled.
    await rowOf(page, owingName).waitFor();
    expect(await rowOf(page, owingName).textContent()).toContain(`${monthBack(3)}`);
    expect(await rowOf(page, owingName).textContent()).toContain('参保中');
    expect(await rowOf(page, notEnrolledName).count()).toBe(0);

    // 未参保单位: the employer not enrolled is there, the enrolled one is not; a follow-up on it.
    await tab(page, '未参保单位');
    await page.waitForURL(/tab=not-enrolled/);
    await rowOf(page, notEnrolledName).waitFor();
    expect(await rowOf(page, owingName).count()).toBe(0);
    expect(await rowOf(page, notEnrolledName).textContent()).toContain('无');
    await rowOf(page, notEnrolledName).getByRole('button', { name: '生成跟进任务' }).click();
    expect(await dialog(page).textContent()).toContain(notEnrolledName);
    expect(await dialog(page).textContent(), 'the kind chosen for an employer not enrolled').toContain('督促参保');
    // Typed and left with Tab: Enter in the dialog's form would submit it.
    const due = dialog(page).getByLabel('办结期限');
    await due.click();
    await due.fill(daysAhead(10));
    await due.press('Tab');
    await expect.poll(() => due.inputValue()).toBe(daysAhead(10));
    await dialog(page).getByLabel('备注').fill('电话联系人事部，约定上门');
    await shot(page, 'ui-coverage-follow-up', { fullPage: false });
    await confirmDialog(page, '生成任务');
    await expect.poll(() => rowOf(page, notEnrolledName).textContent()).toContain('1 项待办');
    await shot(page, 'ui-coverage-not-enrolled');

    // 欠费单位: 40 yuan short for the second month, 90 yuan estimated for the undeclared third: 130 yuan.
    await tab(page, '欠费单位');
    await rowOf(page, owingName).waitFor();
    const owing = rowOf(page, owingName);
    expect(await owing.textContent()).toContain('130.00');
    expect(await page.getByTestId('arrears-rule').textContent()).toContain('第六条');
    expect(await page.getByTestId('arrears-rule').textContent()).toContain('失业保险费单位费率 2%');
    await owing.locator('.ant-table-row-expand-icon').click();
    const months = page.getByTestId('arrears-months');
    await months.waitFor();
    expect(await rowOf(months, monthBack(2)).textContent()).toMatch(/少缴.*3,000\.00.*3%.*90\.00.*50\.00.*40\.00/);
    expect(await rowOf(months, monthBack(1)).textContent()).toMatch(/未申报.*3,000\.00.*估算.*90\.00.*0\.00.*90\.00/);
    expect(await rowOf(months, monthBack(3)).count(), 'the month paid in full is not owed').toBe(0);
    await shot(page, 'ui-coverage-arrears');

    // 跟进任务: close the task with its result; it leaves 待办 and shows under 已办结.
    await tab(page, '跟进任务');
    await rowOf(page, notEnrolledName).waitFor();
    expect(await rowOf(page, notEnrolledName).textContent()).toContain('督促参保');
    await rowOf(page, notEnrolledName).getByRole('button', { name: '办结' }).click();
    await confirmDialog(page, '办结');
    // Ant Design validates asynchronously: the message may come a moment after the click.
    await expect.poll(() => dialog(page).textContent(), { message: 'the result is required' }).toContain('请填写办理结果');
    await dialog(page).getByLabel('办理结果').fill('单位已同意本月办理参保登记');
    await confirmDialog(page, '办结');
    await expect.poll(() => rowOf(page, notEnrolledName).count()).toBe(0);
    await page.getByRole('tab', { name: '已办结' }).click();
    await rowOf(page, notEnrolledName).waitFor();
    const closed = await rowOf(page, notEnrolledName).textContent();
    expect(closed).toContain('已办结');
    expect(closed).toContain('单位已同意本月办理参保登记');
    expect(closed).toContain(staff.officer);
    await shot(page, 'ui-coverage-follow-ups');

    // Enrol it from 未参保单位 (from this month), then end that enrolment this month.
    await tab(page, '未参保单位');
    await rowOf(page, notEnrolledName).getByRole('button', { name: '参保登记' }).click();
    await confirmDialog(page, '登记参保');
    await expect.poll(() => rowOf(page, notEnrolledName).count()).toBe(0);
    await tab(page, '参保登记');
    await rowOf(page, notEnrolledName).waitFor();
    expect(await rowOf(page, notEnrolledName).textContent()).toContain(thisMonth);
    await rowOf(page, notEnrolledName).getByRole('button', { name: '终止参保' }).click();
    await confirmDialog(page, '终止参保');
    await expect.poll(() => rowOf(page, notEnrolledName).textContent()).toContain(`参保至 ${thisMonth}`);
    expect(await rowOf(page, notEnrolledName).getByRole('button', { name: '撤销终止' }).count()).toBe(1);
    await shot(page, 'ui-coverage-enrolments');
  });

  it('UI-6 a leader reads enrolments, arrears and follow-ups without any write action', async () => {
    const page = await session.freshPage();
    await login(page, staff.leader, factoryPassword);
    await page.getByRole('menuitem', { name: /扩面征缴/ }).click();
    await rowOf(page, owingName).waitFor();
    expect(await page.getByRole('button', { name: /参保登记|终止参保|撤销终止/ }).count()).toBe(0);
    await tab(page, '欠费单位');
    await rowOf(page, owingName).waitFor();
    expect(await rowOf(page, owingName).textContent()).toContain('130.00');
    expect(await page.getByRole('button', { name: '生成追缴任务' }).count()).toBe(0);
    await tab(page, '跟进任务');
    await page.getByRole('tab', { name: '已办结' }).click();
    await rowOf(page, notEnrolledName).waitFor();
    expect(await page.getByRole('button', { name: /新建跟进任务|重新打开/ }).count()).toBe(0);
  });
});

describe('UI-4 re-employment rate in the browser', () => {
  it('UI-4 种子文件 003 §(十七): one of two claimants re-employed this year is 50% against the 40% target, with 坞城街道 one level down', async () => {
    const page = await session.freshPage();
    await login(page, staff.leader, factoryPassword);
    await page.getByRole('menuitem', { name: /领金期间再就业率/ }).click();
    await page.waitForURL(/\/ui\/reemployment-rate$/);
    const summary = page.getByTestId('rate-summary');
    await expect.poll(() => summary.textContent()).toContain('50%');
    const text = await summary.textContent();
    expect(text).toMatch(/享受失业保险金人数2人/);
    expect(text).toMatch(/其中重新就业停发人数1人/);
    expect(text).toMatch(/目标40%/);
    expect(text).toContain('达标');
    expect(await page.getByText('§(十七)').count()).toBeGreaterThan(0);
    const areas = page.getByTestId('rate-areas');
    expect(await rowOf(areas, '坞城街道').textContent()).toMatch(/坞城街道21\s*50%达标/);
    expect(await rowOf(areas, '合计').textContent()).toMatch(/小店区合计21\s*50%达标/);
    await shot(page, 'ui-reemployment-rate');
  });
});
