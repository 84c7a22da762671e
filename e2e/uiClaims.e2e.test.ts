// UI-1 and UI-2 in a real browser: a UI officer records a year of a person's contributions in
// 失业保险缴费 (twelve months in one entry, in yuan) and sees the account; in 失业保险受理 finds the
// person, sees what the ledger knows, and sees the decision before saving (a resignation refused on
// 第十四条第（二）项, a bankruptcy allowed with its entitlement, amount and start month); saves, and the
// claim waits for another's review; a reviewer approves it from the review queue; the claim shows
// its decision and an empty payments table; the person page's 失业保险 card shows the claim. Then
// (UI-3) finance officer A builds the payment run of the claim's start month on 失业保险金发放,
// finance officer B approves it, and the claim page shows the paid month and amount; the officer
// records a refusal of offered work (counted against ui.refusals_to_stop, warned before the one
// that stops) and stops the claim for 应征服兵役 after a confirmation (条例第十五条第（二）项).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { buildIdNumber, createEmployer, createPerson, createStaffMember, factoryPassword } from '../src/server/testing/factories.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { shanghaiToday } from '../src/web/format.js';
import { choose, confirmDialog, login, shot, useBrowserSession } from './support/harness.js';

const session = useBrowserSession();
const today = shanghaiToday();

/** The `day` of the month `n` months before this one, 'YYYY-MM-DD'. */
function monthsBack(n: number, day = 10): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const claimant = '韩志强';
const separationDate = monthsBack(2, 10);
const firstMonth = monthsBack(13).slice(0, 7);
const lastMonth = monthsBack(2).slice(0, 7);
const startMonth = monthsBack(1).slice(0, 7);
const staff = { officer: '', reviewer: '', financeA: '', financeB: '' };
let personId = '';
let employerName = '';
let claimId = '';
let monthlyFen = 0;

/** Polls up to 10 s: a page's loads share two cores with the server and the browser. */
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const dialog = (page: Page) => page.locator('.ant-modal:visible').last();
const rowOf = (scope: Page | Locator, text: string) => scope.locator('.ant-table-row', { hasText: text });
const menuLabels = (page: Page) => page.locator('.ant-layout-sider .ant-menu-item').allTextContents();
const yuan = (fen: number) => new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(fen / 100);

/** Types a person's name into a PersonSearch and picks the one option. */
async function pickPerson(page: Page, select: Locator, name: string) {
  await select.click();
  await page.keyboard.type(name);
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: name });
  await poll(() => option.count()).toBe(1);
  await option.click();
}

beforeAll(async () => {
  const t = session.test;
  const clerk = await loginAs(t.app, 'c140105001001_clerk');
  const officer = await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer'], name: '坞城街道失业保险经办员' });
  const reviewer = await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'], name: '太原市审核员' });
  const jobOfficer = await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] });
  const financeA = await createStaffMember(t, { regionCode: '140105000000', roles: ['finance'], name: '小店区财务甲' });
  const financeB = await createStaffMember(t, { regionCode: '140100000000', roles: ['finance'], name: '太原市财务乙' });
  Object.assign(staff, {
    officer: officer.username,
    reviewer: reviewer.username,
    financeA: financeA.username,
    financeB: financeB.username,
  });
  employerName = (await createEmployer(t, jobOfficer.auth, { name: '太原恒通机械有限公司' })).name;
  const person = await createPerson(t, clerk, {
    idNumber: buildIdNumber({ birthDate: '1982-04-16', sex: 'M' }),
    name: claimant,
    regionCode: '140105001001',
    unemployedSince: monthsBack(2, 15),
  });
  personId = person.id;
  const seeking = await t.app.inject({
    method: 'POST',
    url: `/api/v1/persons/${personId}/registrations`,
    headers: clerk,
    payload: { type: 'job_seeking', date: monthsBack(2, 15) },
  });
  expect(seeking.statusCode, seeking.body).toBe(201);
});

