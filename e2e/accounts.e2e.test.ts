// JOB-7 self-service accounts on the public job board, in browsers with no staff session: a
// seeker already in the ledger registers with the code texted to the phone in the ledger, keeps
// job wishes, sees recommendations and applies; an unknown ID gets the same answer and cannot
// register; an employer new to the service registers with its credit code alone and posts a
// vacancy that waits for review. Binding needs proof (issue 10): counter staff issue activation
// codes on the person and employer pages and read texts from 待发短信 when no SMS gateway is set
// up. Screenshots go to e2e/screenshots/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { creditCodeCheckCharacter } from '../src/shared/creditCode.js';
import { buildCreditCode } from '../src/server/testing/factories.js';
import { idCheckCharacter } from '../src/shared/idNumber.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { shanghaiToday } from '../src/web/format.js';
import { choose, login, shot, useBrowserSession } from './support/harness.js';

const session = useBrowserSession();
const phone = { width: 390, height: 844 };
const laptop = { width: 1366, height: 768 };
/** A clerk and job officer of 小店区: works with both the ledger and employers. */
const clerk = 'xiaodian_clerk';
/** The one answer to every code request (accounts/binding.ts codeRequestAnswer). */
const codeAnswer = '如填写的信息与登记一致，验证码已发送到登记时留存的手机号';

async function api<T>(method: 'GET' | 'POST', url: string, payload?: object, username?: string): Promise<T> {
  const headers = username ? await loginAs(session.test.app, username) : {};
  const res = await session.test.app.inject({ method, url, payload, headers });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as T;
}

/** Nothing wider than the screen: the page must not scroll sideways on a phone (once the layout has settled after a resize). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await expect.poll(overflow, { message: 'page wider than the screen', timeout: 2000 }).toBeLessThanOrEqual(0);
}

const masked = (phoneNumber: string) => `${phoneNumber.slice(0, 3)}****${phoneNumber.slice(7)}`;

/** The code in the newest text message to this phone, as counter staff read it from the outbox. */
async function textedCode(phoneNumber: string): Promise<string> {
  const outbox = await api<{ items: { phone: string; body: string }[] }>('GET', '/api/v1/sms-outbox?pageSize=100', undefined, clerk);
  const code = outbox.items.find((m) => m.phone === masked(phoneNumber))?.body.match(/验证码 (\d{6})/)?.[1];
  expect(code, `a text message to ${phoneNumber}`).toBeDefined();
  return code!;
}

/** Fills ID number and name on the seeker tab and asks for a code; answers the text shown. */
async function requestSeekerCode(page: Page, idNumber: string, name: string): Promise<string> {
  await page.getByLabel('身份证号').fill(idNumber);
  await page.getByLabel('姓名').fill(name);
  await page.getByTestId('request-code').click();
  await expect.poll(() => page.getByTestId('code-answer').textContent()).toContain(codeAnswer);
  return (await page.getByTestId('code-answer').textContent())!;
}

/** A seeker in the ledger of 小店区; `ledgerPhone` is where codes are texted. */
async function ledgerPerson(first17: string, name: string, extra: Record<string, unknown> = {}) {
  const idNumber = first17 + idCheckCharacter(first17);
  const person = await api<{ id: string }>(
    'POST',
    '/api/v1/persons',
    { idNumber, name, regionCode: '140105001001', householdType: 'urban', ...extra },
    clerk,
  );
  return { ...person, idNumber, name };
}

/** Opens /jobs/register from the header, on the given tab. */
async function openRegister(page: Page, tab: '求职者' | '用人单位'): Promise<void> {
  await page.goto('/jobs');
  await page.getByRole('link', { name: '注册', exact: true }).click();
  await page.waitForURL(/\/jobs\/register/);
  await page.getByRole('tab', { name: tab }).click();
}

async function fillAccount(page: Page, phoneNumber: string, password: string): Promise<void> {
  await page.getByLabel(/手机号/).fill(phoneNumber);
  await page.getByLabel('密码', { exact: true }).fill(password);
}

