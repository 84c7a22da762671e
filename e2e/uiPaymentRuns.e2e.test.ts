// UI-3 monthly payment runs of unemployment benefit in a real browser: a person with a year of
// contributions whose claim a UI officer took and a reviewer approved (arranged through the API);
// finance officer A builds this month's run on 失业保险金发放 and sees its one payment, but may not
// approve the run he created (four eyes, said on the page); finance officer B approves it after a
// confirmation naming the second-person rule, downloads the bank file (its last line the count and
// the total), and registers a bank return; the claim then shows the payment. A leader reads.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createEmployer, createPerson, createStaffMember, factoryPassword, type Auth } from '../src/server/testing/factories.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { shanghaiToday } from '../src/web/format.js';
import { confirmDialog, login, shot, useBrowserSession } from './support/harness.js';

const session = useBrowserSession();
const today = shanghaiToday();
const thisMonth = today.slice(0, 7);

/** The month `n` months before this one, 'YYYY-MM'. */
function monthBack(n: number): string {
  const [y, m] = thisMonth.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const claimant = '韩建军';
const staff = { financeA: '', financeB: '', leader: '' };
let officer: Auth;
let claimId = '';
let amountFen = 0;
let runId = '';

const rowOf = (scope: Page | Locator, text: string) => scope.locator('.ant-table-row', { hasText: text });
const yuan = (fen: number) => new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2 }).format(fen / 100);

beforeAll(async () => {
  const t = session.test;
  const clerk = await loginAs(t.app, 'c140105001001_clerk');
  officer = (await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer'], name: '坞城街道失业保险经办员' })).auth;
  const reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'], name: '太原市审核员' })).auth;
  const financeA = await createStaffMember(t, { regionCode: '140105000000', roles: ['finance'], name: '小店区财务甲' });
  const financeB = await createStaffMember(t, { regionCode: '140100000000', roles: ['finance'], name: '太原市财务乙' });
  const leader = await createStaffMember(t, { regionCode: '140105000000', roles: ['leader'], name: '小店区分管领导' });
  Object.assign(staff, { financeA: financeA.username, financeB: financeB.username, leader: leader.username });
  const jobOfficer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] })).auth;
  const employer = await createEmployer(t, jobOfficer);
  const send = async (auth: Auth, url: string, payload: object, status = 201) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: auth, payload });
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as Record<string, unknown>;
  };
  // Separated on the last day of the month before last, registered unemployed on the 3rd of last
  // month: the benefit starts this month, so this month's run pays one month.
  const separationMonth = monthBack(2);
  const registered = `${monthBack(1)}-03`;
  const person = await createPerson(t, clerk, { name: claimant, unemployedSince: registered });
  await send(clerk, `/persons/${person.id}/registrations`, { type: 'job_seeking', date: registered });
  const months = Array.from({ length: 12 }, (_, i) => monthBack(2 + 11 - i));
  await send(
    officer,
    '/ui/contributions',
    { items: months.map((month) => ({ personId: person.id, employerId: employer.id, month, baseFen: 300_000, paidFen: 3_000 })) },
    200,
  );
  const [y, m] = separationMonth.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const claim = await send(officer, '/ui/claims', {
    personId: person.id,
    separationDate: `${separationMonth}-${lastDay}`,
    separationReason: 'employer_bankrupt',
  });
  expect(claim.startMonth).toBe(thisMonth);
  claimId = claim.id as string;
  amountFen = claim.monthlyAmountFen as number;
  expect(amountFen).toBeGreaterThan(0);
  await send(reviewer, `/ui/claims/${claimId}/decision`, { decision: 'approve', comment: '材料齐全，同意' }, 200);
}, 120_000);

