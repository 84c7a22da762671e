// The staff UI as each role meets it (issue 12, SYS-1, SYS-5), at the bureau's common screens:
// the header holds one line at 1366×768 and 1280×800 for the community clerk with the longest demo
// unit name; every role lands on its own work; links and buttons are only those the role can
// follow and use (a job officer reaches seekers through 求职人员, a leader sees no 办理).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { idCheckCharacter } from '../src/shared/idNumber.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { shanghaiToday } from '../src/web/format.js';
import { login, shot, useBrowserSession, userMenu } from './support/harness.js';

const session = useBrowserSession();

async function apiGet<T>(username: string, url: string): Promise<T> {
  const res = await session.test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: await loginAs(session.test.app, username) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

async function apiPost<T>(username: string, url: string, payload: object): Promise<T> {
  const res = await session.test.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: await loginAs(session.test.app, username),
    payload,
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as T;
}

const today = shanghaiToday();
const withCheck = (body: string) => body + idCheckCharacter(body);
const rows = (page: Page) => page.locator('.ant-table-tbody > tr.ant-table-row');
const menuLabels = (page: Page) => page.locator('.ant-layout-sider .ant-menu-item').allTextContents();

/** A fresh page signed in as `username`, at the page the app lands them on. */
async function signedIn(username: string): Promise<Page> {
  const page = await session.freshPage();
  await page.goto('/');
  await login(page, username);
  return page;
}

interface StaffRow {
  username: string;
  name: string;
  unitName: string | null;
  roles: string[];
}

/** The demo's community clerk whose unit has the longest name (the hardest header to fit). */
async function longestCommunityClerk(): Promise<StaffRow> {
  const staff = await apiGet<{ items: StaffRow[] }>('admin', '/staff?pageSize=100');
  const clerks = staff.items.filter((s) => /^c\d{12}_clerk$/.test(s.username));
  expect(clerks.length).toBeGreaterThan(20);
  return clerks.reduce((a, b) => ((b.unitName ?? '').length + b.name.length > (a.unitName ?? '').length + a.name.length ? b : a));
}

/** The header's height and whether anything in it is cut off or wrapped. */
async function headerFit(page: Page) {
  return page.getByTestId('app-header').evaluate((header) => {
    const overflowing = [...header.querySelectorAll<HTMLElement>('*')].filter((el) => el.getBoundingClientRect().bottom > 64 + 1);
    return {
      height: Math.round(header.getBoundingClientRect().height),
      overflowX: header.scrollWidth > header.clientWidth,
      below: overflowing.map((el) => el.textContent?.slice(0, 20)),
    };
  });
}

describe('SYS-5 the header at common bureau screens', () => {
  it('SYS-5 a community clerk with the longest unit name gets a one-line header at 1366×768 and 1280×800', async () => {
    const clerk = await longestCommunityClerk();
    const page = await session.freshPage();
    await page.goto('/');
    await login(page, clerk.username);
    await page.waitForURL(/\/work-list$/);
    await page.getByTestId('work-list').waitFor();
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(viewport);
      await expect.poll(() => headerFit(page)).toEqual({ height: 64, overflowX: false, below: [] });
      await shot(page, `header-community-clerk-${viewport.width}`, { fullPage: false });
    }
    // The unit, 账号安全 and 修改密码 are in the user menu.
    const menu = await userMenu(page);
    expect(await menu.getByTestId('user-menu-who').textContent()).toContain(clerk.unitName);
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['账号安全', '修改密码']);
    await shot(page, 'header-user-menu', { fullPage: false });
  });
});

