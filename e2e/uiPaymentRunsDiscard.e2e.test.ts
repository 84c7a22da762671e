// UI-3 four eyes after a crash and 作废 of a draft run, in a real browser. Finance officer A's run
// of this month dies after its first chunk (in process, as the API test does it); finance officer B
// resumes it with the next request for the month (arranged through the API) and so built part of
// it: on the run page B sees who resumed it (续跑人), 审批 off with a tooltip and a warning saying
// why (四眼原则: 续跑人不能审批), and the list offers B 查看, not 审批. A leader reads the draft without
// 审批 or 作废. Finance officer C discards it after a confirmation stating what is deleted (the
// run's draft payments, their months paid by a later run) and why (a reason is required): the run
// is 已作废, and the next run of the month pays the claim's month again.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { scopedDatabase } from '../src/server/db/rowSecurity.js';
import { createPaymentRun } from '../src/server/modules/ui/index.js';
import type { Ctx } from '../src/server/platform/context.js';
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
const claimant = '秦永刚';
const staff = { financeA: '', financeB: '', financeC: '', leader: '' };
let financeA: StaffMember;
let claimId = '';
let runId = '';

/** Polls up to 10 s: a page's loads share two cores with the server and the browser. */
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const rowOf = (scope: Page | Locator, text: string) => scope.locator('.ant-table-row', { hasText: text });
const dialog = (page: Page) => page.locator('.ant-modal:visible').last();

/** A's context as the API would build it (the crash is simulated in process, between chunks). */
function financeCtx(member: StaffMember, scope: string): Ctx {
  const t = session.test;
  return {
    ...t.systemCtx,
    db: scopedDatabase(t.handle.db, scope),
    actor: { id: member.id, username: member.username, name: member.name, unitId: member.unit.id, scope, roles: ['finance'] },
  };
}

/** The claim's live payments' run ids. */
async function claimRuns(as: Auth): Promise<string[]> {
  const res = await session.test.app.inject({ method: 'GET', url: `/api/v1/ui/claims/${claimId}`, headers: as });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { payments: { runId: string }[] }).payments.map((p) => p.runId);
}

beforeAll(async () => {
  const t = session.test;
  const clerk = await loginAs(t.app, 'c140105001001_clerk');
  const officer = (await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer'] })).auth;
  const reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  financeA = await createStaffMember(t, { regionCode: '140105000000', roles: ['finance'], name: '小店区财务甲' });
  const financeB = await createStaffMember(t, { regionCode: '140105000000', roles: ['finance'], name: '小店区财务乙' });
  const financeC = await createStaffMember(t, { regionCode: '140100000000', roles: ['finance'], name: '太原市财务丙' });
  const leader = await createStaffMember(t, { regionCode: '140105000000', roles: ['leader'], name: '小店区分管领导' });
  Object.assign(staff, { financeA: financeA.username, financeB: financeB.username, financeC: financeC.username, leader: leader.username });
  const jobOfficer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] })).auth;
  const employer = await createEmployer(t, jobOfficer);
  // Separated in the month before last (registered on the 3rd of last month): the benefit starts
  // this month, which this month's run pays.
  const claim = await arrangeClaim(t, {
    clerk,
    officer,
    reviewer,
    employerId: employer.id,
    name: claimant,
    separatedIn: monthsBack(2).slice(0, 7),
    months: 12,
  });
  expect(claim.startMonth).toBe(thisMonth);
  claimId = claim.id;
  // A's run dies after its first chunk; B's request for the month resumes and finishes it.
  await expect(
    createPaymentRun(financeCtx(financeA, '140105'), thisMonth, {
      chunkClaims: 1,
      afterChunk: (n, id) => {
        runId = id;
        if (n === 1) throw new Error('simulated crash after chunk 1');
      },
    }),
  ).rejects.toThrow('simulated crash');
  const resumed = await sendAs<{ id: string; status: string; resumedBy: string[] }>(
    t,
    { ...financeB.auth, 'idempotency-key': `resume-${Date.now()}` },
    '/ui/payment-runs',
    { month: thisMonth },
  );
  expect(resumed).toMatchObject({ id: runId, status: 'draft', resumedBy: [financeB.username] });
  expect(await claimRuns(officer)).toEqual([runId]);
}, 120_000);

