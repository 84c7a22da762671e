// UI-1 and UI-2 in a real browser: a UI officer records a year of a person's contributions in
// 失业保险缴费 (twelve months in one entry, in yuan) and sees the account; in 失业保险受理 finds the
// person, sees what the ledger knows, and sees the decision before saving (a resignation refused on
// 第十四条第（二）项, a bankruptcy allowed with its entitlement, amount and start month); saves, and the
// claim waits for another's review; a reviewer approves it from the review queue; the claim shows
// its decision and an empty payments table; the person page's 失业保险 card shows the claim.
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
const staff = { officer: '', reviewer: '' };
let personId = '';
let employerName = '';
let claimId = '';

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
  Object.assign(staff, { officer: officer.username, reviewer: reviewer.username });
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
    await poll(() => page.getByTestId('claim-status').textContent()).toBe('待审核');
    const facts = page.getByTestId('claim-facts');
    expect(await facts.textContent()).toContain(`每月标准${yuan(saved.monthlyAmountFen)} 元`);
    expect(await facts.textContent()).toContain('离职原因用人单位破产、撤销、解散');
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
});
