// JOB-7, JOB-8 and the employer's side of JOB-5 on the public job board, in a browser with no
// session at all: search in Chinese with filters kept in the URL, a vacancy's page, the fairs
// calendar and the check of a referral letter with feedback; on a desktop and a 390 px phone.
// Screenshots go to e2e/screenshots/ for a human to look at.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { idCheckCharacter } from '../src/shared/idNumber.js';
import { sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { vacancies } from '../src/server/db/schema.js';
import { shanghaiDateOf } from '../src/server/platform/clock.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { shanghaiToday } from '../src/web/format.js';
import { choose, shot, useBrowserSession } from './support/harness.js';

const session = useBrowserSession();
const phone = { width: 390, height: 844 };
const welderTitles = ['电焊工', '氩弧焊工'];

interface Paged<T> {
  items: T[];
  total: number;
}
interface PublicVacancy {
  id: string;
  title: string;
  employerName: string;
  wageMax: number;
  regionCode: string;
}

async function api<T>(method: 'GET' | 'POST', url: string, payload?: object, username?: string): Promise<T> {
  const headers = username ? await loginAs(session.test.app, username) : {};
  const res = await session.test.app.inject({ method, url, payload, headers });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as T;
}

const publicSearch = (query: string) => api<Paged<PublicVacancy>>('GET', `/api/v1/public/vacancies?${query}`);

/** A page of a new context: no cookie, so no session. */
async function visitor(): Promise<Page> {
  return session.freshPage();
}

const cards = (page: Page) => page.getByTestId('vacancy-card');
const cardTitles = (page: Page) => page.getByTestId('vacancy-title').allTextContents();

/** Waits for the result list to show a search (its count line, or the empty state). */
async function results(page: Page): Promise<void> {
  await page.getByTestId('result-count').or(page.getByTestId('no-results')).first().waitFor();
}

/** Types words into the search box and presses Enter. */
async function searchFor(page: Page, words: string): Promise<void> {
  await page.getByLabel('搜索岗位').fill(words);
  await page.getByLabel('搜索岗位').press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === words);
  await expect.poll(() => page.getByTestId('result-count').or(page.getByTestId('no-results')).first().textContent()).toContain(words);
}

