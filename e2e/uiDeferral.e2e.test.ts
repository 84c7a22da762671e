// UI-4 and UI-2 in a real browser: on the claim page the UI officer names the claimant's caseworker
// (指定经办人) and sees the person's best job matches; the claimant registers employment, the claim
// stops (条例第十五条第（一）项), and the officer signs the deferral agreement (签订缓发协议, seed 002
// §(八)) keeping the unused months the server computes; 缓发协议 shows the year's rate against the
// 100 % target, first missing the claimant, then met. A city-level leader opens 缓发协议 on the
// city's own figures and picks an area below with the region picker: a district without such
// claims, then the claimant's district and street.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  buildIdNumber,
  createEmployer,
  createPerson,
  createStaffMember,
  factoryPassword,
  type Auth,
} from '../src/server/testing/factories.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { shanghaiToday } from '../src/web/format.js';
import { monthsBack, sendAs } from './support/arrange.js';
import { choose, login, shot, useBrowserSession } from './support/harness.js';

const session = useBrowserSession();
const today = shanghaiToday();
const claimant = '卢晓东';
const caseworker = '坞城街道就业指导员';
const staff = { officer: '', cityLeader: '' };
let claimId = '';
let clerk: Auth;
let personId = '';
let entitlementMonths = 0;

/** Polls up to 10 s: a page's loads share two cores with the server and the browser. */
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const dialog = (page: Page) => page.locator('.ant-modal:visible').last();
const menuLabels = (page: Page) => page.locator('.ant-layout-sider .ant-menu-item').allTextContents();

beforeAll(async () => {
  const t = session.test;
  clerk = await loginAs(t.app, 'c140105001001_clerk');
  const officer = await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer'], name: '坞城街道失业保险经办员' });
  await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer', 'clerk'], name: caseworker });
  const reviewer = await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] });
  const jobOfficer = await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] });
  staff.officer = officer.username;
  staff.cityLeader = (await createStaffMember(t, { regionCode: '140100000000', roles: ['leader'], name: '太原市分管领导' })).username;
  const employer = await createEmployer(t, jobOfficer.auth, { name: '太原华晟机电有限公司' });
  const person = await createPerson(t, clerk, {
    idNumber: buildIdNumber({ birthDate: '1985-09-02', sex: 'M' }),
    name: claimant,
    regionCode: '140105001001',
    unemployedSince: monthsBack(2, 15),
  });
  personId = person.id;
  await sendAs(t, clerk, `/persons/${personId}/registrations`, { type: 'job_seeking', date: monthsBack(2, 15) });
  const items = Array.from({ length: 14 }, (_, i) => ({
    personId,
    employerId: employer.id,
    month: monthsBack(2 + i).slice(0, 7),
    baseFen: 400_000,
    paidFen: 2_000,
  }));
  await sendAs(t, officer.auth, '/ui/contributions', { items }, { status: 200 });
  const claim = await sendAs<{ id: string; entitlementMonths: number }>(t, officer.auth, '/ui/claims', {
    personId,
    separationDate: monthsBack(2, 10),
    separationReason: 'employer_bankrupt',
  });
  claimId = claim.id;
  entitlementMonths = claim.entitlementMonths;
  await sendAs(t, reviewer.auth, `/ui/claims/${claimId}/decision`, { decision: 'approve', comment: '材料齐全，同意' }, { status: 200 });
});

