// JOB-7 self-service accounts on the public job board, in browsers with no staff session: a
// seeker already in the ledger registers, keeps job wishes, sees recommendations and applies; an
// unknown ID is told to register at a counter first; an employer registers with its credit code
// and posts a vacancy that waits for review. Screenshots go to e2e/screenshots/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { creditCodeCheckCharacter } from '../src/shared/creditCode.js';
import { idCheckCharacter } from '../src/shared/idNumber.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { shanghaiToday } from '../src/web/format.js';
import { choose, shot, useBrowserSession } from './support/harness.js';

const session = useBrowserSession();
const phone = { width: 390, height: 844 };
const clerk = 'xiaodian_clerk';

async function api<T>(method: 'GET' | 'POST', url: string, payload?: object, username?: string): Promise<T> {
  const headers = username ? await loginAs(session.test.app, username) : {};
  const res = await session.test.app.inject({ method, url, payload, headers });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as T;
}

/** Nothing wider than the screen: the page must not scroll sideways on a phone. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, 'page wider than the screen').toBeLessThanOrEqual(clientWidth);
}

/** Opens /jobs/register from the header, on the given tab. */
async function openRegister(page: Page, tab: '求职者' | '用人单位'): Promise<void> {
  await page.goto('/jobs');
  await page.getByRole('link', { name: '注册', exact: true }).click();
  await page.waitForURL(/\/jobs\/register/);
  await page.getByRole('tab', { name: tab }).click();
}

async function fillAccount(page: Page, phoneNumber: string, password: string): Promise<void> {
  await page.getByLabel('手机号').fill(phoneNumber);
  await page.getByLabel('密码', { exact: true }).fill(password);
}

