// JOB-8 policy notices in a browser: the board's 政策公告 (list, search, detail with its
// documents) for a visitor with no login, on a 1366×768 screen and a 390 px phone; then the staff
// flow: a district clerk writes and submits a notice, the reviewer who did not write it publishes
// it, and it is on the board. Screenshots go to e2e/screenshots/ for a human to look at.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { choose, confirmDialog, login, logout, shot, testAdminPassword, useBrowserSession } from './support/harness.js';

const session = useBrowserSession();
const desktop = { width: 1366, height: 768 };
const phone = { width: 390, height: 844 };

async function visitor(viewport = desktop): Promise<Page> {
  const page = await session.freshPage();
  await page.setViewportSize(viewport);
  return page;
}

/** Waits for the list to show a search (its count line, or the empty state). */
async function listed(page: Page): Promise<void> {
  await page.getByTestId('notice-count').or(page.getByTestId('no-notices')).first().waitFor();
}

/** Nothing wider than the screen: the page must not scroll sideways on a phone. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, 'page wider than the screen').toBeLessThanOrEqual(clientWidth);
}

describe('JOB-8 policy notices on the public board', () => {
  it('JOB-8 a visitor opens 政策公告 from the board navigation and sees the demo notices with no login', async () => {
    const page = await visitor();
    await page.goto('/jobs');
    await page.getByRole('navigation', { name: '公共服务' }).getByRole('link', { name: '政策公告' }).click();
    await page.waitForURL(/\/jobs\/notices$/);
    await listed(page);
    const titles = await page.getByTestId('notice-title').allTextContents();
    expect(titles).toEqual(expect.arrayContaining(['失业保险金申领须知', '公共就业服务“一站式”服务和首问负责制告知']));
    expect(titles, 'a notice waiting for review is not public').not.toContain('迎泽区就业困难人员就业援助服务告知');
    await shot(page, 'notices-board-list');
  });

  it('JOB-8 search finds a notice by a word of its body; the detail shows paragraphs and the seed documents', async () => {
    const page = await visitor();
    await page.goto('/jobs/notices');
    await listed(page);
    await page.getByLabel('搜索公告').fill('非因本人意愿');
    await page.getByLabel('搜索公告').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === '非因本人意愿');
    await expect.poll(() => page.getByTestId('notice-count').textContent()).toContain('非因本人意愿');
    expect(await page.getByTestId('notice-title').allTextContents()).toEqual(['失业保险金申领须知']);
    await shot(page, 'notices-board-search');
    await page.getByTestId('notice-card').first().click();
    await page.getByTestId('notice-body').waitFor();
    expect(await page.getByTestId('notice-title').textContent()).toBe('失业保险金申领须知');
    expect(await page.getByTestId('notice-body').locator('.ant-typography').count()).toBeGreaterThanOrEqual(4);
    const sources = await page.getByTestId('notice-source').allTextContents();
    expect(sources.join()).toContain('《失业保险条例》');
    expect(sources.join()).toContain('国务院令第258号');
    expect(sources.join()).toContain('《太原市劳动力市场“三化”建设推进试点实施方案》');
    await shot(page, 'notices-board-detail');
    await page.getByRole('link', { name: '返回公告列表' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === '非因本人意愿');
  });

  it('JOB-8 the district filter keeps a district notice to its own district; the city notices show everywhere', async () => {
    const page = await visitor();
    await page.goto('/jobs/notices?district=140106');
    await listed(page);
    const yingze = await page.getByTestId('notice-title').allTextContents();
    expect(yingze).toContain('失业保险金申领须知');
    expect(yingze).not.toContain('小店区公益性岗位优先安置就业困难人员的公告');
    await choose(page, page.getByLabel('区县'), '小店区');
    await page.waitForURL((url) => url.searchParams.get('district') === '140105');
    await expect.poll(() => page.getByTestId('notice-title').allTextContents()).toContain('小店区公益性岗位优先安置就业困难人员的公告');
    await choose(page, page.getByLabel('类别'), '培训信息');
    await expect.poll(() => page.getByTestId('notice-title').allTextContents()).toEqual(['创业指导和创业培训服务公告']);
  });

  it('JOB-8 on a phone the list and a notice read without sideways scrolling; the four tabs fit', async () => {
    const page = await visitor(phone);
    await page.goto('/jobs/notices');
    await listed(page);
    await expectNoSidewaysScroll(page);
    const tabs = page.getByRole('navigation', { name: '公共服务' }).getByRole('link');
    expect(await tabs.count()).toBe(4);
    const boxes = await Promise.all([0, 3].map((i) => tabs.nth(i).boundingBox()));
    expect(boxes[1]!.y, 'the tabs share one row').toBeCloseTo(boxes[0]!.y, 0);
    await shot(page, 'notices-board-list-mobile', { fullPage: false });
    await page.getByTestId('notice-card').first().click();
    await page.getByTestId('notice-body').waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'notices-board-detail-mobile');
  });

  it('JOB-8 an unknown or withdrawn notice reads as gone', async () => {
    const page = await visitor();
    await page.goto('/jobs/notices/00000000-0000-4000-8000-000000000000');
    await page.getByTestId('notice-gone').waitFor();
  });
});

describe('JOB-8 writing, reviewing and publishing in the staff UI', () => {
  const title = '小店区就业见习报名公告';

  it('JOB-8 a district clerk writes a notice with a source document and submits it', async () => {
    const page = await visitor();
    await login(page, 'xiaodian_clerk');
    await page.getByRole('menuitem', { name: '政策公告' }).click();
    await page.waitForURL(/\/notices$/);
    await page.getByRole('button', { name: '撰写公告' }).click();
    await page.waitForURL(/\/notices\/new$/);
    // The list's search form also has a 标题 field: wait for the form page to replace it.
    await page.getByText('撰写政策公告').waitFor();
    await page.getByLabel('标题', { exact: true }).fill(title);
    await choose(page, page.getByLabel('类别'), '就业政策');
    await page
      .getByLabel('正文')
      .fill(
        '离校两年内未就业的高校毕业生可以报名参加就业见习。\n\n见习单位由区就业服务中心审核后公布，见习期间由见习单位提供指导。\n\n报名请携带居民身份证和毕业证书到所在街道劳动保障事务所。',
      );
    await page.getByLabel('文件标题（1）').fill('中共中央 国务院关于进一步做好下岗失业人员再就业工作的通知');
    await page.getByLabel('文号').fill('中发〔2002〕12号');
    await page.getByLabel('发文机关').fill('中共中央 国务院');
    await page.getByLabel('原文链接').fill('ftp://example');
    await page.getByRole('button', { name: '保存并提交审核' }).click();
    await page.getByText('以 http:// 或 https:// 开头的网址').waitFor();
    await page.getByLabel('原文链接').fill('');
    await shot(page, 'notices-staff-form');
    await page.getByRole('button', { name: '保存并提交审核' }).click();
    await page.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
    await page.getByTestId('notice-body').waitFor();
    expect(await page.locator('.ant-card-head .ant-tag').allTextContents()).toContain('待审核');
    await logout(page);
  });

  it('JOB-8 the city reviewer finds it in 公告审核 and publishes it; it is on the board at once', async () => {
    const page = await visitor();
    await login(page, 'taiyuan_reviewer');
    await page.getByRole('menuitem', { name: '公告审核' }).click();
    await page.waitForURL(/\/notices\/review$/);
    const row = page.locator('tr', { hasText: title });
    await row.waitFor();
    expect(await page.locator('tr', { hasText: '迎泽区就业困难人员就业援助服务告知' }).count()).toBe(1);
    await shot(page, 'notices-staff-review-queue');
    await row.getByRole('link', { name: '审核' }).click();
    await page.getByTestId('notice-sources').waitFor();
    await shot(page, 'notices-staff-review');
    await page.getByRole('button', { name: '审核通过并发布' }).click();
    await confirmDialog(page, '通过并发布');
    await expect.poll(() => page.locator('.ant-card-head .ant-tag').allTextContents()).toContain('已发布');
    await page.getByRole('menuitem', { name: '政策公告' }).click();
    await page.locator('tr', { hasText: title }).waitFor();
    await shot(page, 'notices-staff-list');

    const board = await visitor();
    await board.goto(`/jobs/notices?q=${encodeURIComponent('就业见习')}`);
    await listed(board);
    expect(await board.getByTestId('notice-title').allTextContents()).toContain(title);
  });

  it('JOB-8 the author, signed in, cannot approve a notice they wrote: the buttons are off and say why', async () => {
    // The built-in admin holds every role: it writes and submits, then finds its own approval refused.
    const page = await visitor();
    await login(page, 'admin', testAdminPassword);
    await page.goto('/notices/new');
    await page.getByText('撰写政策公告').waitFor();
    await page.getByLabel('标题', { exact: true }).fill('管理员撰写的招聘活动公告');
    await choose(page, page.getByLabel('类别'), '招聘活动');
    await page.getByLabel('选择省').waitFor();
    await choose(page, page.getByLabel('选择省'), '山西省', { search: true });
    await choose(page, page.getByLabel('选择市'), '太原市', { search: true });
    await page.getByLabel('正文').fill('全市公共就业服务机构将于本月举办春季招聘活动，欢迎求职者免费参加，具体安排另行公布。');
    await page.getByRole('button', { name: '删除依据文件 1' }).click();
    await page.getByRole('button', { name: '保存并提交审核' }).click();
    await page.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('button', { name: '审核通过并发布' }).isDisabled()).toBe(true);
    await page.getByText('您撰写或修改过这则公告，不能自己审核发布').waitFor();
    await shot(page, 'notices-staff-own-notice');
  });
});
