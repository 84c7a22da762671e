// AID-7 and AID-9 in a real browser: the street clerk plans a campaign for the month before today
// aimed at 4050 persons and finds on its dashboard the targets against the numbers counted from the
// records dated in the period; then the full-employment community ranking, where the community
// whose 4050 persons are all placed comes first, with the facts of each criterion in a drawer.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { buildIdNumber, createPerson, createStaffMember } from '../src/server/testing/factories.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { shanghaiToday } from '../src/web/format.js';
import { choose, confirmDialog, login, shot, useBrowserSession } from './support/harness.js';
import { monthsBack } from './support/arrange.js';

const session = useBrowserSession();
const streetClerk = 's140105001_clerk'; // 坞城街道经办员
const today = shanghaiToday();

const periodStart = monthsBack(1, 1);
const placedCommunity = '140105001002'; // both 4050 persons placed
const halfCommunity = '140105001003'; // one of two placed

const dialog = (page: Page) => page.locator('.ant-modal:visible').last();

/** Types a date into an antd DatePicker and leaves it (Enter would submit the dialog's form). */
async function typeDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  await expect.poll(() => input.inputValue()).toBe(date);
}

beforeAll(async () => {
  const t = session.test;
  const auth = await loginAs(t.app, streetClerk);
  const reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  const send = async (url: string, payload: object, as = auth) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: as, payload });
    expect(res.statusCode, res.body).toBe(201);
  };
  let n = 0;
  /** A 4050 woman of the community, registered unemployed two months back; placed on `placedOn` if given; served once in the period. */
  const person4050 = async (community: string, placedOn?: string) => {
    const since = monthsBack(2, 3);
    const p = await createPerson(t, auth, {
      idNumber: buildIdNumber({ birthDate: '1979-05-0' + String(++n), sex: 'F' }),
      name: `${['王', '李', '张', '刘'][n % 4]}秀${['兰', '梅', '英', '芳'][n % 4]}`,
      regionCode: community,
      unemployedSince: since,
    });
    await send(`/persons/${p.id}/categories`, { category: 'person_4050', evidence: '身份证、失业登记', recognisedOn: since }, reviewer);
    await send(`/persons/${p.id}/services`, { type: 'vocational_guidance', channel: 'counter', date: monthsBack(1, 5) });
    if (placedOn) await send(`/persons/${p.id}/registrations`, { type: 'employment', date: placedOn, employerName: '太原市某物业公司' });
  };
  await person4050(placedCommunity, monthsBack(1, 12));
  await person4050(placedCommunity, monthsBack(1, 15));
  await person4050(halfCommunity, monthsBack(1, 20));
  await person4050(halfCommunity);
});

describe('AID-7 and AID-9 in the browser', () => {
  it('AID-7 the street clerk plans a campaign and its dashboard shows targets against the counted results', async () => {
    const page = await session.freshPage();
    await login(page, streetClerk);
    await page.getByRole('menuitem', { name: /专项活动/ }).click();
    await page.waitForURL(/\/campaigns$/);
    await page.getByRole('button', { name: /新建活动/ }).click();
    const form = dialog(page);
    await form.getByLabel('活动名称').fill('“4050”人员就业援助月');
    await typeDate(form.getByLabel('开始日期'), periodStart);
    await typeDate(form.getByLabel('结束日期'), today);
    await choose(page, form.getByLabel('目标群体'), '“4050”人员');
    await form.getByLabel('服务人数').fill('5');
    await form.getByLabel('实现就业人数', { exact: true }).fill('4');
    await shot(page, 'campaign-create', { fullPage: false });
    await confirmDialog(page, '创建');
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('indicator-persons_served').textContent()).toContain('4/ 目标 5');
    expect(await page.getByTestId('indicator-persons_served').textContent()).toContain('80%');
    expect(await page.getByTestId('indicator-persons_placed').textContent()).toContain('3/ 目标 4');
    expect(await page.getByTestId('campaign-facts').textContent()).toContain(`${periodStart} 至 ${today}`);
    await shot(page, 'campaign-dashboard');
    await page.getByRole('link', { name: '返回清单' }).click();
    await page.waitForURL(/\/campaigns$/);
    await expect.poll(() => page.locator('.ant-table-tbody .ant-table-row').first().textContent()).toContain('进行中');
    expect(await page.locator('.ant-table-tbody .ant-table-row').first().textContent()).toContain('“4050”人员');
    await shot(page, 'campaigns-list');
  });

  it('AID-9 the community ranking puts the community with every 4050 person placed first; a row opens its facts', async () => {
    const page = await session.freshPage();
    await login(page, streetClerk);
    await page.getByRole('menuitem', { name: /充分就业社区/ }).click();
    await page.waitForURL(/\/full-employment-communities$/);
    const rows = page.getByTestId('community-ranking').locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    expect(await rows.nth(0).textContent()).toContain('达标');
    expect(await rows.nth(0).textContent()).toContain('100%');
    const half = rows.filter({ hasText: '50%' });
    expect(await half.count()).toBe(1);
    expect(await half.textContent()).toContain('未达标');
    expect(await page.getByTestId('community-summary').textContent()).toContain('目标 20%');
    await shot(page, 'full-employment-communities');
    await half.click();
    const facts = page.getByTestId('community-facts');
    await expect.poll(() => facts.textContent()).toContain('“4050”人员 2 人，已实现就业 1 人');
    expect(await facts.textContent()).toContain('full_employment_community.min_4050_placed_rate');
    await shot(page, 'full-employment-community-facts', { fullPage: false });
  });
});
