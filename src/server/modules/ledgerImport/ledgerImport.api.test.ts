import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffMember } from '../../testing/factories.js';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { ledgerXlsx, makeLedgerRows } from '../../testing/ledgerFile.js';

let t: TestApp;
let clerk: { authorization: string };
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const communities = ['140105001001', '140105001002', '140105001003', '140105001004'];

beforeAll(async () => {
  t = await createTestApp({ demo: true, now: () => new Date('2026-11-23T04:00:00Z') });
  clerk = (await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] })).auth;
});
afterAll(() => t.close());

const upload = (body: Buffer) =>
  t.app.inject({ method: 'POST', url: '/api/v1/persons/import', headers: { ...clerk, 'content-type': xlsx }, payload: body });
const count = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/persons?pageSize=1', headers: clerk })).json().total as number;

describe('REG-7 ledger import from Excel: all rows or none', () => {
  it('REG-7 the template downloads with the ledger columns', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/persons/import-template', headers: clerk });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).getCell(1).text).toBe('身份证号*');
  });

  it('REG-7 a 1,000-row file with 3 bad rows imports nothing and returns exactly those 3 with reasons; fixed, it imports 1,000; again, it adds nothing', async () => {
    const rows = makeLedgerRows(1000, communities, 7);
    const broken = rows.map((r) => ({ ...r }));
    broken[10]!.idNumber = broken[10]!.idNumber.slice(0, 17) + (broken[10]!.idNumber.endsWith('1') ? '2' : '1');
    broken[500]!.regionCode = '140105002001';
    broken[999]!.householdType = '城市';
    const before = await count();
    const rejected = await upload(await ledgerXlsx(broken));
    expect(rejected.statusCode).toBe(400);
    const body = rejected.json() as {
      code: string;
      rejectedCount: number;
      errors: { path: string; message: string }[];
      rejectedRowsXlsx: string;
    };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.rejectedCount).toBe(3);
    expect(body.errors.map((e) => e.path)).toEqual(['/rows/12', '/rows/502', '/rows/1001']);
    expect(body.errors[0]!.message).toContain('校验位');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(body.rejectedRowsXlsx, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).getCell(sheet.columnCount).text).toBe('错误原因');
    expect(sheet.getRow(3).getCell(sheet.columnCount).text).toContain('不是您管辖范围内的社区');
    expect(await count()).toBe(before);

    const ok = await upload(await ledgerXlsx(rows));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ rows: 1000, imported: 1000, unchanged: 0 });
    expect(await count()).toBe(before + 1000);
    const again = await upload(await ledgerXlsx(rows));
    expect(again.json()).toEqual({ rows: 1000, imported: 0, unchanged: 1000 });
    expect(await count()).toBe(before + 1000);
  });
});

describe('REG-3 / NET-2 a ledger once imported', () => {
  // Its own ledger, made distinct from the 1,000 rows above, imported before these tests.
  const used = new Set<string>();
  makeLedgerRows(1000, communities, 7, used);
  const imported = makeLedgerRows(40, communities, 8, used);
  beforeAll(async () => {
    const res = await upload(await ledgerXlsx(imported));
    expect(res.json()).toEqual({ rows: 40, imported: 40, unchanged: 0 });
  });

  it('REG-3 imported registrations become events and status: 失业 rows are registered unemployed', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/persons?status=unemployed&pageSize=1', headers: clerk });
    const person = res.json().items[0] as { id: string; statusSince: string };
    const events = await t.app.inject({ method: 'GET', url: `/api/v1/persons/${person.id}/registrations`, headers: clerk });
    expect(events.json()).toEqual([
      expect.objectContaining({ type: 'unemployment', date: person.statusSince, details: { source: 'import' } }),
    ]);
    const certificate = await t.app.inject({ method: 'GET', url: `/api/v1/persons/${person.id}/certificate`, headers: clerk });
    expect(certificate.json()).toMatchObject({
      certificateNo: expect.stringMatching(/^1401052025\d{6}$/),
      status: 'valid',
      history: [{ action: 'issue', date: person.statusSince }],
    });
    const unemployed = (await t.app.inject({ method: 'GET', url: '/api/v1/persons?status=unemployed&pageSize=100', headers: clerk })).json()
      .items as { certificateNo: string }[];
    expect(new Set(unemployed.map((p) => p.certificateNo)).size).toBe(unemployed.length);
  });

  it('NET-2 a file naming a person already registered in another street is rejected for that row', async () => {
    const other = (await createStaffMember(t, { regionCode: '140105002000', roles: ['clerk'] })).auth;
    const rows = makeLedgerRows(2, ['140105002001'], 99, used);
    const existing = imported[0]!;
    rows.push({ ...existing, regionCode: '140105002001' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/persons/import',
      headers: { ...other, 'content-type': xlsx },
      payload: await ledgerXlsx(rows),
    });
    expect(res.json()).toMatchObject({ rejectedCount: 1, errors: [{ path: '/rows/4' }] });
  });
});
