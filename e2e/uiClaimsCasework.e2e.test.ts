// UI-4 and UI-3 on the claims pages in a real browser. Three claimants of 坞城街道: one looked after
// by UI officer 甲, one by 乙, one by nobody (caseworkers named through the API). On 失业保险金申领 甲
// narrows the list to 我负责的 and then to 乙's claimants with the staff picker; each filter is in
// the address, so a reload keeps it. Then 甲's claimant's months are paid through three runs
// (arranged through the API): last month's payment returned by the bank, paid again by the next
// run and paid, this month's waiting for approval; the claim page's 发放记录 shows each with its
// status in Chinese (发放失败 with the bank's reason, 已发放 marked 补发, 待审批).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  arrangeClaim,
  createEmployer,
  createStaffMember,
  factoryPassword,
  type Auth,
  type StaffMember,
} from '../src/server/testing/factories.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { shanghaiToday } from '../src/web/format.js';
import { monthsBack, sendAs } from './support/arrange.js';
import { login, shot, useBrowserSession } from './support/harness.js';

const session = useBrowserSession();
const thisMonth = shanghaiToday().slice(0, 7);
const lastMonth = monthsBack(1).slice(0, 7);
const names = { mine: '温立新', theirs: '贾春燕', nobody: '常国庆' };
const staff = { officerA: '坞城街道失业保险经办员甲', officerB: '坞城街道失业保险经办员乙' };
let officerA: StaffMember;
let officerB: StaffMember;
const claims = { mine: '', theirs: '', nobody: '' };
let monthlyFen = 0;

/** Polls up to 10 s: a page's loads share two cores with the server and the browser. */
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const rowOf = (scope: Page | Locator, text: string) => scope.locator('.ant-table-row', { hasText: text });
const listedNames = (page: Page) =>
  page.locator('.ant-table-row').evaluateAll((rows) => rows.map((r) => r.querySelector('td')?.textContent ?? ''));

/**
 * A claim of `name`, who separated on the last day of three months back (employer bankrupt) and
 * registered on the 3rd of the month after: benefit from last month. Approved when `reviewer` is given.
 */
/** A claim of `name`, separated three months ago (the benefit starts last month), arranged as the API tests do. */
async function claimOf(name: string, a: { clerk: Auth; officer: Auth; reviewer?: Auth; employerId: string }) {
  const claim = await arrangeClaim(session.test, { ...a, name, separatedIn: monthsBack(3).slice(0, 7), months: 12 });
  expect(claim.startMonth).toBe(lastMonth);
  return claim;
}