describe('UI-1 and UI-2 contributions and claims in the browser', () => {
  it('UI-1 a UI officer records a year of contributions in one entry and sees the account', async () => {
    const page = await session.freshPage();
    await page.goto('/');
    await login(page, staff.officer, factoryPassword);
    await page.waitForURL(/\/ui\/claims\/new$/);
    const menu = await menuLabels(page);
    expect(menu).toEqual(expect.arrayContaining(['失业保险缴费', '失业保险受理', '失业保险金申领', '缓发协议']));
    expect(menu, 'reviewing is for reviewers').not.toContain('失业保险审核');
    await page.getByRole('menuitem', { name: /失业保险缴费/ }).click();
    await page.waitForURL(/\/ui\/contributions$/);
    await pickPerson(page, page.locator('#ui-contribution-person'), claimant);
    const entry = page.getByTestId('contribution-entry');
    await entry.getByLabel('缴费单位').click();
    await page.keyboard.type('恒通');
    const employer = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: employerName,
    });
    await poll(() => employer.count()).toBe(1);
    await employer.click();
    const from = entry.getByPlaceholder('起始月份');
    await from.click();
    await from.fill(firstMonth);
    await from.press('Enter');
    const to = entry.getByPlaceholder('截止月份');
    await to.fill(lastMonth);
    await to.press('Enter');
    await poll(() => from.inputValue()).toBe(firstMonth);
    await poll(() => to.inputValue()).toBe(lastMonth);
    await entry.getByLabel('缴费基数（元）').fill('4000');
    await entry.getByLabel('实缴金额（元）').fill('20');
    await shot(page, 'ui-contributions-entry', { fullPage: false });
    await entry.getByRole('button', { name: '保存缴费记录' }).click();
    const summary = page.getByTestId('ui-account-summary');
    await poll(() => summary.textContent()).toContain('累计缴费12 个月');
    expect(await summary.textContent()).toContain(`首次缴费${firstMonth}`);
    const months = page.getByTestId('ui-account-months');
    expect(await rowOf(months, lastMonth).textContent()).toContain('4,000.00');
    expect(await rowOf(months, lastMonth).textContent()).toContain('20.00');
    await poll(() => rowOf(months, lastMonth).textContent()).toContain(employerName);
    await shot(page, 'ui-contributions');
  });

  it('UI-2 the officer takes a claim seeing the decision and its rules before saving; the claim waits for another’s review', async () => {
    const page = await session.freshPage();
    await login(page, staff.officer, factoryPassword);
    await page.getByRole('menuitem', { name: /失业保险受理/ }).click();
    await page.waitForURL(/\/ui\/claims\/new$/);
    await pickPerson(page, page.locator('#ui-intake-person'), claimant);
    const who = page.getByTestId('intake-person');
    await poll(() => who.textContent()).toContain(`姓名${claimant}`);
    expect(await who.textContent()).toMatch(/身份证号\d{6}\*+\d{3}[\dX]/);
    expect(await who.textContent()).toContain(`登记失业（${monthsBack(2, 15)} 起）`);
    await poll(() => page.getByTestId('ui-account-summary').textContent()).toContain('累计缴费12 个月');
    expect(await page.getByTestId('intake-earlier-claims').textContent()).toContain('没有失业保险金申领');

    const form = page.getByTestId('intake-form');
    const date = form.getByLabel('离职日期');
    await date.click();
    await date.fill(separationDate);
    await date.press('Enter');
    await poll(() => date.inputValue()).toBe(separationDate);
    await choose(page, form.getByLabel('离职原因'), '本人辞职');
    const verdict = page.getByTestId('assessment-verdict');
    await poll(() => verdict.textContent()).toContain('不符合领取失业保险金条件');
    const rules = page.getByTestId('assessment-rules');
    const involuntary = rowOf(rules, '非因本人意愿中断就业');
    expect(await involuntary.textContent()).toContain('本人辞职，属本人意愿中断就业');
    expect(await involuntary.textContent()).toContain('第十四条第（二）项');
    expect(await involuntary.locator('.anticon-close-circle').count()).toBe(1);
    expect(await page.getByRole('button', { name: '受理申领' }).isDisabled()).toBe(true);
    await shot(page, 'ui-intake-refused', { fullPage: false });

    await choose(page, form.getByLabel('离职原因'), '用人单位破产、撤销、解散');
    await poll(() => verdict.textContent()).toContain('符合领取失业保险金条件');
    const figures = page.getByTestId('assessment-figures');
    expect(await figures.textContent()).toContain('领取期限12 个月');
    expect(await figures.textContent()).toContain(`起始月份${startMonth}`);
    expect(await figures.textContent()).toContain('可计算缴费12 个月');
    expect(await rowOf(rules, '缴费满一年').textContent()).toContain('失业前可计算的缴费 12 个月');
    expect(await rowOf(rules, '已办理失业登记').textContent()).toContain('第十四条第（三）项');
    expect(await rules.locator('.anticon-close-circle').count()).toBe(0);
    const shownFigures = (await figures.textContent()) ?? '';
    await shot(page, 'ui-intake-assessed');
    expect(
      (
        await session.test.app.inject({
          method: 'GET',
          url: `/api/v1/ui/claims?personId=${personId}`,
          headers: await loginAs(session.test.app, staff.officer, factoryPassword),
        })
      ).json().total,
      'the dry run stored nothing',
    ).toBe(0);

    await page.getByRole('button', { name: '受理申领' }).click();
    await page.waitForURL(/\/ui\/claims\/[0-9a-f-]{36}$/);
    claimId = page.url().split('/').pop() ?? '';
    const saved = (
      await session.test.app.inject({
        method: 'GET',
        url: `/api/v1/ui/claims/${claimId}`,
        headers: await loginAs(session.test.app, staff.officer, factoryPassword),
      })
    ).json() as { monthlyAmountFen: number; entitlementMonths: number };
    expect(shownFigures, 'the dry run showed the amount the claim was saved with').toContain(`每月标准${yuan(saved.monthlyAmountFen)} 元`);
    expect(saved.entitlementMonths).toBe(12);
    monthlyFen = saved.monthlyAmountFen;
    await poll(() => page.getByTestId('claim-status').textContent()).toBe('待审核');
    const facts = page.getByTestId('claim-facts');
    expect(await facts.textContent()).toContain(`每月标准${yuan(saved.monthlyAmountFen)} 元`);
    expect(await facts.textContent()).toContain('离职原因用人单位破产、撤销、解散');
    expect(await facts.textContent(), 'the staff member’s name, not the login').toContain('受理人坞城街道失业保险经办员（');
    expect(await page.getByTestId('claim-awaits-review').textContent()).toContain('须由受理人以外的审核人员审核');
    expect(await page.getByRole('button', { name: /批\s?准/ }).count()).toBe(0);
    await shot(page, 'ui-claim-taken');
  });

  it('UI-2 a reviewer approves it from the review queue; the claim, the list and the person page show it', async () => {
    const page = await session.freshPage();
    await login(page, staff.reviewer, factoryPassword);
    expect(await menuLabels(page)).toEqual(expect.arrayContaining(['失业保险审核', '失业保险金申领']));
    await page.getByRole('menuitem', { name: /失业保险审核/ }).click();
    await page.waitForURL(/\/ui\/claims\/review$/);
    const row = rowOf(page, claimant);
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('待审核');
    await shot(page, 'ui-review-queue');
    await row.getByRole('link', { name: '审核' }).click();
    await page.waitForURL(new RegExp(`/ui/claims/${claimId}$`));
    expect(await page.getByTestId('decision-block').count()).toBe(0);
    await page.getByRole('button', { name: /批\s?准/ }).click();
    await dialog(page).getByLabel('审核意见').fill('材料齐全，符合条件，同意');
    await shot(page, 'ui-claim-approve', { fullPage: false });
    await confirmDialog(page, '批准');
    await poll(() => page.getByTestId('claim-status').textContent()).toBe('享受待遇中');
    expect(await page.getByTestId('claim-decision').textContent()).toContain('材料齐全，符合条件，同意');
    expect(await page.getByTestId('claim-decision').textContent()).toContain('审核人太原市审核员（');
    const payments = page.getByTestId('claim-payments');
    expect(await payments.locator('.ant-table-row').count(), 'no payment run has paid it yet').toBe(0);
    expect(await payments.textContent()).toContain('已批准，尚无发放记录');
    await shot(page, 'ui-claim-approved');

    await page.getByRole('menuitem', { name: /失业保险审核/ }).click();
    await poll(() => page.getByTestId('list-empty').textContent()).toContain('没有待审核的申领');
    await page.getByRole('menuitem', { name: /失业保险金申领/ }).click();
    await page.waitForURL(/\/ui\/claims$/);
    await page.getByRole('tab', { name: '享受待遇中' }).click();
    await poll(() => rowOf(page, claimant).textContent()).toContain('享受待遇中');
    await shot(page, 'ui-claims');

    await rowOf(page, claimant).getByRole('link', { name: claimant }).click();
    await page.waitForURL(new RegExp(`/persons/${personId}$`));
    const card = page.getByTestId('person-ui');
    await poll(() => card.getByTestId('person-ui-account').textContent()).toContain('累计缴费 12 个月');
    await poll(() => rowOf(card, '12 个月').textContent()).toContain('享受待遇中');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'ui-person-card', { fullPage: false });
    await rowOf(card, '12 个月').getByRole('link').click();
    await page.waitForURL(new RegExp(`/ui/claims/${claimId}$`));
  });

  it('UI-3 finance officer A builds the run of the claim’s start month on 失业保险金发放, B approves it, and the claim page shows the paid month and amount', async () => {
    const page = await session.freshPage();
    await login(page, staff.financeA, factoryPassword);
    await page.getByRole('menuitem', { name: /失业保险金发放/ }).click();
    await page.waitForURL(/\/ui\/payment-runs$/);
    const card = page.getByTestId('create-run');
    const month = card.getByLabel('发放月份');
    await month.click();
    await month.fill(startMonth);
    await month.press('Enter');
    await poll(() => month.inputValue()).toBe(startMonth);
    await card.getByRole('button', { name: /生成发放批次/ }).click();
    const confirm = page.locator('.ant-modal-confirm');
    expect(await confirm.textContent()).toContain(`生成 ${startMonth} 的发放批次`);
    await confirm.getByRole('button', { name: /^生\s?成$/ }).click();
    await page.waitForURL(/\/ui\/payment-runs\/[0-9a-f-]{36}$/);
    const runId = page.url().split('/').pop() ?? '';
    await poll(() => page.getByTestId('run-status').textContent()).toBe('待审批');
    const facts = page.getByTestId('run-facts');
    expect(await facts.textContent()).toContain('支付笔数1 笔');
    expect(await facts.textContent()).toContain(`合计金额${yuan(monthlyFen)} 元`);
    expect(await facts.textContent()).toContain('生成人小店区财务甲（本人）');
    await poll(() => rowOf(page.getByTestId('run-payments'), claimant).count()).toBe(1);
    expect(await rowOf(page.getByTestId('run-payments'), claimant).textContent()).toContain(startMonth);
    await shot(page, 'ui-claim-run-built');

    const second = await session.freshPage();
    await login(second, staff.financeB, factoryPassword);
    await second.getByRole('menuitem', { name: /失业保险金发放/ }).click();
    await second.waitForURL(/\/ui\/payment-runs$/);
    const listed = rowOf(second.getByTestId('runs'), startMonth);
    await poll(() => listed.count()).toBe(1);
    expect(await listed.textContent(), 'the list names the creator').toContain('小店区财务甲');
    await listed.getByRole('link', { name: '审批' }).click();
    await second.waitForURL(new RegExp(`/ui/payment-runs/${runId}$`));
    await poll(() => second.getByTestId('run-status').textContent()).toBe('待审批');
    await second.getByRole('button', { name: /审\s?批/ }).click();
    const approve = second.locator('.ant-modal-confirm');
    expect(await approve.textContent()).toContain('由 小店区财务甲 生成');
    await approve.getByRole('button', { name: /^审\s?批$/ }).click();
    await poll(() => second.getByTestId('run-status').textContent()).toBe('已审批');
    expect(await second.getByTestId('run-facts').textContent()).toContain('审批人太原市财务乙（');
    const payment = rowOf(second.getByTestId('run-payments'), claimant);
    await poll(() => payment.textContent()).toContain('已审批待发放');
    await shot(second, 'ui-claim-run-approved');

    // The payment's month opens its claim, which shows the paid month and amount.
    await payment.getByRole('link', { name: startMonth }).click();
    await second.waitForURL(new RegExp(`/ui/claims/${claimId}$`));
    const payments = second.getByTestId('claim-payments');
    await poll(() => rowOf(payments, startMonth).count()).toBe(1);
    expect(await payments.locator('.ant-table-row').count()).toBe(1);
    expect(await rowOf(payments, startMonth).textContent()).toContain(yuan(monthlyFen));
    expect(await second.getByTestId('claim-facts').textContent()).toContain('已发放1 个月');
    await shot(second, 'ui-claim-paid');
  });

  it('UI-3 the officer records a refusal of offered work (1 of ui.refusals_to_stop = 2, warned that the next stops payment) and stops the claim for 应征服兵役 after confirming', async () => {
    const page = await session.freshPage();
    await login(page, staff.officer, factoryPassword);
    await page.goto(`/ui/claims/${claimId}`);
    const stops = page.getByTestId('claim-stops');
    await poll(() => stops.getByTestId('refusal-count').textContent()).toContain('拒绝介绍 0 次，累计 2 次停发');
    expect(await stops.getByTestId('claim-stop').textContent()).toBe('未停发');
    expect(await stops.getByTestId('refusal-warning').count()).toBe(0);

    await stops.getByRole('button', { name: '登记拒绝介绍' }).click();
    await dialog(page).getByLabel('介绍的工作或培训').fill('太原某物业公司 保洁员');
    await dialog(page).getByLabel('拒绝理由').fill('称离家远');
    await shot(page, 'ui-claim-refusal', { fullPage: false });
    await confirmDialog(page, '登记');
    await poll(() => stops.getByTestId('refusal-count').textContent()).toContain('拒绝介绍 1 次，累计 2 次停发');
    const refusal = rowOf(stops.getByTestId('claim-refusals'), '太原某物业公司 保洁员');
    expect(await refusal.textContent()).toContain('称离家远');
    expect(await refusal.textContent(), 'the officer’s name').toContain('坞城街道失业保险经办员');
    expect(await stops.getByTestId('refusal-warning').textContent()).toContain('再登记一次拒绝将达到 2 次，停发失业保险金');
    expect(await page.getByTestId('claim-status').textContent()).toBe('享受待遇中');
    // The dialog of the next refusal says it stops payment.
    await stops.getByRole('button', { name: '登记拒绝介绍' }).click();
    await poll(() => dialog(page).getByTestId('refusal-stop-warning').count()).toBe(1);
    expect(await dialog(page).getByTestId('refusal-stop-warning').textContent()).toContain('这是第 2 次拒绝');
    await shot(page, 'ui-claim-refusal-warning', { fullPage: false });
    await dialog(page)
      .getByRole('button', { name: /取\s?消/ })
      .click();
    await poll(() => page.locator('.ant-modal:visible').count()).toBe(0);

    await stops.getByRole('button', { name: /停\s?发/ }).click();
    const reason = dialog(page).getByLabel('停发原因（条例第十五条）');
    await choose(page, reason, '（七）法律、行政法规规定的其他情形');
    await confirmDialog(page, '停发');
    await poll(() => dialog(page).textContent()).toContain('其他情形须写明依据的法律、行政法规');
    await choose(page, reason, '（二）应征服兵役');
    await dialog(page).getByLabel('说明').fill('本人提交入伍通知书');
    await confirmDialog(page, '停发');
    const sure = page.locator('.ant-modal-confirm');
    await poll(() => sure.textContent()).toContain('第十五条第（二）项');
    expect(await sure.textContent()).toContain(`确认自 ${today} 起停发`);
    await shot(page, 'ui-claim-stop-confirm', { fullPage: false });
    await sure.getByRole('button', { name: '确认停发' }).click();
    await poll(() => page.getByTestId('claim-status').textContent()).toBe('已停发');
    const stopped = await stops.getByTestId('claim-stop').textContent();
    expect(stopped).toContain(`${today} 起停发：应征服兵役`);
    expect(stopped).toContain('《失业保险条例》第十五条第（二）项');
    expect(await stops.getByRole('button', { name: /停\s?发|登记拒绝介绍/ }).count(), 'an ended claim takes no more stops').toBe(0);
    await shot(page, 'ui-claim-stopped');
  });
});