describe('UI-3 four eyes after a crash and 作废 of a draft run in the browser', () => {
  it('UI-3 四眼原则: the officer who resumed the crashed run sees himself named 续跑人, 审批 off with a tooltip saying why, and 查看 in the list', async () => {
    const page = await session.freshPage();
    await login(page, staff.financeB, factoryPassword);
    await page.goto(`/ui/payment-runs/${runId}`);
    await poll(() => page.getByTestId('run-status').textContent()).toBe('待审批');
    const facts = page.getByTestId('run-facts');
    expect(await facts.textContent()).toContain('生成人小店区财务甲（');
    expect(await facts.textContent()).toContain('续跑人小店区财务乙（本人）');
    const approve = page.getByTestId('approve-run');
    expect(await approve.isDisabled()).toBe(true);
    const block = await page.getByTestId('approve-block').textContent();
    expect(block).toContain('您接续生成过本批次，不能由您审批');
    expect(block).toContain('四眼原则：续跑人不能审批');
    // The tooltip of the disabled button says the same.
    await approve.hover();
    const tooltip = page.locator('.ant-tooltip:not(.ant-tooltip-hidden)');
    await poll(() => tooltip.textContent()).toContain('四眼原则：续跑人不能审批');
    await shot(page, 'ui-payment-run-resumer', { fullPage: false });
    // A finance officer may still discard the draft; the button is there.
    expect(await page.getByTestId('discard-run').count()).toBe(1);

    await page.getByRole('link', { name: '返回列表' }).click();
    await page.waitForURL(/\/ui\/payment-runs$/);
    const listed = rowOf(page.getByTestId('runs'), thisMonth);
    await poll(() => listed.count()).toBe(1);
    expect(await listed.getByRole('link', { name: '查看' }).count(), 'not offered 审批').toBe(1);
    expect(await listed.getByRole('link', { name: '审批' }).count()).toBe(0);
  });

  it('UI-3 a leader reads the draft without 审批 or 作废 (shown only to finance)', async () => {
    const page = await session.freshPage();
    await login(page, staff.leader, factoryPassword);
    await page.goto(`/ui/payment-runs/${runId}`);
    await poll(() => page.getByTestId('run-status').textContent()).toBe('待审批');
    expect(await page.getByTestId('run-facts').textContent()).toContain('续跑人小店区财务乙');
    expect(await page.getByTestId('approve-run').count()).toBe(0);
    expect(await page.getByTestId('discard-run').count()).toBe(0);
    expect(await page.getByTestId('approve-block').count()).toBe(0);
  });

  it('UI-3 finance officer C discards the draft after a confirmation stating what is deleted, with a reason; the run is 已作废 and the next run pays the month again', async () => {
    const page = await session.freshPage();
    await login(page, staff.financeC, factoryPassword);
    await page.goto(`/ui/payment-runs/${runId}`);
    await poll(() => page.getByTestId('run-status').textContent()).toBe('待审批');
    expect(await page.getByTestId('approve-run').isDisabled(), 'C built no part of it').toBe(false);
    expect(await page.getByTestId('approve-block').count()).toBe(0);
    const facts = (await page.getByTestId('run-facts').textContent()) ?? '';
    const count = /支付笔数(\d+) 笔/.exec(facts)?.[1];
    expect(count).toBeDefined();
    await page.getByTestId('discard-run').click();
    const confirm = dialog(page);
    expect(await confirm.locator('.ant-modal-title').textContent()).toBe(`作废 ${thisMonth} 的发放批次？`);
    const what = (await confirm.getByTestId('discard-what').textContent()) ?? '';
    expect(what).toContain(`作废将删除本批次的全部 ${count} 笔待审批支付`);
    expect(what).toContain('之后再生成该月的发放批次时重新计入');
    expect(what).toContain('状态改为“已作废”');
    // The reason is required.
    await confirm.getByRole('button', { name: /^作\s?废$/ }).click();
    await poll(() => confirm.textContent()).toContain('请填写作废原因');
    await confirm.getByLabel('作废原因').fill('应发名单有误，更正后重新生成');
    await poll(() => confirm.textContent()).not.toContain('请填写作废原因');
    await shot(page, 'ui-payment-run-discard', { fullPage: false });
    await confirm.getByRole('button', { name: /^作\s?废$/ }).click();
    await poll(() => page.getByTestId('run-status').textContent()).toBe('已作废');
    expect(await page.getByTestId('discard-run').count()).toBe(0);
    expect(await page.getByTestId('approve-run').count()).toBe(0);
    expect(await page.getByTestId('run-facts').textContent()).toContain('支付笔数0 笔');
    expect(await page.getByTestId('run-facts').textContent()).toContain('审批人—（已作废，未审批）');
    await poll(() => page.getByTestId('list-empty').textContent()).toContain('本批次已作废，其待审批支付已删除');
    await shot(page, 'ui-payment-run-discarded');

    // The month is free again: A's next run of it pays the claim.
    expect(await claimRuns(financeA.auth)).toEqual([]);
    const next = await sendAs<{ id: string }>(
      session.test,
      { ...financeA.auth, 'idempotency-key': `next-${Date.now()}` },
      '/ui/payment-runs',
      { month: thisMonth },
    );
    expect(next.id).not.toBe(runId);
    expect(await claimRuns(financeA.auth)).toEqual([next.id]);
  });
});