let keySerial = 0;
/** A run of `month` by `creator`, approved by `approver`; the claim's payment in it is returned by the bank with `result`. */
async function paidRun(month: string, creator: Auth, approver: Auth, result?: { result: 'paid' } | { result: 'failed'; reason: string }) {
  const t = session.test;
  const run = await sendAs<{ id: string }>(
    t,
    { ...creator, 'idempotency-key': `casework-${++keySerial}-${Date.now()}` },
    '/ui/payment-runs',
    {
      month,
    },
  );
  if (!result) return run.id;
  await sendAs(
    t,
    { ...approver, 'idempotency-key': `casework-${++keySerial}-${Date.now()}` },
    `/ui/payment-runs/${run.id}/approve`,
    {},
    {
      status: 200,
    },
  );
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/ui/payment-runs/${run.id}/payments?pageSize=100`, headers: approver });
  const payment = (res.json() as { items: { id: string; claimId: string; month: string }[] }).items.find(
    (p) => p.claimId === claims.mine && p.month === month,
  );
  expect(payment, `the run of ${month} pays the claim`).toBeDefined();
  await sendAs(
    t,
    { ...approver, 'idempotency-key': `casework-${++keySerial}-${Date.now()}` },
    `/ui/payment-runs/${run.id}/bank-returns`,
    { items: [{ paymentId: payment!.id, ...result }] },
    { status: 200 },
  );
  return run.id;
}

beforeAll(async () => {
  const t = session.test;
  const clerk = await loginAs(t.app, 'c140105001001_clerk');
  officerA = await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer'], name: staff.officerA });
  officerB = await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer'], name: staff.officerB });
  const reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  const jobOfficer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] })).auth;
  const employerId = (await createEmployer(t, jobOfficer)).id;
  const arrangement = { clerk, officer: officerA.auth, employerId };
  const mine = await claimOf(names.mine, { ...arrangement, reviewer });
  claims.mine = mine.id;
  monthlyFen = mine.monthlyAmountFen;
  claims.theirs = (await claimOf(names.theirs, arrangement)).id;
  claims.nobody = (await claimOf(names.nobody, arrangement)).id;
  const assign = (claimId: string, staffId: string) =>
    sendAs(t, officerA.auth, `/ui/claims/${claimId}/caseworker`, { staffId }, { method: 'PUT', status: 200 });
  await assign(claims.mine, officerA.id);
  await assign(claims.theirs, officerB.id);
}, 120_000);

describe('UI-4 the claims list by caseworker and UI-3 the claim’s payment statuses in the browser', () => {
  it('UI-4 the officer narrows 失业保险金申领 to 我负责的 and to another caseworker’s claimants; the address keeps each filter', async () => {
    const page = await session.freshPage();
    await login(page, officerA.username, factoryPassword);
    await page.getByRole('menuitem', { name: /失业保险金申领/ }).click();
    await page.waitForURL(/\/ui\/claims$/);
    for (const name of Object.values(names)) await poll(() => rowOf(page, name).count()).toBe(1);
    expect(await rowOf(page, names.mine).textContent()).toContain(`${staff.officerA}（本人）`);
    expect(await rowOf(page, names.theirs).textContent()).toContain(staff.officerB);
    expect(await rowOf(page, names.nobody).textContent()).toContain('未指定');

    await page.getByTestId('claim-filters').getByText('我负责的').click();
    await page.waitForURL(/[?&]mine=true/);
    await poll(() => listedNames(page)).toEqual([names.mine]);
    await page.reload();
    await poll(() => listedNames(page)).toEqual([names.mine]);
    expect(await page.locator('.ant-segmented-item-selected').textContent()).toBe('我负责的');
    await shot(page, 'ui-claims-mine');

    // Another caseworker's claimants, picked by name; 我负责的 gives way.
    await page.getByTestId('caseworker-filter').click();
    await page.keyboard.type(staff.officerB);
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: staff.officerB,
    });
    await poll(() => option.count()).toBe(1);
    await option.click();
    await page.waitForURL(new RegExp(`[?&]caseworkerId=${officerB.id}`));
    expect(page.url()).not.toContain('mine=');
    await poll(() => listedNames(page)).toEqual([names.theirs]);
    await page.reload();
    await poll(() => page.getByTestId('caseworker-filter').textContent()).toContain(staff.officerB);
    await poll(() => listedNames(page)).toEqual([names.theirs]);
    // The status tab joins the address too: 乙's claimant is pending, none of 乙's is in benefit.
    await page.getByRole('tab', { name: '享受待遇中' }).click();
    await page.waitForURL(/[?&]status=active/);
    await poll(() => page.getByTestId('list-empty').count()).toBe(1);
    expect(await page.getByTestId('list-empty').textContent()).toContain('该经办人没有负责的申领');
    await page.getByRole('tab', { name: '待审核' }).click();
    await page.waitForURL(/[?&]status=pending/);
    await poll(() => listedNames(page)).toEqual([names.theirs]);
    await shot(page, 'ui-claims-caseworker');
  });

  it('UI-3 the claim page lists each payment with its status: returned by the bank (with the reason), paid again (补发), waiting for approval', async () => {
    const t = session.test;
    const financeA = (await createStaffMember(t, { regionCode: '140105000000', roles: ['finance'] })).auth;
    const financeB = (await createStaffMember(t, { regionCode: '140100000000', roles: ['finance'] })).auth;
    await paidRun(lastMonth, financeA, financeB, { result: 'failed', reason: '账户已销户' });
    await paidRun(lastMonth, financeA, financeB, { result: 'paid' });
    await paidRun(thisMonth, financeA, financeB);

    const page = await session.freshPage();
    await login(page, officerA.username, factoryPassword);
    await page.goto(`/ui/claims/${claims.mine}`);
    const payments = page.getByTestId('claim-payments');
    await poll(() => payments.locator('.ant-table-row').count()).toBe(3);
    const rows = await payments.locator('.ant-table-row').allTextContents();
    expect(rows[0]).toContain(lastMonth);
    expect(rows[0]).toContain('发放失败');
    expect(rows[0]).toContain('账户已销户');
    expect(rows[1]).toContain(lastMonth);
    expect(rows[1]).toContain('已发放');
    expect(rows[1]).toContain('补发');
    expect(rows[2]).toContain(thisMonth);
    expect(rows[2]).toContain('待审批');
    for (const row of rows) expect(row).toContain(new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2 }).format(monthlyFen / 100));
    expect(await payments.locator('thead').textContent()).toContain('状态');
    expect(await page.getByTestId('claim-facts').textContent(), 'the returned month is not counted as paid').toContain('已发放1 个月');
    await shot(page, 'ui-claim-payment-statuses');
  });
});