describe('JOB-7 self-service accounts on the public board', () => {
  it('JOB-7 a seeker registered at the counter creates an account with the code texted to the ledger phone, sets wishes, sees matches and applies', async () => {
    const person = await ledgerPerson('14010519900315121', '孙晓燕', {
      phone: '13912340001',
      skills: ['焊工'],
      education: '高中/中专/技校',
    });
    await api('POST', `/api/v1/persons/${person.id}/registrations`, { type: 'unemployment', date: shanghaiToday() }, clerk);

    const page = await session.freshPage();
    await openRegister(page, '求职者');
    expect(await page.getByTestId('register-note').textContent()).toContain('注册和求职服务免费');
    await requestSeekerCode(page, person.idNumber, '孙晓燕');
    await expect.poll(() => page.getByTestId('request-code').textContent()).toMatch(/^重新获取\((60|59|58)s\)$/);
    expect(await page.getByTestId('request-code').isDisabled(), 'no second text within the minute').toBe(true);
    await page.getByLabel('验证码').fill(await textedCode('13912340001'));
    await fillAccount(page, '13812345601', 'Weld2026ok');
    await shot(page, 'account-register-seeker');
    await page.getByRole('button', { name: /注\s?册/ }).click();
    await page.waitForURL(/\/jobs\/me$/);
    await expect.poll(() => page.getByTestId('account-bar').textContent()).toContain('孙晓燕');
    const profile = await page.getByTestId('seeker-profile').textContent();
    expect(profile).toContain('登记失业');
    expect(profile, 'education and skills as staff recorded them').toMatch(/高中\/中专\/技校.*焊工/);
    expect(await page.getByTestId('profile-note').textContent()).toContain('以登记为准');
    expect(await page.getByTestId('wishes').getByLabel('技能').count(), 'skills are not the seeker’s to edit').toBe(0);
    expect(await page.getByTestId('wishes').getByLabel('文化程度').count()).toBe(0);

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

    // 投递 asks first: the employer gets the seeker's name and phone, and it cannot be taken back.
    await welder.getByTestId('apply').click();
    await expect.poll(() => page.locator('.ant-popover:visible').textContent()).toContain(title);
    expect(await page.getByTestId('apply-confirm').textContent()).toContain('不能撤回');
    await shot(page, 'account-seeker-apply-confirm', { fullPage: false });
    await page.locator('.ant-popover:visible').getByRole('button', { name: '确认投递' }).click();
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

  it('JOB-7 an unknown ID gets the same answer to a code request as a known one and cannot register', async () => {
    const known = await ledgerPerson('14010519880808202', '郑可知', { phone: '13912340002' });
    const knownPage = await session.freshPage();
    await openRegister(knownPage, '求职者');
    const knownAnswer = await requestSeekerCode(knownPage, known.idNumber, known.name);

    const first17 = '14010619850101301';
    const page = await session.freshPage();
    await openRegister(page, '求职者');
    expect(await requestSeekerCode(page, first17 + idCheckCharacter(first17), '周无名')).toBe(knownAnswer);
    await page.getByLabel('验证码').fill('123456');
    await fillAccount(page, '13812345602', 'Nobody2026');
    await page.getByRole('button', { name: /注\s?册/ }).click();
    await expect.poll(() => page.getByTestId('register-error').textContent()).toContain('验证码或激活码不正确或已失效');
    expect(await page.locator('.ant-form-item-explain-error').allTextContents(), 'the error is on the code field').toEqual([
      '验证码或激活码不正确或已失效',
    ]);
    expect(new URL(page.url()).pathname).toBe('/jobs/register');
    await page.setViewportSize(phone);
    await shot(page, 'account-register-unknown-mobile');
    await expectNoSidewaysScroll(page);
  });

  it('JOB-7 an employer new to the service registers with its credit code alone and posts a vacancy that waits for review', async () => {
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

  it('JOB-7 counter staff issue an activation code on the person page and print it; the seeker registers with it', async () => {
    const person = await ledgerPerson('14010519920612183', '吴新号');
    const staff = await session.freshPage();
    await staff.setViewportSize(laptop);
    await login(staff, clerk);
    await staff.goto(`/persons/${person.id}`);
    await staff.getByTestId('issue-activation-code').click();
    await expect.poll(() => staff.locator('.ant-modal-confirm').textContent()).toContain('请先核验本人身份证');
    await shot(staff, 'account-activation-confirm', { fullPage: false });
    await staff.getByRole('button', { name: '已核验，发放' }).click();
    const code = (await staff.getByTestId('activation-code').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const slip = (await staff.getByTestId('activation-slip').textContent())!;
    expect(slip).toContain('吴新号');
    expect(slip).toMatch(/有效期至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(slip).toContain('/jobs/register');
    await shot(staff, 'account-activation-code', { fullPage: false });

    // 打印 prints the slip alone: nothing of the app, the dialog's frame or its buttons.
    await staff.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await staff.getByRole('button', { name: /打\s?印/ }).click();
    expect(await staff.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await staff.emulateMedia({ media: 'print' });
    expect(await staff.getByRole('button', { name: /打\s?印/ }).isVisible()).toBe(false);
    expect(await staff.getByTestId('person-name').isVisible()).toBe(false);
    expect(await staff.getByTestId('activation-code').isVisible()).toBe(true);
    await shot(staff, 'account-activation-print', { fullPage: false });
    await staff.emulateMedia({ media: 'screen' });

    // Typed as a person would: lower case, without the dash.
    const page = await session.freshPage();
    await page.setViewportSize(phone);
    await openRegister(page, '求职者');
    await page.getByLabel('身份证号').fill(person.idNumber);
    await page.getByLabel('姓名').fill(person.name);
    await page.getByLabel('验证码').fill(code.replace('-', '').toLowerCase());
    await fillAccount(page, '13812345603', 'Counter2026');
    await expectNoSidewaysScroll(page);
    await shot(page, 'account-register-activation-mobile');
    await page.getByRole('button', { name: /注\s?册/ }).click();
    await page.waitForURL(/\/jobs\/me$/);
    await expect.poll(() => page.getByTestId('account-bar').textContent()).toContain('吴新号');
  });

  it('JOB-7 a registered employer needs a code: staff issue one on the employer page and the employer registers with it', async () => {
    const employer = await api<{ id: string; name: string; creditCode: string }>(
      'POST',
      '/api/v1/employers',
      {
        name: '太原恒顺物流有限公司',
        creditCode: buildCreditCode(),
        regionCode: '140105001001',
        industry: 'G',
        size: 'small',
        contactPhone: '13912340004',
      },
      clerk,
    );
    const page = await session.freshPage();
    await openRegister(page, '用人单位');
    await page.getByLabel('统一社会信用代码').fill(employer.creditCode);
    await page.getByLabel('单位名称').fill(employer.name);
    await fillAccount(page, '13812345611', 'Haul2026ok');
    await page.getByRole('button', { name: /注\s?册/ }).click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents()).toEqual(['请填写验证码或激活码']);
    expect(await page.getByTestId('register-error').textContent()).toContain('该单位已在公共就业服务机构登记');
    await page.getByTestId('request-code').click();
    await expect.poll(() => page.getByTestId('code-answer').textContent()).toContain(codeAnswer);
    // A requested code answers the missing code: its error and the form's message go.
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents()).toEqual([]);
    expect(await page.getByTestId('register-error').count()).toBe(0);
    await page.setViewportSize(phone);
    await shot(page, 'account-register-employer-code-mobile');
    await expectNoSidewaysScroll(page);

    const staff = await session.freshPage();
    await staff.setViewportSize(laptop);
    await login(staff, clerk);
    await staff.goto(`/employers/${employer.id}`);
    await staff.getByTestId('issue-activation-code').click();
    await expect.poll(() => staff.locator('.ant-modal-confirm').textContent()).toContain('营业执照');
    await staff.getByRole('button', { name: '已核验，发放' }).click();
    const code = (await staff.getByTestId('activation-code').textContent())!;
    expect(await staff.getByTestId('activation-slip').textContent()).toContain('/jobs/register?kind=employer');
    await shot(staff, 'account-activation-employer', { fullPage: false });

    await page.getByLabel('验证码').fill(code);
    await page.getByRole('button', { name: /注\s?册/ }).click();
    await page.waitForURL(/\/jobs\/me$/);
    await expect.poll(() => page.getByTestId('employer-profile').textContent()).toContain(employer.creditCode);
  });

  it('JOB-7 待发短信 lists the texts in scope for the counter to read out; the seeker registers with the code read there', async () => {
    const person = await ledgerPerson('14010519950120324', '冯待发', { phone: '13912340005' });
    const page = await session.freshPage();
    await openRegister(page, '求职者');
    await requestSeekerCode(page, person.idNumber, person.name);

    const staff = await session.freshPage();
    await staff.setViewportSize(laptop);
    await login(staff, clerk);
    await staff.getByRole('menuitem', { name: /待发短信/ }).click();
    await staff.waitForURL(/\/sms-outbox$/);
    expect(await staff.getByTestId('sms-outbox-note').textContent()).toContain('核验其身份证');
    const row = staff.locator('.ant-table-row').filter({ hasText: masked('13912340005') });
    await row.waitFor();
    expect(await row.textContent()).toContain('求职者注册验证码');
    expect(await row.getByTestId('sms-status').textContent()).toBe('待发（由窗口告知）');
    expect(await row.textContent(), 'the full phone number is not shown').not.toContain('13912340005');
    const code = (await row.getByTestId('sms-code').textContent())!;
    expect(code).toMatch(/^\d{6}$/);
    await shot(staff, 'account-sms-outbox');
    const file = staff.waitForEvent('download');
    await staff.getByRole('button', { name: /导出 Excel/ }).click();
    expect((await file).suggestedFilename()).toBe('待发短信.xlsx');

    await page.getByLabel('验证码').fill(code);
    await fillAccount(page, '13812345604', 'Outbox2026');
    await page.getByRole('button', { name: /注\s?册/ }).click();
    await page.waitForURL(/\/jobs\/me$/);
    await expect.poll(() => page.getByTestId('account-bar').textContent()).toContain('冯待发');
  });
});
