// AID-2 the caseworker's work list in a real browser: a community clerk signs in and lands on 工作台,
// sees the overdue visit of a recognised person they are caseworker of and records it (the next
// visit moves to the visit's date plus the interval), then opens a zero-employment case due soon
// from the work list and resolves it by placing the member on a public-welfare post.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { buildIdNumber, createPerson, createStaffMember } from '../src/server/testing/factories.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { addDays, addMonths } from '../src/server/platform/clock.js';
import { shanghaiToday } from '../src/web/format.js';
import { choose, confirmDialog, login, shot, useBrowserSession } from './support/harness.js';

const session = useBrowserSession();
const caseworker = 'c140105001001_clerk'; // 师范街社区协理员
const community = '140105001001';
const today = shanghaiToday();
/** Unemployed since three months less a week ago: the household's case is due in a week (due soon). */
const unemployedSince = addDays(addMonths(today, -3), 7);
const recognisedOn = addDays(today, -40); // the first visit was due ten days ago
const household = { head: '周国强', spouse: '吴丽华', address: '师范街 12 号 1 单元 502' };
const post = { name: '社区绿化养护员', sponsor: '师范街社区居民委员会' };
/** A second clerk of the community, whom the caseworker picker offers. */
const colleague = '师范街社区就业协理员';
let caseId = '';
let headId = '';

const dialog = (page: Page) => page.locator('.ant-modal:visible').last();
const rowOf = (scope: Page | Locator, name: string) => scope.locator('.ant-table-row', { hasText: name });

beforeAll(async () => {
  const t = session.test;
  const auth = await loginAs(t.app, caseworker);
  const send = async (method: 'POST' | 'PUT', url: string, payload: object, status = 201) => {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: auth, payload });
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as { id: string; openCase?: { id: string } | null };
  };
  const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth })).json() as { id: string };
  const reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
  await createStaffMember(t, { regionCode: community, roles: ['clerk'], name: colleague });
  const person = (name: string, sex: 'M' | 'F', birthDate: string) =>
    createPerson(t, auth, { idNumber: buildIdNumber({ birthDate, sex }), name, regionCode: community, unemployedSince });
  const head = await person(household.head, 'M', '1973-03-08');
  const spouse = await person(household.spouse, 'F', '1978-09-16');
  headId = head.id;
  const recognised = await t.app.inject({
    method: 'POST',
    url: `/api/v1/persons/${head.id}/categories`,
    headers: reviewer,
    payload: { category: 'person_4050', evidence: '身份证、失业登记', recognisedOn: addDays(today, -40) },
  });
  expect(recognised.statusCode, recognised.body).toBe(201);
  await send('PUT', `/persons/${head.id}/caseworker`, { caseworkerId: me.id, assignedOn: recognisedOn }, 200);
  const created = await send('POST', '/households', {
    regionCode: community,
    address: household.address,
    householdType: 'urban',
    memberIds: [head.id, spouse.id],
    relations: { [head.id]: 'head', [spouse.id]: 'spouse' },
  });
  caseId = created.openCase?.id ?? '';
  expect(caseId, 'the household opened a case').not.toBe('');
  await send('POST', '/assistance/posts', {
    name: post.name,
    sponsor: post.sponsor,
    postType: 'community_service',
    regionCode: community,
    places: 2,
    startDate: addMonths(today, -1),
    endDate: addMonths(today, 12),
  });
});