describe('UI-4 caseworker and UI-2 deferral agreement in the browser', () => {
  it('UI-4 the officer names the claimant’s caseworker on the claim page, which shows the person’s job matches', async () => {
    const page = await session.freshPage();
    await login(page, staff.officer, factoryPassword);
    expect(await menuLabels(page)).toEqual(expect.arrayContaining(['失业保险金申领', '缓发协议']));
    await page.goto(`/ui/claims/${claimId}`);
    const card = page.getByTestId('claim-caseworker');
    await poll(() => card.getByTestId('caseworker-name').textContent()).toBe('未指定');
    await poll(() => card.getByTestId('claim-matches').count()).toBe(1);
    expect(await card.textContent(), 'referrals are made on the person page by the employment service').toContain(
      '人员页面“推荐岗位”中办理',
    );
    expect(
      await page
        .getByTestId('claim-deferral')
        .getByRole('button', { name: /签订缓发协议/ })
        .count(),
      'not stopped yet',
    ).toBe(0);
    await card.getByRole('button', { name: /指定经办人/ }).click();
    await dialog(page).getByLabel('经办人').click();
    await page.keyboard.type(caseworker);
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: caseworker });
    await poll(() => option.count()).toBe(1);
    await option.click();
    await dialog(page)
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await poll(() => card.getByTestId('caseworker-name').textContent()).toBe(`${caseworker}（${today} 起）`);
    expect(await card.getByRole('button', { name: /更换经办人/ }).count()).toBe(1);
    await shot(page, 'ui-claim-caseworker');
  });

  it('UI-2 seed 002 §(八): the claimant is re-employed, the claim stops, the officer signs the deferral agreement and 缓发协议 shows the rate met', async () => {
    const page = await session.freshPage();
    await login(page, staff.officer, factoryPassword);
    // Before re-employment: nothing to count this year.
    await page.getByRole('menuitem', { name: /缓发协议/ }).click();
    await page.waitForURL(/\/ui\/deferrals$/);
    await poll(() => page.getByTestId('deferral-rate').textContent()).toContain('当年无重新就业停发的申领');
    await sendAs(session.test, clerk, `/persons/${personId}/registrations`, {
      type: 'employment',
      date: today,
      employmentForm: 'flexible',
    });
    await page.reload();
    await poll(() => page.getByTestId('deferral-met').textContent()).toBe('未达标');
    const missing = page.locator('.ant-table-row', { hasText: claimant });
    await poll(() => missing.count()).toBe(1);
    expect(await missing.textContent()).toContain(caseworker);
    await shot(page, 'ui-deferrals-missing');
    await missing.getByRole('link', { name: claimant }).click();
    await page.waitForURL(new RegExp(`/ui/claims/${claimId}$`));
    await poll(() => page.getByTestId('claim-status').textContent()).toBe('已停发');
    const deferral = page.getByTestId('claim-deferral');
    expect(await deferral.getByTestId('deferral-none').textContent()).toContain('尚未签订缓发协议');
    expect(await page.getByTestId('claim-caseworker').getByRole('button').count(), 'an ended claim keeps its caseworker').toBe(0);
    await deferral.getByRole('button', { name: /签订缓发协议/ }).click();
    expect(await dialog(page).textContent()).toContain(`领取期限 ${entitlementMonths} 个月，已发放 0 个月`);
    await dialog(page).getByLabel('备注').fill('已到新单位上班，本人签字');
    await shot(page, 'ui-deferral-sign');
    await dialog(page)
      .getByRole('button', { name: /签\s*订/ })
      .click();
    await poll(() => deferral.getByTestId('deferral-kept').textContent()).toBe(`${entitlementMonths} 个月`);
    expect(await deferral.getByRole('button', { name: /签订缓发协议/ }).count(), 'one agreement per claim').toBe(0);
    expect(await deferral.textContent()).toContain('已到新单位上班，本人签字');
    await shot(page, 'ui-claim-deferral');
    await page.getByRole('menuitem', { name: /缓发协议/ }).click();
    await page.waitForURL(/\/ui\/deferrals$/);
    await poll(() => page.getByTestId('deferral-met').textContent()).toBe('达标');
    expect(await page.getByTestId('deferral-rate').textContent()).toContain('§(八)');
    await poll(() => page.getByTestId('list-empty').count()).toBe(1);
    await shot(page, 'ui-deferrals-met');
  });

  it('UI-2 seed 002 §(八): a city-level leader sees the city’s rate by default and picks an area below it with the region picker', async () => {
    const page = await session.freshPage();
    await login(page, staff.cityLeader, factoryPassword);
    await page.getByRole('menuitem', { name: /缓发协议/ }).click();
    await page.waitForURL(/\/ui\/deferrals$/);
    const title = page.locator('.ant-card-head-title').first();
    await poll(() => title.textContent()).toBe('缓发协议签订率 · 太原市');
    const rate = page.getByTestId('deferral-rate');
    const reemployed = async () => Number(/领取期间重新就业停发(\d+)人次/.exec((await rate.textContent()) ?? '')?.[1] ?? NaN);
    await poll(reemployed).toBeGreaterThanOrEqual(1);
    // A district without claims stopped by re-employment this year.
    await choose(page, page.getByLabel('选择区县'), '迎泽区');
    await poll(() => title.textContent()).toBe('缓发协议签订率 · 迎泽区');
    await poll(() => rate.textContent()).toContain('当年无重新就业停发的申领');
    expect(await reemployed()).toBe(0);
    await poll(() => page.getByTestId('list-empty').count()).toBe(1);
    // The claimant's district, then their street: signed, so the street meets the target.
    await choose(page, page.getByLabel('选择区县'), '小店区');
    await poll(() => title.textContent()).toBe('缓发协议签订率 · 小店区');
    await poll(reemployed).toBeGreaterThanOrEqual(1);
    await choose(page, page.getByLabel('选择街道乡镇'), '坞城街道', { search: true });
    await poll(() => title.textContent()).toBe('缓发协议签订率 · 坞城街道');
    await poll(() => page.getByTestId('deferral-met').textContent()).toBe('达标');
    expect(await reemployed()).toBe(1);
    expect(await page.locator('.ant-table-row', { hasText: claimant }).count(), 'signed: not on the missing list').toBe(0);
    await shot(page, 'ui-deferrals-region');
  });
});