describe('issue 12 every role lands on its own work and sees only what it can follow', () => {
  let seeker = { id: '', name: '王求职' };
  let bystander = { id: '', name: '李在岗' };

  it('SYS-1 reviewers land on their queue, job officers on the vacancies, leaders on the figures, community clerks on their work list (AID-2)', async () => {
    for (const [username, path] of [
      ['taiyuan_reviewer', /\/vacancies\/review$/],
      ['taiyuan_job', /\/vacancies$/],
      ['taiyuan_leader', /\/referrals\/rates$/],
      ['taiyuan_auditor', /\/audit$/],
      ['xiaodian_admin', /\/units$/],
      ['c140105001001_clerk', /\/work-list$/],
    ] as const) {
      const page = await signedIn(username);
      await page.waitForURL(path);
      await expect.poll(() => headerFit(page)).toMatchObject({ height: 64, overflowX: false });
    }
  });

  it('JOB-4 a job officer finds a job seeker in 求职人员, sees the seeker’s matches, and reaches seekers from a vacancy’s 匹配求职者', async () => {
    seeker = {
      ...seeker,
      id: (
        await apiPost<{ id: string }>('xiaodian_clerk', '/persons', {
          idNumber: withCheck('14010519880606123'),
          name: seeker.name,
          regionCode: '140105001001',
          householdType: 'urban',
          education: '高中/中专/技校',
          skills: ['焊工'],
          jobWishes: { occupations: ['6-18-02-04'] },
        })
      ).id,
    };
    await apiPost('xiaodian_clerk', `/persons/${seeker.id}/registrations`, { type: 'unemployment', date: today, reason: '合同期满' });
    bystander = {
      ...bystander,
      id: (
        await apiPost<{ id: string }>('xiaodian_clerk', '/persons', {
          idNumber: withCheck('14010519800707123'),
          name: bystander.name,
          regionCode: '140105001001',
          householdType: 'urban',
          skills: ['焊工'],
        })
      ).id,
    };

    const page = await signedIn('taiyuan_job');
    await page.waitForURL(/\/vacancies$/);
    expect(await menuLabels(page)).toContain('求职人员');
    expect(await menuLabels(page)).not.toContain('人员台账');
    await page.getByRole('menuitem', { name: /求职人员/ }).click();
    await page.waitForURL(/\/seekers$/);
    await expect.poll(() => rows(page).allTextContents()).toContainEqual(expect.stringContaining(seeker.name));
    expect(
      (await rows(page).allTextContents()).some((t) => t.includes(bystander.name)),
      'a person seeking no job is not shown',
    ).toBe(false);
    expect(await page.getByRole('button', { name: /登记新人员/ }).count()).toBe(0);
    await shot(page, 'staff-ui-job-officer-seekers');

    await rows(page).filter({ hasText: seeker.name }).getByRole('link', { name: '匹配岗位' }).click();
    await page.waitForURL(new RegExp(`/seekers/${seeker.id}$`));
    const matches = page.getByTestId('matches-card');
    await expect.poll(() => matches.locator('.ant-table-row').count()).toBeGreaterThan(0);
    expect(await matches.textContent()).toContain('电焊工');
    expect(await page.getByRole('button', { name: /查看完整号码/ }).count(), 'a job officer may not reveal identifiers').toBe(0);
    expect(await page.getByTestId('seeker-info').textContent()).toContain('焊工');
    await shot(page, 'staff-ui-job-officer-seeker');

    // From a vacancy, the seeker's name leads to the seeker page, never to the ledger's 403.
    const welderVacancy = matches.locator('.ant-table-row').first().locator('a[href^="/vacancies/"]').first();
    const vacancyPath = (await welderVacancy.getAttribute('href'))!;
    await page.goto(`${vacancyPath}/matches`);
    const link = page.locator('.ant-table-row').getByRole('link', { name: seeker.name });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/seekers/${seeker.id}`);
    expect(await page.locator('a[href^="/persons/"]').count()).toBe(0);
    await shot(page, 'staff-ui-job-officer-vacancy-matches');
    await link.click();
    await page.waitForURL(new RegExp(`/seekers/${seeker.id}$`));
    expect(await page.getByText('无权访问').count()).toBe(0);
  });

  it('JOB-5 a read-only leader sees 查看 and no 办理, registration or referral buttons', async () => {
    const page = await signedIn('taiyuan_leader');
    await page.waitForURL(/\/referrals\/rates$/);
    await shot(page, 'staff-ui-leader-home');
    await page.getByRole('menuitem', { name: /人员台账/ }).click();
    await page.waitForURL(/\/persons$/);
    await page.getByLabel('关键词').fill(seeker.name);
    await page.getByLabel('关键词').press('Enter');
    await expect.poll(() => rows(page).allTextContents()).toEqual([expect.stringContaining(seeker.name)]);
    expect(await rows(page).getByRole('link', { name: '查看' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: '办理' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /登记新人员/ }).count()).toBe(0);
    await shot(page, 'staff-ui-leader-persons');

    await rows(page).getByRole('link', { name: '查看' }).click();
    await page.waitForURL(new RegExp(`/persons/${seeker.id}$`));
    await page.getByTestId('matches-card').locator('.ant-table-row').first().waitFor();
    const registrations = page.locator('#registrations');
    await expect.poll(() => registrations.locator('.ant-table-row').count()).toBe(1);
    expect(await registrations.getByRole('button').count(), 'no registration buttons').toBe(0);
    expect(
      await page
        .getByTestId('matches-card')
        .getByRole('button', { name: /推\s?荐/ })
        .count(),
    ).toBe(0);
    expect(await page.getByRole('button', { name: /编\s?辑|记录服务|查看完整号码/ }).count()).toBe(0);
    await shot(page, 'staff-ui-leader-person');

    await page.getByRole('menuitem', { name: /岗位信息/ }).click();
    await page.waitForURL(/\/vacancies$/);
    await rows(page).first().waitFor();
    expect(await page.getByRole('button', { name: /登记岗位/ }).count()).toBe(0);
    await shot(page, 'staff-ui-leader-vacancies');
  });

  it('REG-3 the 经办 column names the staff member, not the login', async () => {
    const page = await signedIn('xiaodian_clerk');
    await page.goto(`/persons/${seeker.id}`);
    const registrations = page.locator('#registrations');
    await expect.poll(() => registrations.locator('.ant-table-row').count()).toBe(1);
    const entered = await registrations.locator('.ant-table-row').textContent();
    expect(entered).toContain('小店区经办员');
    expect(entered).not.toContain('xiaodian_clerk');
  });

  it('REG-4 REG-6 lists load visibly, and an empty list says what it holds and how a person gets in', async () => {
    const page = await signedIn('c140105001001_clerk');
    await page.waitForURL(/\/work-list$/);
    // Hold the graduates list in flight: the table shows it is loading, not 暂无数据.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/api\/v1\/persons\?.*graduate=true/, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('menuitem', { name: /高校毕业生/ }).click();
    await page.getByTestId('list-loading').waitFor();
    expect(await page.getByText('暂无数据').count()).toBe(0);
    expect(await page.getByTestId('list-empty').count()).toBe(0);
    await shot(page, 'staff-ui-list-loading', { fullPage: false });
    release();
    // The demo of the browser tests has no people: the list is empty and says how to fill it.
    await page.getByRole('button', { name: /重\s?置/ }).click();
    await expect.poll(() => page.getByTestId('list-empty').textContent()).toContain('毕业年份');
    await shot(page, 'staff-ui-graduates-empty');
    await page.getByRole('menuitem', { name: /退休人员/ }).click();
    await expect.poll(() => page.getByTestId('list-empty').textContent()).toContain('社区管理的退休人员');
    await shot(page, 'staff-ui-retirees-empty');
    // A filtered empty list says so instead.
    // Type only once the ledger page has replaced the retirees page and loaded its own list: under
    // load the keyword went into the leaving page's form and was lost (a row or an empty list on
    // screen could still be the retirees page's).
    const isLedgerList = (url: string) => url.includes('/api/v1/persons?') && !url.includes('retiree=') && !url.includes('graduate=');
    const ledgerLoaded = page.waitForResponse((r) => isLedgerList(r.url()));
    await page.getByRole('menuitem', { name: /人员台账/ }).click();
    await ledgerLoaded;
    await page.locator('.ant-card-head-title', { hasText: '人员台账' }).waitFor();
    await page.getByLabel('关键词').fill('没有这个人');
    expect(await page.getByLabel('关键词').inputValue()).toBe('没有这个人');
    const searched = page.waitForResponse((r) => isLedgerList(r.url()) && new URL(r.url()).searchParams.get('q') === '没有这个人');
    await page.getByLabel('关键词').press('Enter');
    await searched;
    await expect.poll(() => page.getByTestId('list-empty').textContent()).toContain('没有符合查询条件的记录');
  });
});