/** Nothing wider than the screen: the page must not scroll sideways on a phone. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, 'page wider than the screen').toBeLessThanOrEqual(clientWidth);
}

describe('JOB-7, JOB-8, JOB-5 the public job board with no login', () => {
  let vacancyUrl = '';

  it('JOB-7 public search for 焊工 finds the demo welder vacancies with no login', async () => {
    const page = await visitor();
    const sessionCheck = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me'));
    await page.goto('/jobs');
    expect((await sessionCheck).status(), 'the visitor has no session').toBe(401);
    await results(page);
    expect(new URL(page.url()).pathname, 'a 401 on the board does not send the visitor to the login page').toBe('/jobs');
    await page.goto('/login');
    await page.getByRole('link', { name: '查看公开招聘信息' }).click();
    await page.waitForURL(/\/jobs$/);
    await results(page);
    await expect.poll(() => page.locator('header').textContent()).toContain('公共就业服务平台 · 招聘信息');
    expect(await page.getByTestId('free-services').textContent()).toContain('求职登记、推荐介绍');

    await searchFor(page, '焊工');
    const expected = await publicSearch(`q=${encodeURIComponent('焊工')}&pageSize=100`);
    expect(expected.total).toBeGreaterThanOrEqual(2);
    await expect.poll(() => cards(page).count()).toBe(Math.min(expected.total, 12));
    const titles = await cardTitles(page);
    expect(new Set(titles)).toEqual(new Set(welderTitles));
    expect(titles, 'the flagged 保安员 vacancies wait for review and are not public').not.toContain('保安员');
    const cardText = (await cards(page).allTextContents()).join('\n');
    expect(cardText).toContain('山西晋阳重工机械有限公司');
    expect(cardText, 'wages in yuan, not fen').toMatch(/\d,\d{3}–\d,\d{3} 元\/月/);
    expect(cardText).toMatch(/招 \d+ 人/);
    expect(cardText).toMatch(/(小店区|迎泽区|杏花岭区) · /);
    await shot(page, 'board-search');

    // The link can be shared: a new visitor opening it sees the same list.
    const shared = await visitor();
    await shared.goto(`/jobs?q=${encodeURIComponent('焊工')}`);
    await results(shared);
    expect(await shared.getByLabel('搜索岗位').inputValue()).toBe('焊工');
    expect(await cardTitles(shared)).toEqual(titles);

    await shared.setViewportSize(phone);
    await expectNoSidewaysScroll(shared);
    const [first, second] = [await cards(shared).nth(0).boundingBox(), await cards(shared).nth(1).boundingBox()];
    expect(second!.y, 'cards stack on a phone').toBeGreaterThan(first!.y + first!.height - 1);
    expect(second!.x).toBe(first!.x);
    await shot(shared, 'board-search-mobile', { fullPage: false });

    const welder = cards(page).filter({ hasText: '山西晋阳重工机械有限公司' }).first();
    const title = (await welder.getByTestId('vacancy-title').textContent())!;
    await welder.click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    vacancyUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.getByTestId('vacancy-title').textContent()).toBe(title);
    expect(await page.getByTestId('vacancy-description').textContent()).toContain('焊');
    expect(await page.getByTestId('vacancy-fields').textContent()).toContain('焊工（6-18-02-04）');
    const employer = (await page.getByTestId('employer-fields').textContent())!;
    expect(employer).toContain('山西晋阳重工机械有限公司');
    expect(employer).toContain('制造业');
    expect(employer).toMatch(/0351-\d{7}/);
    expect(await page.getByTestId('free-note').textContent()).toContain('求职登记、推荐介绍免费');
    await shot(page, 'board-vacancy');
    await page.getByRole('link', { name: /返回搜索结果/ }).click();
    await page.waitForURL((url) => url.pathname === '/jobs' && url.searchParams.get('q') === '焊工');

    await shared.goto(vacancyUrl);
    await shared.getByTestId('vacancy-description').waitFor();
    await expectNoSidewaysScroll(shared);
    await shot(shared, 'board-vacancy-mobile');
  });

  it('JOB-7 a vacancy that is gone, or never was, reads as expired or removed', async () => {
    const page = await visitor();
    await page.goto('/jobs/00000000-0000-4000-8000-000000000000');
    await expect.poll(() => page.getByTestId('vacancy-gone').textContent()).toContain('该招聘信息已过期或已下架');
    expect(new URL(page.url()).pathname).toBe('/jobs/00000000-0000-4000-8000-000000000000');
    await page.goto('/jobs/not-a-vacancy');
    await expect.poll(() => page.getByTestId('vacancy-gone').textContent()).toContain('已过期或已下架');
    await shot(page, 'board-vacancy-gone');
  });

  it('JOB-7 single-character and two-character searches', async () => {
    const page = await visitor();
    await page.goto('/jobs');
    await results(page);

    await searchFor(page, '焊');
    expect(new Set(await cardTitles(page))).toEqual(new Set(welderTitles));

    await searchFor(page, '会计');
    const accountants = await publicSearch(`q=${encodeURIComponent('会计')}`);
    await expect.poll(() => cardTitles(page)).toEqual(accountants.items.map((v) => v.title));
    expect(new Set(await cardTitles(page))).toEqual(new Set(['会计']));

    // The search box's own example finds what it promises.
    await searchFor(page, '司机');
    await expect.poll(async () => (await cardTitles(page)).length).toBeGreaterThan(0);
    expect((await cardTitles(page)).every((t) => t.includes('司机'))).toBe(true);

    await searchFor(page, '飞行员');
    await expect.poll(() => page.getByTestId('no-results').textContent()).toContain('没有找到与“飞行员”相关的岗位');
    await shot(page, 'board-search-empty');
    await page.getByRole('button', { name: /清空条件，看全部岗位/ }).click();
    await page.waitForURL((url) => url.search === '');
    // The router changes the URL before React renders the cleared form: wait for the render.
    await expect.poll(() => page.getByLabel('搜索岗位').inputValue(), { message: 'clearing empties the box too' }).toBe('');
  });

  it('JOB-7 filters by district and minimum wage, kept in the URL, and pages through results', async () => {
    const page = await visitor();
    await page.goto('/jobs');
    await results(page);
    const all = await publicSearch('');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toContain(`共 ${all.total} 个`);
    expect(all.total).toBeGreaterThan(12);
    const firstPage = await cardTitles(page);
    await page.locator('.ant-pagination-item-2').click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await expect.poll(() => cardTitles(page)).not.toEqual(firstPage);

    await choose(page, page.getByLabel('区县'), '小店区');
    await page.waitForURL((url) => url.searchParams.get('district') === '140105' && !url.searchParams.has('page'));
    // Wait for the district's results before typing, so the wage is typed into the settled form.
    const inDistrict = await publicSearch('regionCode=140105&pageSize=1');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toContain(`共 ${inDistrict.total} 个`);
    await page.getByLabel('最低月薪（元）').fill('6000');
    await page.getByLabel('最低月薪（元）').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('wage') === '6000' && url.searchParams.get('district') === '140105');

    const expected = await publicSearch('regionCode=140105&wageMin=600000&pageSize=100');
    expect(expected.total).toBeGreaterThan(0);
    expect(expected.total).toBeLessThan(all.total);
    expect(expected.items.every((v) => v.regionCode.startsWith('140105') && v.wageMax >= 600000)).toBe(true);
    await expect.poll(() => page.getByTestId('result-count').textContent()).toContain(`共 ${expected.total} 个`);
    const places = await cards(page).allTextContents();
    expect(places.every((t) => t.includes('小店区 · '))).toBe(true);
    await shot(page, 'board-search-filtered');

    await page.setViewportSize(phone);
    await expectNoSidewaysScroll(page);
    await shot(page, 'board-search-filtered-mobile');
  });

  it('JOB-8 the fairs calendar lists the upcoming fair', async () => {
    const page = await visitor();
    await page.goto('/jobs');
    await page.getByRole('link', { name: '招聘会', exact: true }).click();
    await page.waitForURL(/\/jobs\/fairs$/);
    const fair = page.getByTestId('fair-card').filter({ hasText: '小店区2026年冬季农民工专场招聘会' });
    await fair.waitFor();
    const text = (await fair.textContent())!;
    expect(text).toContain('农民工专场');
    expect(text).toContain('小店区人力资源市场（坞城路）');
    expect(text).toContain('参会单位 6 家');
    expect(text).toMatch(/\d{4}-\d{2}-\d{2}（星期.）/);
    expect(text).toContain('还有 12 天');
    expect(await page.getByTestId('fair-name').allTextContents(), 'past fairs are not on the calendar').not.toContain(
      '太原市高校毕业生秋季双选会',
    );
    await shot(page, 'board-fairs');
    await page.setViewportSize(phone);
    await expectNoSidewaysScroll(page);
    await shot(page, 'board-fairs-mobile');
  });

  it('JOB-5 an employer verifies a referral letter and sends feedback', async () => {
    const clerk = 'xiaodian_clerk';
    const first17 = '14010519880612203';
    const person = await api<{ id: string }>(
      'POST',
      '/api/v1/persons',
      {
        idNumber: first17 + idCheckCharacter(first17),
        name: '赵志强',
        regionCode: '140105001001',
        householdType: 'urban',
        skills: ['焊工'],
      },
      clerk,
    );
    await api('POST', `/api/v1/persons/${person.id}/registrations`, { type: 'unemployment', date: shanghaiToday() }, clerk);
    const welders = await publicSearch(`q=${encodeURIComponent('焊工')}`);
    const vacancy = welders.items.find((v) => v.employerName === '山西晋阳重工机械有限公司') ?? welders.items[0]!;
    const referral = await api<{ id: string; verificationCode: string }>(
      'POST',
      '/api/v1/referrals',
      { personId: person.id, vacancyId: vacancy.id },
      clerk,
    );
    expect(referral.verificationCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);

    const page = await visitor();
    await page.goto('/jobs');
    await page.getByRole('link', { name: '介绍信核验' }).click();
    await page.waitForURL(/\/jobs\/verify$/);
    const code = page.getByLabel('验证码');
    await code.fill('ABCDEFGHJK');
    await page.getByRole('button', { name: /核\s?验/ }).click();
    await expect.poll(() => page.getByTestId('verify-error').textContent()).toContain('没有找到这封介绍信');

    // Typed as an employer might: lower case, with a space in the middle.
    const typed = `${referral.verificationCode.slice(0, 5)} ${referral.verificationCode.slice(5)}`.toLowerCase();
    await code.fill(typed);
    await page.getByRole('button', { name: /核\s?验/ }).click();
    await expect.poll(() => page.getByTestId('letter-person').textContent()).toBe('赵**');
    const letter = (await page.getByTestId('letter').textContent())!;
    expect(letter).toContain(vacancy.title);
    expect(letter).toContain(vacancy.employerName);
    expect(letter).toContain(referral.verificationCode);
    expect(letter, 'the full name is never shown').not.toContain('赵志强');
    await shot(page, 'board-verify');

    await page.getByText('已面试', { exact: true }).click();
    await page.getByLabel('说明（选填）').fill('12 月 1 日已面试，安排试岗一周');
    await page.getByRole('button', { name: /提交反馈/ }).click();
    await expect.poll(() => page.getByTestId('feedback-sent').textContent()).toContain('反馈已提交');
    await shot(page, 'board-verify-sent');

    const saved = await api<
      Paged<{ id: string; employerFeedback: string | null; employerFeedbackAt: string | null; outcome: string | null }>
    >('GET', `/api/v1/referrals?personId=${person.id}`, undefined, clerk);
    const row = saved.items.find((r) => r.id === referral.id)!;
    expect(row.employerFeedback).toContain('12 月 1 日已面试，安排试岗一周');
    expect(row.employerFeedbackAt).not.toBeNull();
    expect(row.outcome, 'staff confirm the outcome; the employer only answers').toBeNull();

    const mobile = await visitor();
    await mobile.setViewportSize(phone);
    await mobile.goto(`/jobs/verify?code=${referral.verificationCode}`);
    await expect.poll(() => mobile.getByTestId('letter-person').textContent()).toBe('赵**');
    await expect.poll(() => mobile.getByTestId('letter').textContent()).toContain('已于');
    expect(await mobile.getByTestId('earlier-feedback').textContent(), 'the earlier answer is shown').toContain(
      '12 月 1 日已面试，安排试岗一周',
    );
    await expectNoSidewaysScroll(mobile);
    await shot(mobile, 'board-verify-mobile');
  });
  it('JOB-7 more than 1,000 hits read 1000+: the board counts up to 1,001', async () => {
    const clerk = 'xiaodian_clerk';
    const employers = await api<Paged<{ id: string }>>('GET', '/api/v1/employers?pageSize=1', undefined, clerk);
    const v = await api<{ id: string }>(
      'POST',
      '/api/v1/vacancies',
      {
        employerId: employers.items[0]!.id,
        title: '工程测绘员',
        headcount: 1,
        wageMin: 400000,
        wageMax: 500000,
        regionCode: '140105001001',
        description: '招聘工程测绘员，负责施工测量放线。',
        validUntil: shanghaiDateOf(new Date(Date.now() + 30 * 86_400_000)),
      },
      clerk,
    );
    await api('POST', `/api/v1/vacancies/${v.id}/review`, { decision: 'approve' }, 'taiyuan_reviewer');
    // 1,004 copies of the published vacancy: 1,005 hits for 测绘员.
    const columns = Object.values(getTableConfig(vacancies).columns)
      .map((c) => `"${c.name}"`)
      .filter((c) => c !== '"id"')
      .join(', ');
    const db = session.test.handle.db;
    await db.execute(
      sql`INSERT INTO vacancies (id, ${sql.raw(columns)}) SELECT gen_random_uuid(), ${sql.raw(columns)} FROM vacancies, generate_series(1, 1004) WHERE id = ${v.id}`,
    );
    try {
      expect(await api('GET', `/api/v1/public/vacancies?q=${encodeURIComponent('测绘员')}`)).toMatchObject({
        total: 1001,
        totalCapped: true,
      });
      const page = await visitor();
      await page.goto(`/jobs?q=${encodeURIComponent('测绘员')}`);
      await expect.poll(() => page.getByTestId('result-count').textContent()).toContain('共 1000+ 个');
      expect(await page.locator('.ant-pagination-total-text').textContent()).toBe('共 1000+ 个');
      await shot(page, 'board-search-capped', { fullPage: false });
    } finally {
      await db.execute(sql`UPDATE vacancies SET status = 'closed' WHERE title = '工程测绘员'`);
    }
  });
});
