// AID-6 the graduate one-to-one service in a real browser: the community clerk finds the graduates
// on 一对一服务 by status, opens one registered unemployed two months ago, records 政策咨询, 职业指导
// and one 岗位信息 from the checklist card and sees it tick itself (岗位信息 1/3); a graduate four
// months in with nothing is 已超期. A graduate who is not registered unemployed has no card, and the
// district leader reads the checklist and the list without any write action.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createPerson, createStaffMember, factoryPassword } from '../src/server/testing/factories.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { shanghaiToday } from '../src/web/format.js';
import { login, shot, useBrowserSession } from './support/harness.js';

const session = useBrowserSession();
const clerk = 'c140105001001_clerk'; // 师范街社区协理员
const today = shanghaiToday();

/** A date `days` from today (negative: before). */
function daysFromToday(days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// Three months (89 to 92 days) run from the registration: about a month is left for the first, a
// few days for the second, and the third's ran out a month ago.
const twoMonths = { name: '李思远', school: '山西大学', graduationYear: 2026, since: daysFromToday(-61) };
const dueSoon = { name: '赵晓彤', school: '中北大学', graduationYear: 2026, since: daysFromToday(-85) };
const fourMonths = { name: '王雨晴', school: '太原理工大学', graduationYear: 2025, since: daysFromToday(-122) };
const employed = { name: '孙嘉怡', school: '山西财经大学', graduationYear: 2025 };
const ids: Record<string, string> = {};
let leader = { username: '', name: '' };

const dialog = (page: Page) => page.locator('.ant-modal:visible').last();
const rows = (page: Page) => page.locator('.ant-table-tbody .ant-table-row');
const row = (page: Page, name: string) => page.locator('.ant-table-row', { hasText: name });
const card = (page: Page) => page.getByTestId('graduate-service-card');
const item = (page: Page, key: 'consultation' | 'guidance' | 'vacancies') => page.getByTestId(`graduate-item-${key}`);

/** Opens 高校毕业生 → 一对一服务 from the menu. */
async function openServiceList(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: /高校毕业生/ }).click();
  await page.waitForURL(/\/graduates$/);
  await page.getByRole('tab', { name: '一对一服务' }).click();
  await page.waitForURL(/\/graduates\?view=service$/);
  await page.locator('.ant-card-head-title', { hasText: '高校毕业生“一对一”服务' }).waitFor();
}

/** The status tab whose label starts with `name`, e.g. 服务中（2）. */
const statusTab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });

/** Records the service the quick action preselects, with the dialog's defaults (窗口, today). */
async function recordFromCard(page: Page, label: string): Promise<void> {
  await card(page)
    .getByRole('button', { name: `记录${label}` })
    .click();
  await dialog(page).waitFor();
  expect(await dialog(page).textContent(), `the dialog preselects ${label}`).toContain(label === '岗位信息' ? '提供岗位信息' : label);
  await dialog(page)
    .getByRole('button', { name: /保\s?存/ })
    .click();
  await dialog(page).waitFor({ state: 'detached' });
}

beforeAll(async () => {
  const t = session.test;
  const auth = await loginAs(t.app, clerk);
  for (const g of [twoMonths, dueSoon, fourMonths]) {
    const person = await createPerson(t, auth, {
      name: g.name,
      school: g.school,
      graduationYear: g.graduationYear,
      education: '大学本科',
      unemployedSince: g.since,
    });
    ids[g.name] = person.id;
  }
  const notRegistered = await createPerson(t, auth, {
    name: employed.name,
    school: employed.school,
    graduationYear: employed.graduationYear,
  });
  ids[employed.name] = notRegistered.id;
  const member = await createStaffMember(t, { regionCode: '140105000000', roles: ['leader'], name: '小店区分管领导' });
  leader = { username: member.username, name: member.name };
});