describe('JOB-7 self-service accounts on the public board', () => {
  it('JOB-7 a seeker registered at the counter creates an account, sets wishes, sees matches and applies', async () => {
    const first17 = '14010519900315121';
    const idNumber = first17 + idCheckCharacter(first17);
    const person = await api<{ id: string }>(
      'POST',
      '/api/v1/persons',
      { idNumber, name: '孙晓燕', regionCode: '140105001001', householdType: 'urban', skills: ['焊工'] },
      clerk,
    );
    await api('POST', `/api/v1/persons/${person.id}/registrations`, { type: 'unemployment', date: shanghaiToday() }, clerk);

    const page = await session.freshPage();
    await openRegister(page, '求职者');
    expect(await page.getByTestId('register-note').textContent()).toContain('注册和求职服务免费');
    await fillAccount(page, '13812345601', 'Weld2026ok');
    await page.getByLabel('身份证号').fill(idNumber);
    await page.getByLabel('姓名').fill('孙晓燕');
    await shot(page, 'account-register-seeker');
    await page.getByRole('button', { name: /注\s?册/ }).click();
    await page.waitForURL(/\/jobs\/me$/);
    await expect.poll(() => page.getByTestId('account-bar').textContent()).toContain('孙晓燕');
    expect(await page.getByTestId('seeker-profile').textContent()).toContain('登记失业');

    await choose(page, page.getByLabel('意向职业'), '6-18-02-04 焊工', { search: true });
    await page.keyboard.press('Escape');
    await page.getByTestId('wishes').getByLabel('期望月薪不低于').fill('5000');
    await page
      .getByTestId('wishes')
      .getByRole('button', { name: /保\s?存/ })
      .click();
    await expect
      .poll(() => page.getByTestId('match-title').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/焊工/)]));
    const welder = page
      .getByTestId('match')
      .filter({ has: page.getByTestId('match-title').filter({ hasText: /焊工/ }) })
      .first();
    const title = (await welder.getByTestId('match-title').textContent())!;
    expect(await welder.getByTestId('match-reasons').textContent()).toContain('职业');
    await shot(page, 'account-seeker-me');

    await welder.getByTestId('apply').click();
    await welder.getByTestId('applied').waitFor();
    await expect.poll(() => page.getByTestId('application').allTextContents()).toEqual([expect.stringContaining(title)]);

    // The vacancy's page knows the application too; the wishes stayed in the ledger.
    await welder.getByTestId('match-title').click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    const vacancyPath = new URL(page.url()).pathname;
    await page.getByTestId('applied').waitFor();
    const saved = await api<{ jobWishes: { occupations?: string[]; wageMinFen?: number } }>(
      'GET',
      `/api/v1/persons/${person.id}`,
      undefined,
      clerk,
    );
    expect(saved.jobWishes).toMatchObject({ occupations: ['6-18-02-04'], wageMinFen: 500000 });

    await page.setViewportSize(phone);
    await page.goto('/jobs/me');
    await page.getByTestId('match').first().waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'account-seeker-me-mobile');

    // A visitor on the same vacancy is offered to sign in, not sent to the staff login.
    const visitor = await session.freshPage();
    await visitor.goto(vacancyPath);
    await visitor.getByTestId('apply-login').waitFor();
    await visitor.getByRole('link', { name: /登录后在线投递/ }).click();
    await visitor.waitForURL(/\/jobs\/login\?from=/);
  });

  it('JOB-7 an unknown ID cannot register', async () => {
    const first17 = '14010619850101301';
    const page = await session.freshPage();
    await openRegister(page, '求职者');
    await fillAccount(page, '13812345602', 'Nobody2026');
    await page.getByLabel('身份证号').fill(first17 + idCheckCharacter(first17));
    await page.getByLabel('姓名').fill('周无名');
    await page.getByRole('button', { name: /注\s?册/ }).click();
    await expect.poll(() => page.getByTestId('register-error').textContent()).toContain('办理求职登记');
    expect(new URL(page.url()).pathname).toBe('/jobs/register');
    await page.setViewportSize(phone);
    await shot(page, 'account-register-unknown-mobile');
    await expectNoSidewaysScroll(page);
  });

  it('JOB-7 an employer registers with its credit code and posts a vacancy that waits for review', async () => {
    const body = '91140105MA0YY002K';
    const creditCode = body + creditCodeCheckCharacter(body);
    const streets = await api<{ code: string; name: string }[]>('GET', '/api/v1/public/regions?parent=140105000000');
    const communities = await api<{ code: string; name: string }[]>('GET', `/api/v1/public/regions?parent=${streets[0]!.code}`);

    const page = await session.freshPage();
    await openRegister(page, '用人单位');
    await fillAccount(page, '13812345610', 'Boss2026ok');
    await page.getByLabel('统一社会信用代码').fill(body + (creditCodeCheckCharacter(body) === '0' ? '1' : '0'));
    await page.getByLabel('单位名称').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents()).toEqual([expect.stringContaining('校验')]);
    await page.getByLabel('统一社会信用代码').fill(creditCode);
    await page.getByLabel('单位名称').fill('太原晋味餐饮管理有限公司');
    await choose(page, page.getByLabel('选择区县'), '小店区');
    await choose(page, page.getByLabel('选择街道（乡镇）'), streets[0]!.name);
    await choose(page, page.getByLabel('选择社区（村）'), communities[0]!.name);
    await page.getByLabel('联系人').fill('李经理');
    await shot(page, 'account-register-employer');
    await page.getByRole('button', { name: /注\s?册/ }).click();
    await page.waitForURL(/\/jobs\/me$/);
    await expect.poll(() => page.getByTestId('employer-profile').textContent()).toContain(creditCode);

    await page.getByRole('button', { name: /发布岗位/ }).click();
    const form = page.getByTestId('post-vacancy');
    await form.getByLabel('岗位名称').fill('后厨帮工');
    await form.getByLabel('招聘人数').fill('2');
    await form.getByLabel('月工资下限').fill('3500');
    await form.getByLabel('月工资上限').fill('4500');
    await form.getByLabel('岗位描述').fill('负责后厨备菜、清洁，限男性，包吃住。');
    expect(await form.textContent(), 'the employer’s place is the default place of work').toContain(communities[0]!.name);
    await form.getByRole('button', { name: /提交审核/ }).click();
    await expect.poll(() => page.getByTestId('posted').textContent()).toContain('等待审核');
    expect(await page.getByTestId('posted').getByTestId('flag-list').textContent()).toContain('男性');
    await shot(page, 'account-employer-posted');

    const mine = page.getByTestId('my-vacancy').filter({ hasText: '后厨帮工' });
    await expect.poll(() => mine.getByTestId('vacancy-status').textContent()).toBe('待审核');
    expect(await mine.getByTestId('my-vacancy-flags').textContent()).toContain('性别');
    const publicList = await api<{ items: { title: string }[] }>('GET', `/api/v1/public/vacancies?q=${encodeURIComponent('后厨帮工')}`);
    expect(
      publicList.items.map((v) => v.title),
      'not public before review',
    ).not.toContain('后厨帮工');
    await mine.getByRole('button', { name: /查看投递/ }).click();
    await expect.poll(() => page.locator('.ant-modal:visible').textContent()).toContain('还没有人投递');
    await page.keyboard.press('Escape');

    // Out and back in with phone and password, on a phone.
    await page.setViewportSize(phone);
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(/\/jobs$/);
    await page.getByRole('link', { name: '登录', exact: true }).click();
    await page.getByRole('tab', { name: '用人单位' }).click();
    await fillAccount(page, '13812345610', 'wrong-pass1');
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('手机号或密码错误');
    await page.getByLabel('密码', { exact: true }).fill('Boss2026ok');
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.waitForURL(/\/jobs\/me$/);
    await page.getByTestId('my-vacancy').first().waitFor();
    await expectNoSidewaysScroll(page);
    await shot(page, 'account-employer-me-mobile');
  });
});
