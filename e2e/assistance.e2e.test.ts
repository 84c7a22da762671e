// AID-1 in a real browser, as the city centre's reviewer: a registered unemployed woman of 45 is
// proposed as a “4050” person with the rule's reasons on her page; the reviewer recognises her
// with the evidence seen, finds her in 困难人员认定, and revokes it with a reason (kept in the history).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildIdNumber, createPerson } from '../src/server/testing/factories.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { shanghaiToday } from '../src/web/format.js';
import { choose, confirmDialog, login, shot, useBrowserSession } from './support/harness.js';

const session = useBrowserSession();
const reviewer = 'taiyuan_reviewer';
const name = '王秀兰';
let page: Page;
let personId: string;

const card = () => page.getByTestId('hard-to-employ-card');
const dialog = () => page.locator('.ant-modal:visible').last();

describe('AID-1 就业困难人员认定 in the browser', () => {
  it('AID-1 the reviewer sees the 4050 proposal with its reasons and recognises it with the evidence', async () => {
    const year = Number(shanghaiToday().slice(0, 4));
    const admin = await loginAs(session.test.app, 'admin');
    const person = await createPerson(session.test, admin, {
      idNumber: buildIdNumber({ birthDate: `${year - 45}-03-08`, sex: 'F' }),
      name,
      regionCode: '140105001001',
      unemployedSince: shanghaiToday(),
    });
    personId = person.id;
    page = await session.freshPage();
    await page.goto('/');
    await login(page, reviewer);
    await page.goto(`/persons/${personId}`);
    const proposal = card().getByTestId('proposed-person_4050');
    await proposal.waitFor();
    expect(await proposal.textContent()).toContain('“4050”人员');
    expect(await proposal.textContent()).toContain('年满 45 周岁，达到 40 周岁');
    expect(await proposal.textContent()).toContain('中发〔2002〕12号');
    await card().scrollIntoViewIfNeeded();
    await shot(page, 'aid1-proposed');

    await proposal.getByRole('button', { name: /认\s*定/ }).click();
    await dialog().getByTestId('recognise-rule').waitFor();
    expect(await dialog().getByTestId('recognise-rule').textContent()).toContain('今天符合“4050”人员的认定条件');
    await dialog().getByLabel('核验的证明材料').fill('身份证、就业失业登记证');
    await shot(page, 'aid1-recognise-dialog', { fullPage: false });
    await confirmDialog(page, '认定');
    await dialog().waitFor({ state: 'hidden' });
    await expect.poll(() => card().getByTestId('recognised-tags').textContent()).toContain('“4050”人员');
    expect(await card().getByTestId('proposed').textContent()).toContain('没有符合条件而尚未认定的类别');
    expect(await card().getByTestId('recognition-history').locator('.ant-table-row').allTextContents()).toEqual([
      expect.stringMatching(/“4050”人员.*身份证、就业失业登记证.*有效/),
    ]);
    await card().scrollIntoViewIfNeeded();
    await shot(page, 'aid1-recognised');
  });

  it('AID-1 the overview 困难人员认定 lists her; revoking keeps the record with its reason', async () => {
    await page.getByRole('menuitem', { name: /困难人员认定/ }).click();
    await page.waitForURL(/\/assistance\/recognitions/);
    const row = page.locator('.ant-table-row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain('有效');
    await shot(page, 'aid1-overview');

    await row.getByRole('link', { name }).click();
    await page.waitForURL(new RegExp(`/persons/${personId}$`));
    const history = card().getByTestId('recognition-history');
    await history.getByRole('button', { name: /撤\s*销/ }).click();
    await dialog().getByLabel('撤销原因').fill('复核发现已实现灵活就业');
    await confirmDialog(page, '撤销');
    await dialog().waitFor({ state: 'hidden' });
    await expect.poll(() => history.locator('.ant-table-row').first().textContent()).toContain('已撤销');
    expect(await history.locator('.ant-table-row').first().textContent()).toContain('复核发现已实现灵活就业');
    expect(await card().getByTestId('recognised-none').isVisible()).toBe(true);
    await card().scrollIntoViewIfNeeded();
    await shot(page, 'aid1-revoked');
  });

  it('AID-1 a 45-year-old man is not proposed; recognising him needs the written override reason, shown in his record', async () => {
    const year = Number(shanghaiToday().slice(0, 4));
    const admin = await loginAs(session.test.app, 'admin');
    const man = await createPerson(session.test, admin, {
      idNumber: buildIdNumber({ birthDate: `${year - 45}-02-02`, sex: 'M' }),
      name: '刘建军',
      regionCode: '140105001001',
      unemployedSince: shanghaiToday(),
    });
    await page.goto(`/persons/${man.id}`);
    await card().getByTestId('proposed').waitFor();
    expect(await card().getByTestId('proposed').textContent()).toContain('没有符合条件而尚未认定的类别');
    await card().getByRole('button', { name: '其他类别认定' }).click();
    await choose(page, dialog().getByLabel('认定类别'), '“4050”人员');
    await expect.poll(() => dialog().getByTestId('recognise-rule').textContent()).toContain('未达到 50 周岁');
    await dialog().getByLabel('核验的证明材料').fill('街道会审记录');
    await confirmDialog(page, '认定');
    await expect.poll(() => dialog().getByText('不符合规则时须填写认定理由').count()).toBe(1);
    await dialog().getByLabel('破格认定理由').fill('长期病休，经街道会审确认就业困难');
    await expect.poll(() => dialog().getByText('不符合规则时须填写认定理由').count()).toBe(0);
    await shot(page, 'aid1-override-dialog', { fullPage: false });
    await confirmDialog(page, '认定');
    await dialog().waitFor({ state: 'hidden' });
    await expect.poll(() => card().getByTestId('recognised-tags').textContent()).toContain('“4050”人员');
    expect(await card().getByTestId('recognition-history').textContent()).toContain('破格认定：长期病休，经街道会审确认就业困难');
  });
});
