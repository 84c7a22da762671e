// AID-8 subsidies paid exactly once, in a real browser: a clerk (who is also a reviewer) applies for
// last month's public-welfare post subsidy of a person placed on a post and sees its amount and
// reasons; applying again says it exists and links it; the applicant's own 批准 is off with the
// reason; another reviewer approves; finance pays the month in one run (1 payment, its total); the
// subsidy shows 已发放 with its payment; and a leader reads it all without any write action.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createStaffMember, factoryPassword } from '../src/server/testing/factories.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { confirmDialog, login, shot, useBrowserSession } from './support/harness.js';
import { monthsBack, placed4050Worker, sendAs } from './support/arrange.js';

const session = useBrowserSession();
const community = '140105001001';

const lastMonth = monthsBack(1).slice(0, 7);
const worker = '周桂兰'; // 4050, on a public-welfare post since the 1st of last month
const staff = { applicant: '', reviewer: '', finance: '', leader: '' };
let subsidyId = '';

const dialog = (page: Page) => page.locator('.ant-modal:visible').last();
const rowOf = (scope: Page | Locator, name: string) => scope.locator('.ant-table-row', { hasText: name });

beforeAll(async () => {
  const t = session.test;
  const admin = await loginAs(t.app, 'admin');
  const clerk = await loginAs(t.app, 'c140105001001_clerk');
  const reviewer = await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'], name: '太原市审核员' });
  const applicant = await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk', 'reviewer'], name: '坞城街道经办审核员' });
  const finance = await createStaffMember(t, { regionCode: '140105000000', roles: ['finance'], name: '小店区财务' });
  const leader = await createStaffMember(t, { regionCode: '140105000000', roles: ['leader'], name: '小店区分管领导' });
  Object.assign(staff, { applicant: applicant.username, reviewer: reviewer.username, finance: finance.username, leader: leader.username });
  for (const [name, value] of [
    ['subsidy.public_welfare_post.amount', 150000],
    ['subsidy.social_insurance.amount', 60000],
  ] as const)
    await sendAs(t, admin, `/params/${name}/values`, {
      regionPrefix: '1401',
      effectiveFrom: monthsBack(6, 1),
      value,
      source: '市人社局补贴标准',
    });
  await placed4050Worker(t, { clerk, reviewer: reviewer.auth, community, name: worker, birthDate: '1973-03-08', post: '社区保洁员' });
});

