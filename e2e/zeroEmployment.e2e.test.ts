// AID-3 zero-employment casework in a real browser: the community clerk finds a household entered
// late (overdue at once, escalated, 补录), takes the case, plans a step, records it taken and a home
// visit, and sees the case resolved by a member's employment registration on the person page; the
// district leader reads the cases without any write action and the month's figures per street.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { buildIdNumber, createPerson, createStaffMember, factoryPassword } from '../src/server/testing/factories.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { shanghaiToday } from '../src/web/format.js';
import { choose, confirmDialog, login, shot, useBrowserSession } from './support/harness.js';
import { monthsBack } from './support/arrange.js';

const session = useBrowserSession();
const caseworker = 'c140105001001_clerk'; // 师范街社区协理员
const community = '140105001001';
const today = shanghaiToday();

/** A date `days` from today. */
function daysFromToday(days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// The late household: he was registered unemployed five months ago, she four, so it became
// zero-employment four months ago and its three months ran out last month — before it was entered.
const late = { head: '张国强', spouse: '刘桂兰', address: '师范街 12 号 1 单元 502', detectedOn: monthsBack(4), deadline: monthsBack(1) };
// A household that became zero-employment today.
const recent = { head: '陈志明', spouse: '周丽华', address: '师范街 20 号 3 单元 101' };
let lateCaseId = '';
let recentCaseId = '';
let leader = { username: '', name: '' };

const dialog = (page: Page) => page.locator('.ant-modal:visible').last();
const rows = (page: Page) => page.locator('.ant-table-tbody .ant-table-row');
const caseRow = (page: Page, name: string) => page.locator('.ant-table-row', { hasText: name });

/** Types a date into an antd DatePicker and leaves it (Enter would submit the dialog's form). */
async function typeDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  await expect.poll(() => input.inputValue()).toBe(date);
}