describe('AID-6 graduate one-to-one service in the browser', () => {
  it('AID-6 the community clerk records the missing services from the checklist card and sees it tick itself', async () => {
    const page = await session.freshPage();
    await login(page, clerk);
    await openServiceList(page);
    await expect.poll(() => rows(page).count()).toBe(3);
    // Soonest deadline first: the overdue one, the one due soon, then the one with a month left.
    expect(await rows(page).allTextContents()).toEqual([
      expect.stringContaining(fourMonths.name),
      expect.stringContaining(dueSoon.name),
      expect.stringContaining(twoMonths.name),
    ]);
    await expect.poll(() => statusTab(page, '全部').textContent()).toBe('全部（3）');
    expect(await statusTab(page, '服务中').textContent()).toBe('服务中（2）');
    expect(await statusTab(page, '即将到期').textContent()).toBe('即将到期（1）');
    expect(await statusTab(page, '已超期').textContent()).toBe('已超期（1）');
    expect(await statusTab(page, '已完成').textContent()).toBe('已完成（0）');
    const overdueRow = await row(page, fourMonths.name).textContent();
    expect(overdueRow).toContain('已超期');
    expect(overdueRow).toMatch(/已超期 \d+ 天/);
    expect(overdueRow).toContain('0/3');
    await shot(page, 'graduate-service-list');

    await row(page, twoMonths.name).getByRole('link', { name: twoMonths.name }).click();
    await page.waitForURL(new RegExp(`/persons/${ids[twoMonths.name]}$`));
    await expect.poll(() => page.getByTestId('graduate-service-status').textContent()).toBe('服务中');
    expect(await card(page).textContent()).toContain(`登记失业日期${twoMonths.since}`);
    expect(await card(page).getByTestId('days-left').textContent()).toMatch(/^剩余 \d+ 天$/);
    for (const key of ['consultation', 'guidance'] as const) expect(await item(page, key).textContent()).toContain('未提供');
    expect(await item(page, 'vacancies').textContent()).toContain('0/3');
    await card(page).scrollIntoViewIfNeeded();
    await shot(page, 'graduate-service-card-open', { fullPage: false });

    await card(page).getByRole('button', { name: '记录政策咨询' }).click();
    await dialog(page).waitFor();
    await shot(page, 'graduate-service-record-dialog', { fullPage: false });
    await dialog(page)
      .getByRole('button', { name: /取\s?消/ })
      .click();
    await dialog(page).waitFor({ state: 'detached' });

    await recordFromCard(page, '政策咨询');
    await expect.poll(() => item(page, 'consultation').textContent()).toContain('已提供');
    expect(await item(page, 'consultation').getByRole('button').count(), 'nothing left to record').toBe(0);
    await recordFromCard(page, '职业指导');
    await expect.poll(() => item(page, 'guidance').textContent()).toContain('已提供');
    await recordFromCard(page, '岗位信息');
    await expect.poll(() => item(page, 'vacancies').textContent()).toContain('1/3');
    expect(await page.getByTestId('graduate-service-status').textContent()).toBe('服务中');
    // The three services are in the person's service records too.
    const services = page.locator('.ant-card', { has: page.locator('.ant-card-head-title', { hasText: /^服务记录$/ }) });
    await expect.poll(() => services.locator('.ant-table-row').count()).toBe(3);
    await card(page).scrollIntoViewIfNeeded();
    await shot(page, 'graduate-service-card-recorded', { fullPage: false });

    // 推荐岗位 takes the clerk to the matches card, where vacancies are offered.
    await item(page, 'vacancies')
      .getByRole('button', { name: /推荐岗位/ })
      .click();
    await expect.poll(() => page.getByTestId('matches-card').evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(200);
    await shot(page, 'graduate-service-to-matches', { fullPage: false });

    // Back on the list: 1/3 under 服务中, the overdue one under 已超期, and the export keeps the tab.
    await openServiceList(page);
    await statusTab(page, '服务中').click();
    await page.waitForURL(/status=open/);
    await expect.poll(() => rows(page).count()).toBe(2);
    const served = await row(page, twoMonths.name).textContent();
    expect(served).toContain('1/3');
    expect(served).toContain('已提供');
    expect(served).toContain('服务中');
    expect(await row(page, dueSoon.name).textContent()).toContain('即将到期');
    await shot(page, 'graduate-service-list-open');
    await statusTab(page, '已超期').click();
    await expect.poll(() => rows(page).allTextContents()).toEqual([expect.stringContaining(fourMonths.name)]);
    const download = page.waitForEvent('download');
    const exported = page.waitForRequest((r) => r.url().includes('format=xlsx'));
    await page.getByRole('button', { name: /导出/ }).click();
    expect(new URL((await exported).url()).searchParams.get('status')).toBe('overdue');
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await shot(page, 'graduate-service-list-overdue');
    await statusTab(page, '已完成').click();
    await expect.poll(() => page.getByTestId('list-empty').textContent()).toContain('还没有已完成');

    // The overdue graduate's card says the deadline passed, in red, and offers no quick action.
    await page.goto(`/persons/${ids[fourMonths.name]}`);
    await expect.poll(() => page.getByTestId('graduate-service-status').textContent()).toBe('已超期');
    expect(await card(page).getByTestId('days-left').textContent()).toMatch(/^已超期 \d+ 天$/);
    expect(await card(page).textContent()).toContain('已超过服务时限');
    expect(await card(page).getByRole('button').count()).toBe(0);
    await card(page).scrollIntoViewIfNeeded();
    await shot(page, 'graduate-service-card-overdue', { fullPage: false });
  });

  it('AID-6 a graduate who is not registered unemployed has no checklist card', async () => {
    const page = await session.freshPage();
    await login(page, clerk);
    const answered = page.waitForResponse((r) => r.url().includes(`/persons/${ids[employed.name]}/graduate-service`));
    await page.goto(`/persons/${ids[employed.name]}`);
    expect((await answered).status()).toBe(409);
    await page.getByTestId('matches-card').waitFor();
    expect(await card(page).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('AID-6 the district leader reads the checklist and the list without any write action', async () => {
    const page = await session.freshPage();
    await login(page, leader.username, factoryPassword);
    await page.goto(`/persons/${ids[twoMonths.name]}`);
    await expect.poll(() => item(page, 'vacancies').textContent()).toContain('1/3');
    expect(await item(page, 'guidance').textContent()).toContain('已提供');
    expect(await card(page).getByRole('button').count()).toBe(0);
    expect(await page.getByRole('button', { name: '记录服务' }).count()).toBe(0);
    await card(page).scrollIntoViewIfNeeded();
    await shot(page, 'graduate-service-card-leader', { fullPage: false });

    await openServiceList(page);
    await expect.poll(() => rows(page).count()).toBe(3);
    expect(await page.getByRole('link', { name: '办理' }).count()).toBe(0);
    expect(await rows(page).getByRole('link', { name: '查看' }).count()).toBe(3);
    await shot(page, 'graduate-service-list-leader');
  });

  it('AID-6 the job officer sees the checklist on the seeker page and may record a missing service', async () => {
    const page = await session.freshPage();
    await login(page, 'taiyuan_job');
    await page.goto(`/seekers/${ids[twoMonths.name]}`);
    await expect.poll(() => item(page, 'vacancies').textContent()).toContain('1/3');
    expect(
      await item(page, 'vacancies')
        .getByRole('button', { name: /记录岗位信息/ })
        .count(),
    ).toBe(1);
    await card(page).scrollIntoViewIfNeeded();
    await shot(page, 'graduate-service-card-seeker-page', { fullPage: false });
  });
});