describe('AID-2 the work list in the browser', () => {
  it('AID-2 a community caseworker lands on 工作台, records an overdue visit and the next visit moves on', async () => {
    const page = await session.freshPage();
    await page.goto('/');
    await login(page, caseworker);
    await page.waitForURL(/\/work-list$/);
    const visits = page.getByTestId('work-visits');
    await expect.poll(() => rowOf(visits, household.head).count()).toBe(1);
    expect(await rowOf(visits, household.head).textContent()).toContain(addDays(recognisedOn, 30));
    expect(await rowOf(page.getByTestId('work-cases'), household.head).count()).toBe(1);
    await shot(page, 'work-list');

    // 查看全部: the unit's 走访安排, filtered to the clerk's own persons.
    await page.getByRole('link', { name: '查看全部' }).first().click();
    await page.waitForURL(/\/assistance\/visits\?mine=1$/);
    await expect.poll(() => rowOf(page, household.head).count()).toBe(1);
    expect(await rowOf(page, household.head).textContent()).toContain('尚未走访');
    await page.getByRole('tab', { name: /已逾期/ }).click();
    await expect.poll(() => rowOf(page, household.head).count()).toBe(1);
    await shot(page, 'work-list-visits-page');
    await page.getByRole('menuitem', { name: /工作台/ }).click();
    await page.waitForURL(/\/work-list$/);
    await expect.poll(() => rowOf(visits, household.head).count()).toBe(1);

    await rowOf(visits, household.head).getByRole('link', { name: household.head }).click();
    await page.waitForURL(new RegExp(`/persons/${headId}`));
    const card = page.getByTestId('casework-card');
    await expect.poll(() => card.getByTestId('casework-next-visit').textContent()).toContain(addDays(recognisedOn, 30));
    await card.getByRole('button', { name: /登记走访/ }).click();
    await dialog(page).getByLabel('走访情况').fill('入户了解家庭情况，本人愿意从事社区公益性岗位');
    await shot(page, 'work-list-visit', { fullPage: false });
    await confirmDialog(page, '登记');
    await expect.poll(() => card.getByTestId('casework-next-visit').textContent()).toContain(addDays(today, 30));
    expect(await card.getByTestId('casework-caseworker').textContent()).toContain(recognisedOn);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'work-list-person-casework', { fullPage: false });

    // 更换: the staff picker offers the clerks of the caseworker's scope whose area holds the person, not
    // the caseworker themself.
    await card.getByRole('button', { name: /更\s?换/ }).click();
    await dialog(page).getByLabel('援助责任人').click();
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await expect.poll(async () => (await options.allTextContents()).some((o) => o.startsWith(colleague))).toBe(true);
    expect((await options.allTextContents()).filter((o) => o.includes('（本人）'))).toEqual([]);
    await shot(page, 'work-list-casework-picker', { fullPage: false });
    await page.keyboard.press('Escape'); // the options
    // The dialog, nothing changed: its 取消 button (a second Escape may land on the select and close nothing).
    await dialog(page)
      .getByRole('button', { name: /取\s?消/ })
      .click();
    await expect.poll(() => page.locator('.ant-modal:visible').count()).toBe(0);

    await page.getByRole('menuitem', { name: /工作台/ }).click();
    await page.waitForURL(/\/work-list$/);
    await expect.poll(() => page.getByTestId('work-cases').locator('.ant-table-row').count()).toBeGreaterThan(0);
    expect(await rowOf(page.getByTestId('work-visits'), household.head).count()).toBe(0);
  });

  it('AID-2 AID-4 from the work list the caseworker resolves a zero-employment case due soon by a public-welfare post', async () => {
    const page = await session.freshPage();
    await page.goto('/');
    await login(page, caseworker);
    await page.waitForURL(/\/work-list$/);
    const cases = page.getByTestId('work-cases');
    await expect.poll(() => rowOf(cases, household.head).count()).toBe(1);
    expect(await rowOf(cases, household.head).textContent()).toContain(addMonths(unemployedSince, 3));
    await rowOf(cases, household.head)
      .getByRole('link', { name: `${household.head}家` })
      .click();
    await page.waitForURL(new RegExp(`/zero-employment/${caseId}$`));
    const members = page.locator('.ant-card', { hasText: '家庭成员' });
    await rowOf(members, household.head).getByRole('button', { name: '安置公益性岗位' }).click();
    await choose(page, dialog(page).getByLabel('公益性岗位'), `${post.name}（${post.sponsor}，空余 2 个）`);
    await confirmDialog(page, '安置');
    await expect.poll(() => page.getByTestId('case-status').textContent()).toContain('已解决');
    expect(await page.getByTestId('case-facts').textContent()).toContain('解决方式公益性岗位安置');
    await shot(page, 'work-list-case-resolved');

    await page.getByRole('menuitem', { name: /工作台/ }).click();
    await page.waitForURL(/\/work-list$/);
    await page.getByTestId('work-cases').waitFor();
    await expect.poll(() => rowOf(page.getByTestId('work-cases'), household.head).count()).toBe(0);
    await shot(page, 'work-list-after');
  });
});
