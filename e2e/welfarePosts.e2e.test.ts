// AID-4 public-welfare posts in a real browser: the community caseworker registers a post, works a
// zero-employment case to resolution by placing its 4050 member on it from the case page; places a
// person outside the priority groups only with a reason, and records his exit; finds a full post's
// 安置上岗 off with the reason; the month's 补贴名册 in yuan once the admin has set the parameters;
// and the district leader reads posts and placements without any write action.
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
const firstOfMonth = `${today.slice(0, 7)}-01`;

const household = { head: '王建军', spouse: '李秀英', address: '师范街 8 号 2 单元 301' };
const cleaner = {
  name: '社区保洁员',
  sponsor: '师范街社区居民委员会',
  start: monthsBack(3, 1),
  end: `${Number(today.slice(0, 4)) + 1}-12-31`,
};
const guard = { name: '社区治安巡逻员', sponsor: '坞城街道办事处' };
const outsider = '赵明亮'; // registered unemployed, in no priority group
const fullPostHolder = '孙桂芳'; // 4050, on the full post since the 1st of the month
let caseId = '';
let guardPostId = '';
let leader = { username: '', name: '' };

const dialog = (page: Page) => page.locator('.ant-modal:visible').last();
const rowOf = (scope: Page | Locator, name: string) => scope.locator('.ant-table-row', { hasText: name });

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
  const send = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: auth, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; openCase?: { id: string } | null };
  };
  const reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  /** A registered-unemployed person of the community; `hardToEmploy`: recognised by a reviewer as 4050 (AID-1). */
  const person = async (name: string, sex: 'M' | 'F', birthDate: string, hardToEmploy = false) => {
    const created = await createPerson(t, auth, {
      idNumber: buildIdNumber({ birthDate, sex }),
      name,
      regionCode: community,
      unemployedSince: monthsBack(2),
    });
    if (hardToEmploy) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/persons/${created.id}/categories`,
        headers: reviewer,
        payload: { category: 'person_4050', evidence: '身份证、失业登记', recognisedOn: monthsBack(2) },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    return created;
  };
  // A household of two registered-unemployed urban members: a zero-employment case.
  const head = await person(household.head, 'M', '1972-04-12', true);
  const spouse = await person(household.spouse, 'F', '1981-10-05');
  const created = await send('/households', {
    regionCode: community,
    address: household.address,
    householdType: 'urban',
    memberIds: [head.id, spouse.id],
    relations: { [head.id]: 'head', [spouse.id]: 'spouse' },
  });
  caseId = created.openCase?.id ?? '';
  expect(caseId, 'the household opened a case').not.toBe('');
  await person(outsider, 'M', '1990-02-14');
  // A post of one place, taken since the 1st of the month.
  const holder = await person(fullPostHolder, 'F', '1974-07-21', true);
  guardPostId = (
    await send('/assistance/posts', {
      name: guard.name,
      sponsor: guard.sponsor,
      postType: 'public_administration',
      regionCode: community,
      places: 1,
      startDate: cleaner.start,
      endDate: cleaner.end,
    })
  ).id;
  await send(`/assistance/posts/${guardPostId}/placements`, { personId: holder.id, startDate: firstOfMonth });
  const member = await createStaffMember(t, { regionCode: '140105000000', roles: ['leader'], name: '小店区分管领导' });
  leader = { username: member.username, name: member.name };
});

describe('AID-4 public-welfare posts in the browser', () => {
  it('AID-4 the caseworker registers a post and resolves a zero-employment case by placing its 4050 member from the case page', async () => {
    const page = await session.freshPage();
    await login(page, caseworker);
    await page.getByRole('menuitem', { name: /公益性岗位/ }).click();
    await page.waitForURL(/\/welfare-posts$/);
    await expect.poll(() => page.locator('.ant-table-tbody .ant-table-row').count()).toBe(1);

    await page.getByRole('button', { name: /登记岗位/ }).click();
    await dialog(page).getByLabel('岗位名称').fill(cleaner.name);
    await dialog(page).getByLabel('开发单位').fill(cleaner.sponsor);
    await dialog(page).getByLabel('名额').fill('3');
    await typeDate(dialog(page).getByLabel('开始日期'), cleaner.start);
    await typeDate(dialog(page).getByLabel('结束日期'), cleaner.end);
    await shot(page, 'welfare-posts-create', { fullPage: false });
    await confirmDialog(page, '登记');
    await page.waitForURL(/\/welfare-posts\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('post-facts').textContent()).toContain(`开发单位${cleaner.sponsor}`);
    expect(await page.getByTestId('post-facts').textContent()).toContain('名额/在岗/空余3/0/3');
    await page.getByRole('link', { name: '返回清单' }).click();
    await expect.poll(() => page.locator('.ant-table-tbody .ant-table-row').count()).toBe(2);
    expect(await rowOf(page, guard.name).getByTestId('places').textContent()).toBe('1/1/0');
    await page.getByLabel('只看有空余名额').check();
    await page.getByRole('button', { name: /查\s?询/ }).click();
    await expect.poll(() => page.locator('.ant-table-tbody .ant-table-row').count()).toBe(1);
    expect(await rowOf(page, cleaner.name).textContent()).toContain('社区服务（保洁、保绿、保安等）');
    await shot(page, 'welfare-posts-list');

    // The case: from the work list to the member, placed on the post.
    await page.getByRole('menuitem', { name: /零就业家庭/ }).click();
    await page.waitForURL(/\/zero-employment$/);
    await rowOf(page, household.head).getByRole('link', { name: '办理' }).click();
    await page.waitForURL(new RegExp(`/zero-employment/${caseId}$`));
    const members = page.locator('.ant-card', { hasText: '家庭成员' });
    await rowOf(members, household.head).getByRole('button', { name: '安置公益性岗位' }).click();
    await choose(page, dialog(page).getByLabel('公益性岗位'), `${cleaner.name}（${cleaner.sponsor}，空余 3 个）`);
    expect(await dialog(page).getByLabel('上岗日期').inputValue()).toBe(today);
    expect(await dialog(page).getByLabel('安置理由').isVisible()).toBe(false);
    await shot(page, 'welfare-posts-case-place', { fullPage: false });
    await confirmDialog(page, '安置');
    const status = page.getByTestId('case-status');
    await expect.poll(() => status.textContent()).toContain('已解决');
    const facts = page.getByTestId('case-facts');
    expect(await facts.textContent()).toContain('解决方式公益性岗位安置');
    expect(await facts.textContent()).toContain(`解决日期${today}`);
    expect(await page.getByRole('button', { name: '安置公益性岗位' }).count()).toBe(0);
    await shot(page, 'welfare-posts-case-resolved');
  });

  it('AID-4 a person outside the priority groups is placed only with a reason, and his exit is recorded', async () => {
    const page = await session.freshPage();
    await login(page, caseworker);
    await page.goto('/welfare-posts');
    await rowOf(page, cleaner.name).getByRole('link', { name: cleaner.name }).click();
    await page.waitForURL(/\/welfare-posts\/[0-9a-f-]{36}$/);
    const placements = page.getByTestId('placements');
    await expect.poll(() => rowOf(placements, household.head).count()).toBe(1);

    await page.getByRole('button', { name: /安置上岗/ }).click();
    const search = dialog(page).getByLabel('安置人员');
    await search.click();
    await page.keyboard.type(outsider);
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: outsider });
    await expect.poll(() => option.count()).toBe(1);
    await option.click();
    await confirmDialog(page, '安置');
    const refusal = `${outsider} 未认定为就业困难人员`;
    const reason = dialog(page).getByLabel('安置理由');
    await reason.waitFor();
    await expect.poll(() => dialog(page).getByText(refusal).count()).toBe(1);
    expect(await dialog(page).locator('.ant-form-item-has-error').count()).toBe(1);
    await shot(page, 'welfare-posts-reason-asked', { fullPage: false });
    await reason.fill('家庭生活困难，经社区评议同意安置');
    await confirmDialog(page, '安置');
    await expect.poll(() => rowOf(placements, outsider).count()).toBe(1);
    expect(await rowOf(placements, outsider).textContent()).toContain('家庭生活困难，经社区评议同意安置');
    expect(await page.getByTestId('post-facts').textContent()).toContain('名额/在岗/空余3/2/1');

    // He leaves the same day.
    await rowOf(placements, outsider)
      .getByRole('button', { name: /退\s?出/ })
      .click();
    await choose(page, dialog(page).getByLabel('退出原因'), '本人辞职');
    await shot(page, 'welfare-posts-exit', { fullPage: false });
    await confirmDialog(page, '退出');
    await expect.poll(() => rowOf(placements, outsider).textContent()).toContain(`${today} 退出本人辞职`);
    expect(await rowOf(placements, outsider).getByRole('button').count()).toBe(0);
    expect(await page.getByTestId('post-facts').textContent()).toContain('名额/在岗/空余3/1/2');
    await shot(page, 'welfare-posts-post');
  });

  it('AID-4 a full post’s 安置上岗 is off with the reason', async () => {
    const page = await session.freshPage();
    await login(page, caseworker);
    await page.goto(`/welfare-posts/${guardPostId}`);
    const button = page.getByRole('button', { name: /安置上岗/ });
    await expect.poll(() => button.isDisabled()).toBe(true);
    expect(await page.getByTestId('placement-block').textContent()).toBe('1 个名额已满，请先办理在岗人员退出或选择其他岗位');
    expect(
      await rowOf(page.getByTestId('placements'), fullPostHolder)
        .getByRole('button', { name: /退\s?出/ })
        .count(),
    ).toBe(1);
    await shot(page, 'welfare-posts-full');
  });

  it('AID-4 the month’s subsidy list: unset parameters named, then the yuan amounts once the admin sets them', async () => {
    const t = session.test;
    const page = await session.freshPage();
    await login(page, 'admin');
    await page.goto('/welfare-posts?view=subsidy');
    const card = page.getByTestId('subsidy-list');
    await expect.poll(() => card.locator('.ant-table-row').count()).toBe(3);
    const warning = page.getByTestId('unset-regions');
    expect(await warning.textContent()).toContain(community);
    expect(await warning.getByRole('link', { name: '政策参数' }).count()).toBe(1);
    expect(await rowOf(card, fullPostHolder).textContent()).toContain('未设定');
    expect(await page.getByTestId('subsidy-total').textContent()).toBe('合计3 人未设定未设定');
    await shot(page, 'welfare-posts-subsidy-unset');

    const admin = await loginAs(t.app, 'admin');
    for (const [name, value] of [
      ['subsidy.public_welfare_post.amount', 150000],
      ['subsidy.social_insurance.amount', 60000],
    ] as const) {
      const set = await t.app.inject({
        method: 'POST',
        url: `/api/v1/params/${name}/values`,
        headers: admin,
        payload: { regionPrefix: community, effectiveFrom: `${today.slice(0, 4)}-01-01`, value, source: '太原市小店区公益性岗位补贴标准' },
      });
      expect(set.statusCode, set.body).toBe(201);
    }
    await page.reload();
    await expect.poll(() => rowOf(card, fullPostHolder).textContent()).toContain('1,500.00');
    expect(await warning.count()).toBe(0);

    // By hand: 1,500 and 600 yuan a month, a part month by days.
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const monthDays = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const share = (fen: number, days: number) => (days >= monthDays ? fen : Math.round((fen * days) / monthDays));
    const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const cells = async (name: string) => (await rowOf(card, name).locator('td').allTextContents()).slice(6);
    const headDays = monthDays - d + 1;
    expect(await cells(fullPostHolder)).toEqual([String(monthDays), '1,500.00', '600.00']);
    expect(await cells(household.head)).toEqual([String(headDays), yuan(share(150000, headDays)), yuan(share(60000, headDays))]);
    expect(await cells(outsider)).toEqual(['1', yuan(share(150000, 1)), yuan(share(60000, 1))]);
    const total = page.getByTestId('subsidy-total');
    expect(await total.textContent()).toContain('3 人');
    expect(await total.textContent()).toContain(yuan(150000 + share(150000, headDays) + share(150000, 1)));
    expect(await total.textContent()).toContain(yuan(60000 + share(60000, headDays) + share(60000, 1)));
    await shot(page, 'welfare-posts-subsidy');

    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toBe(`公益性岗位补贴名册-${today.slice(0, 7)}.xlsx`);
  });

  it('AID-4 the district leader reads posts and placements without any write action', async () => {
    const page = await session.freshPage();
    await login(page, leader.username, factoryPassword);
    await page.getByRole('menuitem', { name: /公益性岗位/ }).click();
    await page.waitForURL(/\/welfare-posts$/);
    await expect.poll(() => page.locator('.ant-table-tbody .ant-table-row').count()).toBe(2);
    expect(await page.getByRole('button', { name: /登记岗位/ }).count()).toBe(0);
    expect(await rowOf(page, cleaner.name).getByRole('link', { name: '查看' }).count()).toBe(1);
    await shot(page, 'welfare-posts-leader');
    await rowOf(page, cleaner.name).getByRole('link', { name: '查看' }).click();
    await page.waitForURL(/\/welfare-posts\/[0-9a-f-]{36}$/);
    await expect.poll(() => rowOf(page.getByTestId('placements'), household.head).count()).toBe(1);
    expect(await page.getByRole('button', { name: /安置上岗/ }).count()).toBe(0);
    expect(await page.getByTestId('placements').getByRole('button').count()).toBe(0);
    await shot(page, 'welfare-posts-post-leader');
  });
});
