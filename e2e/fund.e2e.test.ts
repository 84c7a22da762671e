// UI-5 the fund ledger (基金台账) in a real browser: contributions recorded through the API show as
// this month's income; a finance officer approves a transfer another requested (his own shows
// 待他人复核), requests interest in the dialog, and asks for a reversal; the balance follows, the
// reconciliation's checks all agree, and the chart of the year's months shows the balance; a
// leader reads the page without any write action.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createEmployer, createPerson, createStaffMember, factoryPassword } from '../src/server/testing/factories.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { shanghaiToday } from '../src/web/format.js';
import { confirmDialog, login, shot, useBrowserSession } from './support/harness.js';

const session = useBrowserSession();
const thisMonth = shanghaiToday().slice(0, 7);
const staff = { finance: '', leader: '' };

const dialog = (page: Page) => page.locator('.ant-modal:visible').last();
const rowOf = (page: Page, text: string) => page.locator('.ant-table-row', { hasText: text });
const balanceText = (page: Page) => page.getByTestId('fund-balance').textContent();

beforeAll(async () => {
  const t = session.test;
  const send = async (auth: Awaited<ReturnType<typeof loginAs>>, url: string, payload: object, status = 201) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: auth, payload });
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as { id: string };
  };
  const clerk = await loginAs(t.app, 'c140105001001_clerk');
  const officer = await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer'], name: '坞城街道失业保险经办员' });
  const jobOfficer = await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] });
  const finance = await createStaffMember(t, { regionCode: '140105000000', roles: ['finance'], name: '小店区财务甲' });
  const colleague = await createStaffMember(t, { regionCode: '140105000000', roles: ['finance'], name: '小店区财务乙' });
  const leader = await createStaffMember(t, { regionCode: '140105000000', roles: ['leader'], name: '小店区分管领导' });
  Object.assign(staff, { finance: finance.username, leader: leader.username });
  const employer = await createEmployer(t, jobOfficer.auth);
  for (const name of ['张建国', '李秀英']) {
    const person = await createPerson(t, clerk, { name });
    await send(
      officer.auth,
      '/ui/contributions',
      { items: [{ personId: person.id, employerId: employer.id, month: thisMonth, baseFen: 500_000, paidFen: 5_000 }] },
      200,
    );
  }
  await send(colleague.auth, '/ui/fund/transfers', {
    kind: 'provincial_in',
    regionCode: '140105000000',
    month: thisMonth,
    amountFen: 2_000_000,
    memo: '省级调剂金下拨 晋人社函〔2026〕8号',
  });
});

describe('UI-5 fund ledger in the browser', () => {
  it('UI-5 finance approves another’s transfer, requests interest, asks for a reversal; the balance and the checks follow', async () => {
    const page = await session.freshPage();
    await login(page, staff.finance, factoryPassword);
    await page.getByRole('menuitem', { name: /基金台账/ }).click();
    await page.waitForURL(/\/ui\/fund$/);
    await expect.poll(() => balanceText(page), { timeout: 15_000 }).toContain('100.00'); // two contributions of 50 yuan
    const checkTags = () => page.getByTestId('fund-checks').locator('.ant-tag').allTextContents();
    // This month's contribution income, all entries summing to zero, each transfer balanced.
    expect(await checkTags()).toEqual(['相符', '相符', '相符']);

    await rowOf(page, '晋人社函').getByRole('button', { name: '复核入账' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '复核入账' }).click();
    await expect.poll(() => rowOf(page, '晋人社函').textContent(), { timeout: 15_000 }).toContain('已入账');
    await expect.poll(() => balanceText(page), { timeout: 15_000 }).toContain('20,100.00');
    const approved = (await rowOf(page, '晋人社函').textContent()) ?? '';
    expect(approved, 'the requester and the approver by name, not login').toContain('小店区财务乙');
    expect(approved).toContain('小店区财务甲');
    // The chart of the year's months (ECharts on a canvas) follows the same figures as the table.
    const chart = page.getByTestId('fund-chart');
    await expect.poll(() => chart.getAttribute('aria-label'), { timeout: 15_000 }).toContain(`${thisMonth} 期末余额 20,100.00 元`);
    const canvas = chart.locator('canvas');
    expect(await canvas.count()).toBe(1);
    const size = await canvas.boundingBox();
    expect(size?.width).toBeGreaterThan(600);
    expect(size?.height).toBeGreaterThan(200);

    await page.getByRole('button', { name: /提出划转/ }).click();
    await dialog(page).getByLabel('类型').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '利息收入' }).click();
    await dialog(page).getByLabel('金额（元）').fill('123.45');
    await dialog(page).getByLabel('摘要').fill('第四季度银行存款利息');
    await shot(page, 'fund-request', { fullPage: false });
    await confirmDialog(page, '提交复核');
    await expect.poll(() => rowOf(page, '第四季度银行存款利息').textContent(), { timeout: 15_000 }).toContain('待他人复核');
    expect(await rowOf(page, '第四季度银行存款利息').getByRole('button', { name: '复核入账' }).count(), 'four eyes').toBe(0);
    expect(await balanceText(page), 'a request moves no money').toContain('20,100.00');

    await rowOf(page, '晋人社函').getByRole('button', { name: '冲正' }).click();
    await dialog(page).getByLabel('冲正原因').fill('文号有误，重新下拨');
    await confirmDialog(page, '提交冲正');
    await rowOf(page, '冲正：文号有误').waitFor();
    expect(await rowOf(page, '冲正：文号有误').textContent()).toContain('待他人复核');
    expect(await rowOf(page, '晋人社函').getByRole('button', { name: '冲正' }).count(), 'reversed once').toBe(0);
    const months = page.getByTestId('fund-months');
    expect(await months.locator('.ant-table-row').count()).toBe(Number(thisMonth.slice(5)));
    expect(await checkTags()).toEqual(['相符', '相符', '相符']);
    await shot(page, 'fund-ledger');
  });

  it('UI-5 a leader reads the fund without any write action', async () => {
    const page = await session.freshPage();
    await login(page, staff.leader, factoryPassword);
    await page.getByRole('menuitem', { name: /基金台账/ }).click();
    await expect.poll(() => balanceText(page), { timeout: 15_000 }).toContain('20,100.00');
    await rowOf(page, '晋人社函').waitFor();
    expect(await page.getByRole('button', { name: /提出划转/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '复核入账' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '冲正' }).count()).toBe(0);
  });
});