describe('AID-8 subsidies in the browser', () => {
  it('AID-8 a clerk applies for last month’s post subsidy, sees its amount and reasons, may not approve it, and is told a second application exists', async () => {
    const page = await session.freshPage();
    await login(page, staff.applicant, factoryPassword);
    await page.getByRole('menuitem', { name: /补贴管理/ }).click();
    await page.waitForURL(/\/subsidies$/);
    await page.getByRole('button', { name: /申请补贴/ }).click();
    expect(await dialog(page).getByLabel('所属期').inputValue()).toBe(lastMonth);
    await dialog(page).getByLabel('享受补贴人员').click();
    await page.keyboard.type(worker);
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: worker });
    await expect.poll(() => option.count()).toBe(1);
    await option.click();
    // Two months ago she was not on the post yet: the rule refuses, and says so once.
    const period = dialog(page).getByLabel('所属期');
    await period.click();
    await period.fill(monthsBack(2).slice(0, 7));
    await period.press('Tab'); // Enter would submit the dialog's form
    await confirmDialog(page, '提交申请');
    const refusal = `${monthsBack(2).slice(0, 7)} 未在公益性岗位在岗`;
    await expect.poll(() => dialog(page).getByText(refusal).count()).toBe(1);
    expect(await dialog(page).getByText('不符合公益性岗位补贴条件').count()).toBe(1);
    await shot(page, 'subsidies-refused', { fullPage: false });
    await period.click();
    await period.fill(lastMonth);
    await period.press('Tab');
    await expect.poll(() => period.inputValue()).toBe(lastMonth);
    await shot(page, 'subsidies-apply', { fullPage: false });
    await confirmDialog(page, '提交申请');
    await page.waitForURL(/\/subsidies\/[0-9a-f-]{36}$/);
    subsidyId = page.url().split('/').pop() ?? '';
    const facts = page.getByTestId('subsidy-facts');
    await expect.poll(() => facts.textContent()).toContain('补贴金额1,500.00 元');
    expect(await facts.textContent()).toContain(`享受人员${worker}`);
    expect(await page.getByTestId('subsidy-status').textContent()).toBe('待审批');
    const reasons = page.getByTestId('subsidy-reasons');
    expect(await rowOf(reasons, '公益性岗位在岗').textContent()).toContain(`${lastMonth} 在公益性岗位（社区保洁员）在岗`);
    expect(await rowOf(reasons, '补贴金额').textContent()).toContain('1,500.00 元');
    // Four eyes: the applicant is a reviewer too, but not of his own application.
    expect(await page.getByRole('button', { name: /批\s?准/ }).isDisabled()).toBe(true);
    expect(await page.getByTestId('decision-block').textContent()).toContain('须由其他审核员审批');
    await shot(page, 'subsidies-applied');

    await page.getByRole('link', { name: '返回列表' }).click();
    await expect.poll(() => rowOf(page, worker).count()).toBe(1);
    expect(await rowOf(page, worker).textContent()).toContain('1,500.00');
    // His own application opens to be read, not to be decided.
    expect(await rowOf(page, worker).getByRole('link', { name: '查看' }).count()).toBe(1);
    await page.getByRole('button', { name: /申请补贴/ }).click();
    await dialog(page).getByLabel('享受补贴人员').click();
    await page.keyboard.type(worker);
    await expect.poll(() => option.count()).toBe(1);
    await option.click();
    await confirmDialog(page, '提交申请');
    const held = page.getByTestId('subsidy-held');
    await held.waitFor();
    expect(await held.textContent()).toContain('已有申请');
    await shot(page, 'subsidies-exists', { fullPage: false });
    await held.getByRole('link', { name: '查看已有的申请' }).click();
    await page.waitForURL(new RegExp(`/subsidies/${subsidyId}$`));
  });

  it('AID-8 another reviewer approves it with a comment', async () => {
    const page = await session.freshPage();
    await login(page, staff.reviewer, factoryPassword);
    await page.goto('/subsidies');
    await rowOf(page, worker).getByRole('link', { name: '审批' }).click();
    await page.waitForURL(new RegExp(`/subsidies/${subsidyId}$`));
    expect(await page.getByTestId('decision-block').count()).toBe(0);
    await page.getByRole('button', { name: /批\s?准/ }).click();
    await dialog(page).getByLabel('审批意见').fill('在岗记录齐全，同意');
    await shot(page, 'subsidies-approve', { fullPage: false });
    await confirmDialog(page, '批准');
    await expect.poll(() => page.getByTestId('subsidy-status').textContent()).toBe('已审批待发放');
    expect(await page.getByTestId('subsidy-decision').textContent()).toContain('在岗记录齐全，同意');
    expect(await page.getByRole('button', { name: /批\s?准/ }).count()).toBe(0);
  });

  it('AID-8 finance pays last month in one run: 1 payment and its total; the subsidy shows 已发放 with the payment', async () => {
    const page = await session.freshPage();
    await login(page, staff.finance, factoryPassword);
    await page.waitForURL(/\/subsidies$/);
    const card = page.getByTestId('subsidy-run');
    const month = card.getByLabel('所属期');
    await month.click();
    await month.fill(lastMonth);
    await month.press('Enter');
    await expect.poll(() => card.textContent()).toContain('已审批待发放1笔');
    expect(await card.textContent()).toContain('1,500.00');
    await card.getByRole('button', { name: /发\s?放/ }).click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /^发\s?放$/ })
      .click();
    const result = page.getByTestId('run-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('发放笔数1 笔');
    expect(await result.textContent()).toContain('发放金额1,500.00 元');
    await expect.poll(() => card.textContent()).toContain('已审批待发放0笔');
    await shot(page, 'subsidies-run');

    await page.getByRole('tab', { name: '已发放' }).click();
    await rowOf(page, worker).getByRole('link', { name: '查看' }).click();
    await page.waitForURL(new RegExp(`/subsidies/${subsidyId}$`));
    await expect.poll(() => page.getByTestId('subsidy-status').textContent()).toBe('已发放');
    expect(await page.getByTestId('subsidy-payments').locator('.ant-table-row').count()).toBe(1);
    expect(await page.getByTestId('subsidy-payments').textContent()).toContain('1,500.00');
    expect(await page.getByRole('button', { name: /批\s?准|驳\s?回/ }).count()).toBe(0);
    await shot(page, 'subsidies-paid');
  });

  it('AID-8 a leader reads the subsidies, the subsidy and the person’s 补贴 card without any write action', async () => {
    const page = await session.freshPage();
    await login(page, staff.leader, factoryPassword);
    await page.getByRole('menuitem', { name: /补贴管理/ }).click();
    await page.waitForURL(/\/subsidies$/);
    await page.getByRole('tab', { name: '全部' }).click();
    await expect.poll(() => rowOf(page, worker).count()).toBe(1);
    expect(await page.getByRole('button', { name: /申请补贴/ }).count()).toBe(0);
    expect(await page.getByTestId('subsidy-run').count()).toBe(0);
    await shot(page, 'subsidies-leader-list');
    await rowOf(page, worker).getByRole('link', { name: '查看' }).click();
    await page.waitForURL(new RegExp(`/subsidies/${subsidyId}$`));
    await expect.poll(() => page.getByTestId('subsidy-status').textContent()).toBe('已发放');
    expect(await page.getByRole('button', { name: /批\s?准|驳\s?回/ }).count()).toBe(0);
    await page.getByTestId('subsidy-facts').getByRole('link', { name: worker }).click();
    await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
    const card = page.getByTestId('person-subsidies');
    await expect.poll(() => rowOf(card, '公益性岗位补贴').count()).toBe(1);
    expect(await rowOf(card, '公益性岗位补贴').textContent()).toContain('已发放');
    await shot(page, 'subsidies-person-card');
  });
});