beforeAll(async () => {
  const t = session.test;
  const auth = await loginAs(t.app, caseworker);
  const household = async (
    people: { name: string; sex: 'M' | 'F'; birthDate: string; unemployedSince: string }[],
    address: string,
  ): Promise<string> => {
    const ids: string[] = [];
    for (const p of people) {
      const person = await createPerson(t, auth, {
        idNumber: buildIdNumber({ birthDate: p.birthDate, sex: p.sex }),
        name: p.name,
        regionCode: community,
        unemployedSince: p.unemployedSince,
      });
      ids.push(person.id);
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: auth,
      payload: {
        regionCode: community,
        address,
        householdType: 'urban',
        memberIds: ids,
        relations: { [ids[0]!]: 'head', [ids[1]!]: 'spouse' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const caseId = (res.json() as { openCase: { id: string } | null }).openCase?.id;
    expect(caseId, 'the household opened a case').toBeDefined();
    return caseId!;
  };
  lateCaseId = await household(
    [
      { name: late.head, sex: 'M', birthDate: '1976-03-03', unemployedSince: monthsBack(5) },
      { name: late.spouse, sex: 'F', birthDate: '1979-08-18', unemployedSince: late.detectedOn },
    ],
    late.address,
  );
  recentCaseId = await household(
    [
      { name: recent.head, sex: 'M', birthDate: '1983-06-06', unemployedSince: today },
      { name: recent.spouse, sex: 'F', birthDate: '1985-09-09', unemployedSince: today },
    ],
    recent.address,
  );
  const member = await createStaffMember(t, { regionCode: '140105000000', roles: ['leader'], name: '小店区分管领导' });
  leader = { username: member.username, name: member.name };
});

describe('AID-3 zero-employment casework in the browser', () => {
  it('AID-3 the community clerk takes the late case, plans and records measures, and sees it resolved by an employment registration', async () => {
    const page = await session.freshPage();
    await login(page, caseworker);
    await page.getByRole('menuitem', { name: /零就业家庭/ }).click();
    await page.waitForURL(/\/zero-employment$/);
    await expect.poll(() => rows(page).count()).toBe(2);
    const row = caseRow(page, late.head);
    expect(await row.textContent()).toContain('超期督办');
    expect(await row.getByTestId('late-entry').textContent()).toBe('补录时已超期');
    expect(await row.textContent()).toContain('未指定');
    expect(await caseRow(page, recent.head).textContent()).not.toContain('超期督办');
    await shot(page, 'zero-employment-cases');

    // Mine is empty until the clerk takes a case; both are without a caseworker.
    await page.getByText('我承办的', { exact: true }).click();
    await page.getByTestId('list-empty').waitFor();
    expect(await page.getByTestId('list-empty').textContent()).toContain('没有由您承办的个案');
    await page.getByText('未指定承办人', { exact: true }).click();
    await expect.poll(() => rows(page).count()).toBe(2);

    await caseRow(page, late.head).getByRole('link', { name: '办理' }).click();
    await page.waitForURL(new RegExp(`/zero-employment/${lateCaseId}$`));
    const status = page.getByTestId('case-status');
    await expect.poll(() => status.textContent()).toContain('已超期');
    expect(await status.textContent()).toContain('超期督办');
    const facts = page.getByTestId('case-facts');
    expect(await facts.textContent()).toContain(`认定日期${late.detectedOn}`);
    expect(await facts.textContent()).toContain(`解决期限${late.deadline}`);
    expect(await facts.textContent()).toContain(`录入日期${today}补录`);
    expect(await page.getByText('补录时已超期', { exact: true }).count()).toBe(1);
    await shot(page, 'zero-employment-case-overdue');

    // 指定为本人.
    await page
      .getByTestId('caseworker')
      .getByRole('button', { name: /指\s?定/ })
      .click();
    await dialog(page).getByRole('button', { name: '指定为本人' }).click();
    await shot(page, 'zero-employment-assign', { fullPage: false });
    await confirmDialog(page, '确定');
    await expect.poll(() => page.getByTestId('caseworker').textContent()).toContain('师范街社区协理员');
    expect(await page.getByTestId('caseworker').textContent()).toMatch(/更\s?换/);

    // A plan step for him: 职业指导 in a week.
    const measures = page.getByTestId('measures');
    await page.getByRole('button', { name: /添加计划或措施/ }).click();
    await choose(page, dialog(page).getByLabel('措施类型'), '职业指导');
    await choose(page, dialog(page).getByLabel('帮扶对象'), `${late.head}（户主）`);
    await dialog(page).getByLabel('措施内容').fill('约定到社区接受职业指导，了解求职意向');
    await typeDate(dialog(page).getByLabel('计划日期'), daysFromToday(7));
    await shot(page, 'zero-employment-plan-dialog', { fullPage: false });
    await confirmDialog(page, '保存');
    await expect.poll(() => measures.locator('.ant-table-row').count()).toBe(1);
    expect(await measures.locator('.ant-table-row').first().textContent()).toContain('计划中');

    // 登记办理: a date before the case began is refused on the field, once; today goes through.
    await measures.getByRole('button', { name: '登记办理' }).click();
    await dialog(page).getByLabel('办理结果').fill('已推荐保洁岗位两个，约定下周面试');
    await typeDate(dialog(page).getByLabel('办理日期'), monthsBack(5));
    await confirmDialog(page, '登记');
    const refusal = `办理日期不能早于认定日期 ${late.detectedOn}`;
    await expect.poll(() => dialog(page).getByText(refusal).count()).toBe(1);
    await shot(page, 'zero-employment-taken-refused', { fullPage: false });
    await typeDate(dialog(page).getByLabel('办理日期'), today);
    await confirmDialog(page, '登记');
    await expect.poll(() => measures.locator('.ant-table-row').first().textContent()).toContain('已办理');
    expect(await measures.locator('.ant-table-row').first().textContent()).toContain('已推荐保洁岗位两个');

    // A measure taken: 入户走访 today, for the whole household.
    await page.getByRole('button', { name: /添加计划或措施/ }).click();
    await dialog(page).getByText('已采取的措施').click();
    await choose(page, dialog(page).getByLabel('措施类型'), '入户走访');
    await typeDate(dialog(page).getByLabel('办理日期'), today);
    await dialog(page).getByLabel('措施内容').fill('入户了解家庭情况和就业意愿');
    await dialog(page).getByLabel('办理结果').fill(`${late.spouse}愿意从事保洁工作`);
    await confirmDialog(page, '保存');
    await expect.poll(() => measures.locator('.ant-table-row').count()).toBe(2);
    expect(await measures.textContent()).toContain('入户走访');
    expect(await measures.getByRole('button', { name: '登记办理' }).count()).toBe(0);
    await shot(page, 'zero-employment-case-measures');

    // Her employment registration, on her person page, resolves the case.
    await page.getByRole('link', { name: late.spouse }).click();
    await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
    await page.locator('#registrations').getByRole('button', { name: '就业登记', exact: true }).click();
    await dialog(page)
      .getByLabel(/就业单位/)
      .fill('太原市某保洁服务有限公司');
    await confirmDialog(page, '登记');
    await expect.poll(() => page.getByTestId('person-status').textContent()).toContain('就业');
    await page.goBack();
    await page.waitForURL(new RegExp(`/zero-employment/${lateCaseId}$`));
    await expect.poll(() => status.textContent()).toContain('已解决');
    expect(await status.textContent()).not.toContain('超期督办');
    await expect.poll(() => facts.textContent()).toContain('解决方式单位就业');
    expect(await facts.textContent()).toContain(`解决日期${today}`);
    expect(await facts.textContent()).toContain(`解决依据就业登记 ${today}，太原市某保洁服务有限公司`);
    expect(await page.getByRole('button', { name: /添加计划或措施/ }).count()).toBe(0);
    expect(await page.getByTestId('caseworker').getByRole('button').count()).toBe(0);
    await shot(page, 'zero-employment-case-resolved');

    await page.getByRole('link', { name: '返回清单' }).click();
    await page.getByText('我承办的', { exact: true }).click();
    await expect.poll(() => rows(page).allTextContents()).toEqual([expect.stringContaining('已解决')]);
    expect(await rows(page).first().getByRole('link', { name: '查看' }).count()).toBe(1);
  });

  it('AID-3 the district leader sees the cases and a case with its plan, without any write action', async () => {
    const plan = await session.test.app.inject({
      method: 'POST',
      url: `/api/v1/assistance/zero-employment-cases/${recentCaseId}/measures`,
      headers: await loginAs(session.test.app, caseworker),
      payload: { kind: 'policy_consultation', dueOn: daysFromToday(5), note: '讲解就业困难人员认定和公益性岗位政策' },
    });
    expect(plan.statusCode, plan.body).toBe(201);

    const page = await session.freshPage();
    await login(page, leader.username, factoryPassword);
    await page.getByRole('menuitem', { name: /零就业家庭/ }).click();
    await page.waitForURL(/\/zero-employment$/);
    await expect.poll(() => rows(page).count()).toBe(2);
    expect(await page.getByText('我承办的', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '办理' }).count()).toBe(0);
    await shot(page, 'zero-employment-leader');

    await caseRow(page, recent.head).getByRole('link', { name: '查看' }).click();
    await page.waitForURL(new RegExp(`/zero-employment/${recentCaseId}$`));
    await expect.poll(() => page.getByTestId('case-status').textContent()).toContain('办理中');
    const measures = page.getByTestId('measures');
    await expect.poll(() => measures.textContent()).toContain('政策咨询');
    expect(await page.getByTestId('caseworker').textContent()).toContain('未指定');
    expect(await page.getByTestId('caseworker').getByRole('button').count()).toBe(0);
    expect(await page.getByRole('button', { name: /添加计划或措施/ }).count()).toBe(0);
    expect(await measures.getByRole('button', { name: '登记办理' }).count()).toBe(0);
    await shot(page, 'zero-employment-case-leader');

    // The household page leads to its open case.
    await page.getByRole('link', { name: '家庭档案' }).click();
    await page.waitForURL(/\/households\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: '零就业家庭个案' }).click();
    await page.waitForURL(new RegExp(`/zero-employment/${recentCaseId}$`));
  });

  it('AID-3 the month’s figures per street: this month and the month the late case fell due, with the Excel export', async () => {
    const page = await session.freshPage();
    await login(page, leader.username, factoryPassword);
    await page.goto('/zero-employment');
    await page.getByRole('tab', { name: '月度情况' }).click();
    const card = page.getByTestId('case-month');
    const street = () => card.locator('.ant-table-row', { hasText: '坞城' });
    const cells = async () => (await street().locator('td').allTextContents()).slice(1);
    // This month: the recent case detected and open; the late one resolved.
    await expect.poll(cells).toEqual(['1', '0', '0', '—', '1', '0']);
    await shot(page, 'zero-employment-month');

    // The month the late case fell due: due, not resolved in time, open and overdue at its end.
    const picker = card.getByLabel('统计月份');
    await picker.click();
    await picker.fill(late.deadline.slice(0, 7));
    await picker.press('Enter');
    await expect.poll(cells).toEqual(['0', '1', '0', '0%', '1', '1']);
    await shot(page, 'zero-employment-month-due');

    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toBe(`零就业家庭月度情况-${late.deadline.slice(0, 7)}.xlsx`);
  });
});
