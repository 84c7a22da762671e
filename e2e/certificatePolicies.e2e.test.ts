// AID-5 the 就业失业登记证 for preferential policies in a real browser, with AID-8's bank file:
// finance pays last month's post subsidy and downloads the run's bank file (its last line the
// count and total in fen); the street clerk-reviewer sees the worker's policies enjoyed (the
// placement and the paid subsidy), reviews her eligibility (refused as employed, then recorded
// with a reason), checks an overdue holder on 证件年审 and sees the year's policy rate.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createPerson, createStaffMember, factoryPassword } from '../src/server/testing/factories.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { confirmDialog, login, shot, useBrowserSession } from './support/harness.js';
import { monthsBack, placed4050Worker, sendAs } from './support/arrange.js';

const session = useBrowserSession();
const community = '140105001001';

const lastMonth = monthsBack(1).slice(0, 7);
const worker = '钱秀英'; // 4050, on a public-welfare post since the 1st of last month
const holder = '吴建军'; // registered unemployed 13 months ago: his yearly check is overdue
const staff = { clerk: '', finance: '' };
let workerId = '';

const dialog = (page: Page) => page.locator('.ant-modal:visible').last();

beforeAll(async () => {
  const t = session.test;
  const admin = await loginAs(t.app, 'admin');
  const clerk = await loginAs(t.app, 'c140105001001_clerk');
  const reviewer = await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'], name: '太原市审核员' });
  const clerkReviewer = await createStaffMember(t, {
    regionCode: '140105001000',
    roles: ['clerk', 'reviewer'],
    name: '坞城街道经办审核员',
  });
  const finance = await createStaffMember(t, { regionCode: '140105000000', roles: ['finance'], name: '小店区财务' });
  Object.assign(staff, { clerk: clerkReviewer.username, finance: finance.username });
  for (const [name, value, source] of [
    ['subsidy.public_welfare_post.amount', 150000, '市人社局补贴标准'],
    ['reemployment_certificate.target_policy_rate', 80, '参照种子文件 002 §一(二)'],
  ] as const)
    await sendAs(t, admin, `/params/${name}/values`, { regionPrefix: '1401', effectiveFrom: '2020-01-01', value, source });
  const { personId } = await placed4050Worker(t, {
    clerk,
    reviewer: reviewer.auth,
    community,
    name: worker,
    birthDate: '1972-04-18',
    post: '社区绿化养护员',
  });
  workerId = personId;
  const subsidy = await sendAs(t, clerk, '/assistance/subsidies', { type: 'public_welfare_post', period: lastMonth, personId });
  await sendAs(
    t,
    reviewer.auth,
    `/assistance/subsidies/${subsidy.id}/decision`,
    { decision: 'approve', comment: '在岗记录核对无误' },
    { status: 200 },
  );
  await createPerson(t, clerk, { name: holder, regionCode: community, unemployedSince: monthsBack(13) });
});

describe('AID-5 certificate policies in the browser', () => {
  it('AID-8 finance pays last month and downloads the run’s bank file: one line per payment, the last line the count and total in fen', async () => {
    const page = await session.freshPage();
    await login(page, staff.finance, factoryPassword);
    await page.waitForURL(/\/subsidies$/);
    const card = page.getByTestId('subsidy-run');
    const month = card.getByLabel('所属期');
    await month.click();
    await month.fill(lastMonth);
    await month.press('Enter');
    await expect.poll(() => card.textContent()).toContain('已审批待发放1笔');
    await card.getByRole('button', { name: /发\s?放/ }).click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /^发\s?放$/ })
      .click();
    await page.getByTestId('run-result').waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('bank-file').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^补贴发放银行文件-.*\.csv$/);
    const lines = fs
      .readFileSync((await file.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(worker);
    expect(lines.at(-1)).toBe('合计,1,150000');
    await shot(page, 'certificate-policies-bank-file');
  });

  it('AID-5 the clerk sees the worker’s policies enjoyed, and her eligibility review is refused as employed until a reason is given', async () => {
    const page = await session.freshPage();
    await login(page, staff.clerk, factoryPassword);
    await page.goto(`/persons/${workerId}`);
    const card = page.getByTestId('certificate-policies');
    await expect.poll(() => card.getByTestId('policies-enjoyed').locator('.ant-table-row').count()).toBe(2);
    const enjoyed = await card.getByTestId('policies-enjoyed').textContent();
    expect(enjoyed).toContain('公益性岗位补贴');
    expect(enjoyed).toContain('1,500.00 元');
    expect(enjoyed).toContain('公益性岗位安置');

    await card.getByRole('button', { name: /资格审核/ }).click();
    await dialog(page).getByLabel('审核意见').fill('按规定审核');
    await confirmDialog(page, '提交审核');
    await expect.poll(() => dialog(page).getByTestId('eligibility-failed').textContent()).toContain('不处于登记失业状态（当前：就业）');
    await shot(page, 'certificate-policies-refused', { fullPage: false });
    await dialog(page).getByLabel('认定理由').fill('公益性岗位属过渡性安置，继续享受再就业政策');
    await confirmDialog(page, '提交审核');
    await expect.poll(() => card.locator('.ant-table-row', { hasText: '资格审核' }).textContent()).toContain('说明理由后认定');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'certificate-policies-person');
  });

  it('AID-5 证件年审 lists the overdue holder; a yearly check takes him off; the policy rate shows its figures and target', async () => {
    const page = await session.freshPage();
    await login(page, staff.clerk, factoryPassword);
    await page.getByRole('menuitem', { name: /证件年审/ }).click();
    await page.waitForURL(/\/certificates\/checks$/);
    const row = page.locator('.ant-table-row', { hasText: holder });
    await expect.poll(() => row.textContent()).toContain('已逾期');
    const rate = page.getByTestId('policy-rate');
    await expect.poll(() => rate.textContent()).toContain('目标');
    expect(await rate.textContent()).toContain('80');
    await shot(page, 'certificate-checks');

    await row.getByRole('link', { name: holder }).click();
    await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
    const card = page.getByTestId('certificate-policies');
    await expect.poll(() => card.getByTestId('next-check').textContent()).toContain('已逾期');
    await card.getByRole('button', { name: /年\s?审/ }).click();
    await dialog(page).getByLabel('说明').fill('本人到场，仍处于失业状态');
    await confirmDialog(page, '记录年审');
    await expect.poll(() => card.locator('.ant-table-row', { hasText: '年审通过' }).count()).toBe(1);
    expect(await card.getByTestId('next-check').textContent()).not.toContain('已逾期');
    await page.getByRole('menuitem', { name: /证件年审/ }).click();
    await expect.poll(() => page.locator('.ant-table-row', { hasText: holder }).count()).toBe(0);
  });
});
