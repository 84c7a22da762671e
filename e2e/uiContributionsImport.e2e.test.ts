// UI-1 in a real browser: a UI officer imports the collector's monthly file on 失业保险缴费. A file
// with a bad row stores nothing and shows the row and its reason, with the rejected rows to
// download; the corrected file (CSV) stores every row, and the person's account shows the months.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { contributionSheet } from '../src/server/modules/ui/index.js';
import { buildIdNumber, createEmployer, createPerson, createStaffMember, factoryPassword } from '../src/server/testing/factories.js';
import { loginAs } from '../src/server/testing/testApp.js';
import { shanghaiToday } from '../src/web/format.js';
import { login, shot, useBrowserSession } from './support/harness.js';

const session = useBrowserSession();
const today = shanghaiToday();

/** The month `n` months before this one, 'YYYY-MM'. */
function monthsBack(n: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const months = [monthsBack(3), monthsBack(2), monthsBack(1)];
const people = [
  { name: '贺建平', idNumber: buildIdNumber({ birthDate: '1979-03-08', sex: 'M' }) },
  { name: '柴秀兰', idNumber: buildIdNumber({ birthDate: '1985-11-21', sex: 'F' }) },
];
let officer = '';
let employer = { name: '', creditCode: '' };

type Row = { idNumber: string; name: string; creditCode: string; employerName: string; month: string; baseYuan: string; paidYuan: string };
const rows = (): Row[] =>
  people.flatMap((p) =>
    months.map((month) => ({
      idNumber: p.idNumber,
      name: p.name,
      creditCode: employer.creditCode,
      employerName: employer.name,
      month,
      baseYuan: '4800.00',
      paidYuan: '24.00',
    })),
  );

beforeAll(async () => {
  const t = session.test;
  const clerk = await loginAs(t.app, 'c140105001001_clerk');
  officer = (await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer'], name: '坞城街道失业保险经办员' })).username;
  const jobOfficer = await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] });
  employer = await createEmployer(t, jobOfficer.auth, { name: '太原晋阳纺织有限公司' });
  for (const p of people) await createPerson(t, clerk, { ...p, regionCode: '140105001001' });
});

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.locator('.ant-modal:visible input[type=file]').setInputFiles({ name, mimeType, buffer });
}

describe('UI-1 the collector file import in the browser', () => {
  it('UI-1 a file with a bad row stores nothing and names it; the corrected CSV stores all rows and the account shows them', async () => {
    const page = await session.freshPage();
    await page.goto('/');
    await login(page, officer, factoryPassword);
    await page.waitForURL(/\/ui\/claims\/new$/);
    await page.getByRole('menuitem', { name: /失业保险缴费/ }).click();
    await page.waitForURL(/\/ui\/contributions$/);
    await page.getByRole('button', { name: '导入征缴文件' }).click();
    const dialog = page.locator('.ant-modal:visible');
    await poll(() => dialog.textContent()).toContain('导入征缴文件（失业保险缴费）');

    const [template] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '下载导入模板' }).click()]);
    expect(template.suggestedFilename()).toContain('失业保险缴费导入模板');

    const bad = rows();
    bad[4] = { ...bad[4]!, name: '柴秀英' }; // line 6: not the ledger's name
    await upload(
      page,
      '征缴文件-有误.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      await contributionSheet(bad),
    );
    const rejected = page.getByTestId('contributions-import-rejected');
    await poll(() => rejected.textContent()).toContain('共 1 行有误，未导入任何缴费记录');
    const errorRow = rejected.locator('.ant-table-row');
    expect(await errorRow.count()).toBe(1);
    expect(await errorRow.first().textContent()).toContain('6');
    expect(await errorRow.first().textContent()).toContain('姓名与台账不符（台账中为“柴秀兰”）');
    await shot(page, 'ui-contributions-import-rejected', { fullPage: false });
    const [download] = await Promise.all([page.waitForEvent('download'), rejected.getByRole('button', { name: '下载未导入的行' }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(2);
    expect(wb.worksheets[0]!.getRow(2).getCell(wb.worksheets[0]!.columnCount).text).toContain('姓名与台账不符');

    const csv =
      '\ufeff身份证号,姓名,统一社会信用代码,单位名称,缴费月份(YYYY-MM),缴费基数(元),实缴金额(元)\r\n' +
      rows()
        .map((r) => [r.idNumber, r.name, r.creditCode, r.employerName, r.month, r.baseYuan, r.paidYuan].join(','))
        .join('\r\n');
    await upload(page, '征缴文件.csv', 'text/csv', Buffer.from(csv));
    const done = page.getByTestId('contributions-import-done');
    await poll(() => done.textContent()).toContain('导入完成：新增 6 条缴费记录');
    expect(await done.textContent()).toContain('共 6 行；0 行此前已记录');
    await shot(page, 'ui-contributions-import-done', { fullPage: false });

    await upload(page, '征缴文件.csv', 'text/csv', Buffer.from(csv));
    await poll(() => done.textContent()).toContain('新增 0 条缴费记录');
    expect(await done.textContent()).toContain('6 行此前已记录');
    await dialog.locator('.ant-modal-close').click();

    const select = page.locator('#ui-contribution-person');
    await select.click();
    await page.keyboard.type(people[1]!.name);
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: people[1]!.name,
    });
    await poll(() => option.count()).toBe(1);
    await option.click();
    const summary = page.getByTestId('ui-account-summary');
    await poll(() => summary.textContent()).toContain('累计缴费3 个月');
    const accountMonths = page.getByTestId('ui-account-months');
    expect(await accountMonths.locator('.ant-table-row', { hasText: months[2]! }).textContent()).toContain('4,800.00');
    await shot(page, 'ui-contributions-imported-account');
  });
});