describe('UI-3 payment runs in the browser', () => {
  it('UI-3 finance officer A builds this month’s run on 失业保险金发放 and sees its payment, but may not approve his own run', async () => {
    const page = await session.freshPage();
    await login(page, staff.financeA, factoryPassword);
    expect(await page.getByRole('menuitem').allTextContents()).toEqual([
      '补贴管理',
      '失业保险缴费',
      '扩面征缴',
      '失业保险金申领',
      '失业保险金发放',
      '基金台账',
      '领金期间再就业率',
      '机构管理',
      '政策参数',
    ]);
    await page.getByRole('menuitem', { name: /失业保险金发放/ }).click();
    await page.waitForURL(/\/ui\/payment-runs$/);
    const card = page.getByTestId('create-run');
    expect(await card.getByLabel('发放月份').inputValue()).toBe(thisMonth);
    await expect.poll(() => page.getByTestId('list-empty').count()).toBe(1);
    await shot(page, 'ui-payment-runs-empty');
    await card.getByRole('button', { name: /生成发放批次/ }).click();
    const confirm = page.locator('.ant-modal-confirm');
    expect(await confirm.textContent()).toContain('另一名财务人员审批');
    await shot(page, 'ui-payment-runs-confirm', { fullPage: false });
    await confirm.getByRole('button', { name: /^生\s?成$/ }).click();
    await page.waitForURL(/\/ui\/payment-runs\/[0-9a-f-]{36}$/);
    runId = page.url().split('/').pop() ?? '';
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('待审批');
    const facts = page.getByTestId('run-facts');
    expect(await facts.textContent()).toContain('支付笔数1 笔');
    expect(await facts.textContent()).toContain(`合计金额${yuan(amountFen)} 元`);
    const payments = page.getByTestId('run-payments');
    await expect.poll(() => rowOf(payments, claimant).count()).toBe(1);
    const row = await rowOf(payments, claimant).textContent();
    expect(row).toContain(thisMonth);
    expect(row).toContain(yuan(amountFen));
    expect(row).toContain('待审批');
    // Four eyes: the creator's 审批 is off, and the page says why.
    expect(await page.getByTestId('approve-block').textContent()).toContain('不能由您本人审批');
    expect(await page.getByRole('button', { name: /审\s?批/ }).isDisabled()).toBe(true);
    expect(await page.getByTestId('bank-file').count()).toBe(0);
    await shot(page, 'ui-payment-run-draft');

    await page.getByRole('link', { name: '返回列表' }).click();
    await page.waitForURL(/\/ui\/payment-runs$/);
    const runs = page.getByTestId('runs');
    await expect.poll(() => rowOf(runs, thisMonth).count()).toBe(1);
    const listed = await rowOf(runs, thisMonth).textContent();
    expect(listed).toContain('待审批');
    expect(listed, 'the creator’s name, not the login').toContain('小店区财务甲（本人）');
    expect(await rowOf(runs, thisMonth).getByRole('link', { name: '查看' }).count()).toBe(1);
    await shot(page, 'ui-payment-runs-list');
  });

  it('UI-3 finance officer B approves the run after the four-eyes confirmation, downloads the bank file (last line the count and total) and registers a return', async () => {
    const page = await session.freshPage();
    await login(page, staff.financeB, factoryPassword);
    await page.goto('/ui/payment-runs');
    await rowOf(page, thisMonth).getByRole('link', { name: '审批' }).click();
    await page.waitForURL(new RegExp(`/ui/payment-runs/${runId}$`));
    expect(await page.getByTestId('approve-block').count()).toBe(0);
    await page.getByRole('button', { name: /审\s?批/ }).click();
    const confirm = page.locator('.ant-modal-confirm');
    expect(await confirm.textContent()).toContain('双人复核');
    expect(await confirm.textContent()).toContain('由 小店区财务甲 生成');
    await shot(page, 'ui-payment-run-approve', { fullPage: false });
    await confirm.getByRole('button', { name: /^审\s?批$/ }).click();
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('已审批');
    expect(await page.getByTestId('run-facts').textContent()).toContain('审批人太原市财务乙（');
    await expect.poll(() => rowOf(page.getByTestId('run-payments'), claimant).textContent()).toContain('已审批待发放');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bank-file').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^失业保险金银行代发文件-${thisMonth}-[0-9a-f]{8}\\.csv$`));
    const lines = fs
      .readFileSync((await download.path())!, 'utf8')
      .split('\r\n')
      .filter((l) => l !== '');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${claimant},`);
    expect(lines[1]).toContain(`,${amountFen},${thisMonth},`);
    expect(lines.at(-1)).toBe(`合计,1,${amountFen}`);
    await shot(page, 'ui-payment-run-approved');

    // The bank paid it: registered with 其余登记为已发放, nothing pasted.
    await page.getByRole('button', { name: '登记银行回盘' }).click();
    const dialog = page.locator('.ant-modal:visible').last();
    await dialog.getByLabel('银行退回的支付').fill('12,韩建军 没有编号');
    await expect.poll(() => dialog.textContent()).toContain('第 1 行没有支付编号');
    // All or nothing: a payment of another run fails the whole return, which names the line; nothing is registered.
    await dialog.getByLabel('银行退回的支付').fill('序号,姓名,支付编号,退回原因\n00000000-0000-4000-8000-000000000000,账户已销户');
    await dialog.getByText('本批次其余已审批待发放的支付登记为已发放').click();
    await confirmDialog(page, '登记');
    await expect.poll(() => dialog.getByTestId('returns-problem').count()).toBe(1);
    const refused = await dialog.getByTestId('returns-problem').textContent();
    expect(refused).toContain('银行回盘有 1 处错误，整批未登记');
    expect(refused).toContain('第 2 行（00000000…）：该支付不属于本发放批次');
    await shot(page, 'ui-payment-run-returns-refused', { fullPage: false });
    expect(await rowOf(page.getByTestId('run-payments'), claimant).textContent()).toContain('已审批待发放');
    await dialog.getByLabel('银行退回的支付').fill('');
    await shot(page, 'ui-payment-run-returns', { fullPage: false });
    await confirmDialog(page, '登记');
    await expect.poll(() => rowOf(page.getByTestId('run-payments'), claimant).textContent()).toContain('已发放');
    expect(await rowOf(page.getByTestId('run-payments'), claimant).textContent()).not.toContain('已审批待发放');
  });

  it('UI-3 the claim shows the paid month of the run', async () => {
    const res = await session.test.app.inject({ method: 'GET', url: `/api/v1/ui/claims/${claimId}`, headers: officer });
    expect(res.statusCode, res.body).toBe(200);
    const claim = res.json() as { paidMonths: number; payments: { month: string; amountFen: number; runId: string; status: string }[] };
    expect(claim.paidMonths).toBe(1);
    expect(claim.payments).toEqual([{ month: thisMonth, amountFen, runId, status: 'paid' }]);
  });

  it('UI-3 a leader reads the runs and the run without any write action', async () => {
    const page = await session.freshPage();
    await login(page, staff.leader, factoryPassword);
    await page.getByRole('menuitem', { name: /失业保险金发放/ }).click();
    await page.waitForURL(/\/ui\/payment-runs$/);
    await rowOf(page, thisMonth).waitFor();
    expect(await rowOf(page, thisMonth).count()).toBe(1);
    expect(await page.getByTestId('create-run').count()).toBe(0);
    await rowOf(page, thisMonth).getByRole('link', { name: '查看' }).click();
    await page.waitForURL(new RegExp(`/ui/payment-runs/${runId}$`));
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('已审批');
    expect(await page.getByRole('button', { name: /审\s?批|登记银行回盘|下载银行代发文件/ }).count()).toBe(0);
    expect(await rowOf(page.getByTestId('run-payments'), claimant).textContent()).toContain('已发放');
    await shot(page, 'ui-payment-run-leader');
  });
});
