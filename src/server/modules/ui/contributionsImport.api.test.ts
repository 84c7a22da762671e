// UI-1 bulk import of the collector's monthly contribution file, on PGlite and on PostgreSQL: people
// by ID number, employers by credit code, amounts in yuan; all rows stored (and the fund's income
// posted once, per region and month) or none, with the rejected rows and their reasons, also when
// the import fails after writing chunks; rows invisible to readers until applied; idempotent per
// person, employer and month, two imports at once included; .xlsx and CSV (UTF-8 with or without
// BOM, GBK); jurisdiction and roles.
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmployer, createPerson, createStaffMember, type Auth } from '../../testing/factories.js';
import { createTestApp, queryRows, type TestApp } from '../../testing/testApp.js';
import type { Ctx } from '../../platform/context.js';
import { contributionSheet, importContributions } from './contributionsImport.js';

let t: TestApp;
let clerk: Auth;
let officer: Auth;
let officerCtx: Ctx;
let otherClerk: Auth;
let jobOfficer: Auth;
let finance: Auth;
let reviewer: Auth;
let employer: { id: string; name: string; creditCode: string };
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-23T04:00:00Z') });
  clerk = (await createStaffMember(t, { regionCode: '140105001000', roles: ['clerk'] })).auth;
  const member = await createStaffMember(t, { regionCode: '140105001000', roles: ['ui_officer'] });
  officer = member.auth;
  officerCtx = {
    ...t.systemCtx,
    requestId: 'contributions-import-test',
    actor: {
      id: member.id,
      username: member.username,
      name: member.name,
      unitId: member.unit.id,
      scope: '140105001',
      roles: ['ui_officer'],
    },
  };
  otherClerk = (await createStaffMember(t, { regionCode: '140106000000', roles: ['clerk'] })).auth;
  jobOfficer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['job_officer'] })).auth;
  finance = (await createStaffMember(t, { regionCode: '140105000000', roles: ['finance'] })).auth;
  reviewer = (await createStaffMember(t, { regionCode: '140105000000', roles: ['reviewer'] })).auth;
  employer = await createEmployer(t, jobOfficer);
}, 120_000);
afterAll(() => t?.close());

type Row = { idNumber: string; name: string; creditCode: string; employerName: string; month: string; baseYuan: string; paidYuan: string };
type Person = { id: string; name: string; idNumber: string };

const rowOf = (p: Person, month: string, baseYuan = '4500.00', paidYuan = '22.50'): Row => ({
  idNumber: p.idNumber,
  name: p.name,
  creditCode: employer.creditCode,
  employerName: employer.name,
  month,
  baseYuan,
  paidYuan,
});

const header = '身份证号,姓名,统一社会信用代码,单位名称,缴费月份(YYYY-MM),缴费基数(元),实缴金额(元)';
const csvOf = (rows: Row[]) =>
  [header, ...rows.map((r) => [r.idNumber, r.name, r.creditCode, `"${r.employerName}"`, r.month, r.baseYuan, r.paidYuan].join(','))].join(
    '\r\n',
  ) + '\r\n';

const upload = (body: Buffer, contentType = xlsxType, as: Auth = officer) =>
  t.app.inject({ method: 'POST', url: '/api/v1/ui/contributions/import', headers: { ...as, 'content-type': contentType }, payload: body });

async function people(n: number): Promise<Person[]> {
  const list: Person[] = [];
  for (let i = 0; i < n; i++) list.push(await createPerson(t, clerk));
  return list;
}

async function storedOf(persons: Person[]) {
  const [row] = await queryRows<{ n: string; paid: string }>(
    t.handle.db,
    sql`SELECT count(*)::text AS n, coalesce(sum(paid_fen), 0)::text AS paid FROM ui_contributions WHERE person_id IN (${sql.join(
      persons.map((p) => sql`${p.id}::uuid`),
      sql`, `,
    )})`,
  );
  return { rows: Number(row!.n), paidFen: Number(row!.paid) };
}

/** Income transfers posted by file imports. */
async function importTransfers() {
  const [row] = await queryRows<{ n: string }>(
    t.handle.db,
    sql`SELECT count(*)::text AS n FROM ui_fund_transfers WHERE source_type = 'ui_contribution_import'`,
  );
  return Number(row!.n);
}

async function unappliedBatches() {
  const [row] = await queryRows<{ n: string }>(
    t.handle.db,
    sql`SELECT count(*)::text AS n FROM ui_contribution_import_batches WHERE applied_at IS NULL`,
  );
  return Number(row!.n);
}

async function contributionIncomeFen() {
  const [row] = await queryRows<{ n: string }>(
    t.handle.db,
    sql`SELECT coalesce(sum(amount_fen), 0)::text AS n FROM ui_fund_transfers WHERE kind = 'contribution' AND status = 'posted'`,
  );
  return Number(row!.n);
}

describe('UI-1 the collector file import: all rows or none, once per person, employer and month', () => {
  it('UI-1 the template downloads with the collector columns in Chinese', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/ui/contributions/import-template', headers: officer });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(xlsxType);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const headerRow = wb.worksheets[0]!.getRow(1);
    expect(Array.from({ length: 7 }, (_, i) => headerRow.getCell(i + 1).text)).toEqual(header.split(','));
  });

  it('UI-1 a valid .xlsx file stores every row and posts the income once; the same file again changes nothing', async () => {
    const persons = await people(3);
    const rows = persons.flatMap((p) => ['2026-08', '2026-09', '2026-10'].map((m) => rowOf(p, m, '4,500.00', '22.5')));
    const file = await contributionSheet(rows);
    const incomeBefore = await contributionIncomeFen();
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 9, inserted: 9, unchanged: 0 });
    expect(await storedOf(persons)).toEqual({ rows: 9, paidFen: 9 * 2250 });
    expect(await contributionIncomeFen()).toBe(incomeBefore + 9 * 2250);
    const account = (await t.app.inject({ method: 'GET', url: `/api/v1/persons/${persons[0]!.id}/ui-account`, headers: officer })).json();
    expect(account.months.map((m: { month: string; baseFen: number }) => [m.month, m.baseFen])).toEqual([
      ['2026-08', 450_000],
      ['2026-09', 450_000],
      ['2026-10', 450_000],
    ]);

    const again = await upload(file);
    expect(again.json()).toEqual({ rows: 9, inserted: 0, unchanged: 9 });
    expect(await storedOf(persons)).toEqual({ rows: 9, paidFen: 9 * 2250 });
    expect(await contributionIncomeFen()).toBe(incomeBefore + 9 * 2250);

    const [audit] = await queryRows<{ after: { rows: number; inserted: number } }>(
      t.handle.db,
      sql`SELECT after FROM audit_log WHERE action = 'import' AND entity = 'ui_contribution' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit!.after).toMatchObject({ rows: 9, inserted: 9, unchanged: 0 });
  });

  it('UI-1 one bad row stores nothing: 422 names the row and the reason, and the rejected rows come as Excel', async () => {
    const persons = await people(3);
    const rows = persons.map((p) => rowOf(p, '2026-10'));
    rows.push({ ...rowOf(persons[0]!, '2026-09'), paidYuan: '5000' }); // line 5: paid above base
    rows.push({ ...rowOf(persons[1]!, '2026-09'), name: '王五' }); // line 6: not the ledger's name
    rows.push({ ...rowOf(persons[2]!, '2026-12') }); // line 7: a future month
    rows.push({ ...rowOf(persons[2]!, '2026-08'), paidYuan: '22.505' }); // line 8: three decimals
    rows.push({ ...rowOf(persons[2]!, '2026-10') }); // line 9: the key of line 4 again
    const incomeBefore = await contributionIncomeFen();
    const res = await upload(await contributionSheet(rows));
    expect(res.statusCode).toBe(422);
    const body = res.json() as {
      code: string;
      rejectedCount: number;
      rejectedRowsXlsx: string;
      errors: { path: string; message: string }[];
    };
    expect(body.code).toBe('RULE_VIOLATION');
    expect(body.rejectedCount).toBe(5);
    expect(body.errors.map((e) => e.path)).toEqual(['/rows/5', '/rows/6', '/rows/7', '/rows/8', '/rows/9']);
    expect(body.errors[0]!.message).toContain('实缴金额不能大于缴费基数');
    expect(body.errors[1]!.message).toContain('姓名与台账不符');
    expect(body.errors[2]!.message).toContain('不能晚于本月');
    expect(body.errors[3]!.message).toContain('最多两位小数');
    expect(body.errors[4]!.message).toContain('与第 4 行');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(body.rejectedRowsXlsx, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(1).getCell(sheet.columnCount).text).toBe('错误原因');
    expect(sheet.getRow(3).getCell(1).text).toBe('6');
    expect(sheet.getRow(3).getCell(sheet.columnCount).text).toContain('姓名与台账不符');
    expect(await storedOf(persons)).toEqual({ rows: 0, paidFen: 0 });
    expect(await contributionIncomeFen()).toBe(incomeBefore);
  });

  it('UI-1 an ID number not in the ledger, another district’s person and an unknown employer are row errors; a stored month with other amounts too', async () => {
    const [mine] = await people(1);
    const elsewhere = await createPerson(t, otherClerk, { regionCode: '140106001001' });
    const unknown = { ...mine!, idNumber: '11010519491231002X', name: '张三' };
    const ok = await upload(await contributionSheet([rowOf(mine!, '2026-07')]));
    expect(ok.json()).toEqual({ rows: 1, inserted: 1, unchanged: 0 });
    const res = await upload(
      await contributionSheet([
        rowOf(mine!, '2026-06'),
        rowOf(elsewhere, '2026-06'),
        rowOf(unknown, '2026-06'),
        { ...rowOf(mine!, '2026-05'), creditCode: '91140105MA0GRQ5X11' },
        rowOf(mine!, '2026-07', '4500', '30'),
      ]),
    );
    expect(res.statusCode).toBe(422);
    const messages = (res.json() as { errors: { path: string; message: string }[] }).errors.map((e) => [e.path, e.message]);
    expect(messages.map(([path]) => path)).toEqual(['/rows/3', '/rows/4', '/rows/5', '/rows/6']);
    expect(messages[0]![1]).toContain('台账中没有该身份证号');
    expect(messages[1]![1]).toContain('台账中没有该身份证号');
    expect(messages[2]![1]).toContain('没有统一社会信用代码为 91140105MA0GRQ5X11 的用人单位');
    expect(messages[3]![1]).toContain('2026-07 已记录缴费基数 4500.00 元、实缴 22.50 元');
    expect(await storedOf([mine!, elsewhere])).toEqual({ rows: 1, paidFen: 2250 });
  });

  it('UI-1 CSV files: UTF-8 with a BOM, UTF-8 without, and GBK as collectors often send, in any of the month spellings', async () => {
    const persons = await people(3);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvOf([rowOf(persons[0]!, '2026-10')]))]);
    expect((await upload(withBom, 'text/csv')).json()).toEqual({ rows: 1, inserted: 1, unchanged: 0 });
    const plain = Buffer.from(csvOf([rowOf(persons[1]!, '202610'), rowOf(persons[1]!, '2026/9')]));
    expect((await upload(plain, 'text/csv')).json()).toEqual({ rows: 2, inserted: 2, unchanged: 0 });
    const gbkRows = [rowOf(persons[2]!, '2026年10月'), rowOf(persons[2]!, '2026-09')];
    const gbk = gbkEncode(csvOf(gbkRows));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk), 'the file is really not UTF-8').toThrow();
    expect((await upload(gbk, 'text/csv')).json()).toEqual({ rows: 2, inserted: 2, unchanged: 0 });
    expect((await upload(gbk, 'application/octet-stream')).json()).toEqual({ rows: 2, inserted: 0, unchanged: 2 });
    const bad = await upload(gbkEncode(csvOf([{ ...gbkRows[0]!, name: '李四' }])), 'text/csv');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].message).toContain(`台账中为“${persons[2]!.name}”`);
    expect(await storedOf(persons)).toEqual({ rows: 5, paidFen: 5 * 2250 });
  });

  it('UI-1 a large file is written a chunk per short transaction, invisible until one last transaction applies it with its income; requests are served between chunks', async () => {
    const persons = await people(2);
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
    const file = await contributionSheet(persons.flatMap((p) => months.map((m) => rowOf(p, m))));
    const incomeBefore = await contributionIncomeFen();
    const between: { stored: number; rows: number; visibleMonths: number; income: number; status: number }[] = [];
    const result = await importContributions(officerCtx, file, {
      chunkRows: 5,
      afterChunk: async (stored) => {
        const account = await t.app.inject({ method: 'GET', url: `/api/v1/persons/${persons[0]!.id}/ui-account`, headers: officer });
        between.push({
          stored,
          rows: (await storedOf(persons)).rows,
          visibleMonths: account.json().contributionMonths,
          income: await contributionIncomeFen(),
          status: account.statusCode,
        });
      },
    });
    expect(result).toEqual({ rows: 12, inserted: 12, unchanged: 0 });
    // The rows are written (and hold their keys) but nobody reads them, and no income is posted, until the end.
    expect(between).toEqual([
      { stored: 5, rows: 5, visibleMonths: 0, income: incomeBefore, status: 200 },
      { stored: 10, rows: 10, visibleMonths: 0, income: incomeBefore, status: 200 },
      { stored: 12, rows: 12, visibleMonths: 0, income: incomeBefore, status: 200 },
    ]);
    const account = await t.app.inject({ method: 'GET', url: `/api/v1/persons/${persons[0]!.id}/ui-account`, headers: officer });
    expect(account.json().contributionMonths).toBe(6);
    expect(await contributionIncomeFen()).toBe(incomeBefore + 12 * 2250);
  });

  it('UI-1 an import that fails after its chunks were written leaves no contribution and no fund transfer; the same file again stores it all once', async () => {
    const persons = await people(2);
    const months = ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'];
    const file = await contributionSheet(persons.flatMap((p) => months.map((m) => rowOf(p, m))));
    const incomeBefore = await contributionIncomeFen();
    const transfersBefore = await importTransfers();
    // A failure between chunks, and one in the applying transaction after the income was posted.
    const midway = await importContributions(officerCtx, file, {
      chunkRows: 4,
      afterChunk: async (stored) => {
        if (stored === 8) throw new Error('the process stops here');
      },
    }).catch((e: unknown) => e);
    expect(midway).toMatchObject({ message: 'the process stops here' });
    expect(await storedOf(persons)).toEqual({ rows: 0, paidFen: 0 });
    const applying = await importContributions(officerCtx, file, {
      chunkRows: 4,
      beforeApplyCommits: () => Promise.reject(new Error('the database fails at the last step')),
    }).catch((e: unknown) => e);
    expect(applying).toMatchObject({ message: 'the database fails at the last step' });
    expect(await storedOf(persons)).toEqual({ rows: 0, paidFen: 0 });
    expect(await contributionIncomeFen()).toBe(incomeBefore);
    expect(await importTransfers()).toBe(transfersBefore);
    expect(await unappliedBatches()).toBe(0);

    expect(await importContributions(officerCtx, file, { chunkRows: 4 })).toEqual({ rows: 12, inserted: 12, unchanged: 0 });
    expect(await storedOf(persons)).toEqual({ rows: 12, paidFen: 12 * 2250 });
    expect(await contributionIncomeFen()).toBe(incomeBefore + 12 * 2250);
    expect(await importContributions(officerCtx, file, { chunkRows: 4 })).toEqual({ rows: 12, inserted: 0, unchanged: 12 });
    expect(await contributionIncomeFen()).toBe(incomeBefore + 12 * 2250);
  });

  it('UI-1 an import whose process died between chunks stays invisible; the next import, ten minutes on, deletes it and stores the file once', async () => {
    const persons = await people(2);
    const file = await contributionSheet(persons.flatMap((p) => ['2026-05', '2026-06', '2026-07', '2026-08'].map((m) => rowOf(p, m))));
    const incomeBefore = await contributionIncomeFen();
    // The first import stops for good after its first chunk, as a killed process would, a quarter of an hour ago.
    const earlier: Ctx = { ...officerCtx, now: () => new Date('2026-11-23T03:45:00Z') };
    let firstChunkWritten!: () => void;
    const written = new Promise<void>((resolve) => (firstChunkWritten = resolve));
    void importContributions(earlier, file, {
      chunkRows: 4,
      afterChunk: () => {
        firstChunkWritten();
        return new Promise<void>(() => {});
      },
    });
    await written;
    expect(await storedOf(persons)).toEqual({ rows: 4, paidFen: 4 * 2250 });
    const account = await t.app.inject({ method: 'GET', url: `/api/v1/persons/${persons[0]!.id}/ui-account`, headers: officer });
    expect(account.json().contributionMonths).toBe(0);
    expect(await unappliedBatches()).toBe(1);

    expect(await importContributions(officerCtx, file)).toEqual({ rows: 8, inserted: 8, unchanged: 0 });
    expect(await storedOf(persons)).toEqual({ rows: 8, paidFen: 8 * 2250 });
    expect(await contributionIncomeFen()).toBe(incomeBefore + 8 * 2250);
    expect(await unappliedBatches()).toBe(0);
  });

  it('UI-1 a 2,500-row file is stored in chunks and posts exactly one income transfer per region and month', async () => {
    const employers = [employer];
    for (let i = 0; i < 4; i++) employers.push(await createEmployer(t, jobOfficer));
    const here = await people(25);
    const there: Person[] = [];
    for (let i = 0; i < 25; i++) there.push(await createPerson(t, clerk, { regionCode: '140105001002' }));
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
    const rows = [...here, ...there].flatMap((p) =>
      employers.flatMap((e) => months.map((m) => ({ ...rowOf(p, m), creditCode: e.creditCode, employerName: e.name }))),
    );
    expect(rows).toHaveLength(2500);
    const result = await importContributions(officerCtx, await contributionSheet(rows));
    expect(result).toEqual({ rows: 2500, inserted: 2500, unchanged: 0 });
    const [audit] = await queryRows<{ after: { importBatch: string } }>(
      t.handle.db,
      sql`SELECT after FROM audit_log WHERE action = 'import' AND entity = 'ui_contribution' ORDER BY seq DESC LIMIT 1`,
    );
    const transfers = await queryRows<{ region_code: string; month: string; amount_fen: string }>(
      t.handle.db,
      sql`SELECT region_code, month, amount_fen::text FROM ui_fund_transfers
          WHERE source_type = 'ui_contribution_import' AND source_id = ${audit!.after.importBatch} ORDER BY region_code, month`,
    );
    expect(transfers).toEqual(
      ['140105001001', '140105001002'].flatMap((regionCode) =>
        months.map((month) => ({ region_code: regionCode, month, amount_fen: String(25 * 5 * 2250) })),
      ),
    );
    expect(await storedOf([...here, ...there])).toEqual({ rows: 2500, paidFen: 2500 * 2250 });
  }, 120_000);

  it('UI-1 readers do not see the rows of an import not yet applied: the account, the months an assessment counts, arrears', async () => {
    const payer = await createEmployer(t, jobOfficer);
    const enrolled = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ui/enrolments',
      headers: officer,
      payload: { employerId: payer.id, sinceMonth: '2026-08' },
    });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const persons = await people(2);
    // 3 % of the base (条例第六条, 2 % + 1%): a fully paid month once visible.
    const rows = persons.flatMap((p) =>
      ['2026-08', '2026-09', '2026-10'].map((m) => ({
        ...rowOf(p, m, '4500.00', '135.00'),
        creditCode: payer.creditCode,
        employerName: payer.name,
      })),
    );
    const seen = async () => {
      const account = await t.app.inject({ method: 'GET', url: `/api/v1/persons/${persons[0]!.id}/ui-account`, headers: officer });
      const assessed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/ui/claims/assess',
        headers: officer,
        payload: { personId: persons[0]!.id, separationDate: '2026-10-31', separationReason: 'employer_bankrupt' },
      });
      expect(assessed.statusCode, assessed.body).toBe(200);
      const arrears = await t.app.inject({
        method: 'GET',
        url: '/api/v1/ui/arrears?from=2026-08&through=2026-10&pageSize=100',
        headers: officer,
      });
      expect(arrears.statusCode, arrears.body).toBe(200);
      const owing = (arrears.json().items as { employerId: string; missingMonths: number }[]).find((r) => r.employerId === payer.id);
      return {
        accountMonths: account.json().contributionMonths,
        assessedMonths: assessed.json().contributionMonths,
        missingMonths: owing?.missingMonths ?? 0,
      };
    };
    const during: Awaited<ReturnType<typeof seen>>[] = [];
    await importContributions(officerCtx, await contributionSheet(rows), {
      chunkRows: 4,
      afterChunk: async () => {
        during.push(await seen());
      },
    });
    expect(during).toEqual([
      { accountMonths: 0, assessedMonths: 0, missingMonths: 3 },
      { accountMonths: 0, assessedMonths: 0, missingMonths: 3 },
    ]);
    expect(await seen()).toEqual({ accountMonths: 3, assessedMonths: 3, missingMonths: 0 });
  });

  it('UI-1 two imports at once double nothing: the keys of an import being written are refused to another import and to a post until it is applied', async () => {
    const persons = await people(2);
    const months = ['2026-05', '2026-06', '2026-07', '2026-08'];
    const file = await contributionSheet(persons.flatMap((p) => months.map((m) => rowOf(p, m))));
    const incomeBefore = await contributionIncomeFen();
    const meanwhile: unknown[] = [];
    const first = await importContributions(officerCtx, file, {
      chunkRows: 4,
      afterChunk: async (stored) => {
        if (stored !== 4) return;
        meanwhile.push(await importContributions(officerCtx, file).catch((e: unknown) => e));
        const post = await t.app.inject({
          method: 'POST',
          url: '/api/v1/ui/contributions',
          headers: officer,
          payload: { items: [{ personId: persons[0]!.id, employerId: employer.id, month: '2026-05', baseFen: 450_000, paidFen: 2_250 }] },
        });
        meanwhile.push({ status: post.statusCode, codes: (post.json().errors as { code: string }[]).map((e) => e.code) });
      },
    });
    expect(first).toEqual({ rows: 8, inserted: 8, unchanged: 0 });
    expect(meanwhile[0]).toMatchObject({ code: 'RULE_VIOLATION', extra: { rejectedCount: 4 } });
    expect((meanwhile[0] as { errors: { message: string }[] }).errors[0]!.message).toContain('正由另一次征缴文件导入写入');
    expect(meanwhile[1]).toEqual({ status: 409, codes: ['IMPORT_PENDING'] });
    expect(await storedOf(persons)).toEqual({ rows: 8, paidFen: 8 * 2250 });
    expect(await contributionIncomeFen()).toBe(incomeBefore + 8 * 2250);
    expect(await importContributions(officerCtx, file)).toEqual({ rows: 8, inserted: 0, unchanged: 8 });
  });

  it('UI-1 a differing amount stored by someone else between chunks stops the import, and nothing of it stays', async () => {
    const persons = await people(2);
    const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
    const file = await contributionSheet(persons.flatMap((p) => months.map((m) => rowOf(p, m))));
    const late = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ui/contributions',
      headers: officer,
      payload: { items: [{ personId: persons[1]!.id, employerId: employer.id, month: '2026-04', baseFen: 450_000, paidFen: 3_000 }] },
    });
    // Stored before the import: checked up front, a row error and nothing stored.
    expect(late.statusCode).toBe(200);
    const refused = await importContributions(officerCtx, file, { chunkRows: 4 }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', extra: { rejectedCount: 1 } });
    expect(await storedOf(persons)).toEqual({ rows: 1, paidFen: 3_000 });

    const others = await people(2);
    const file2 = await contributionSheet(others.flatMap((p) => months.map((m) => rowOf(p, m))));
    const incomeBefore = await contributionIncomeFen();
    const stopped = await importContributions(officerCtx, file2, {
      chunkRows: 4,
      afterChunk: async (stored) => {
        if (stored !== 4) return;
        const post = await t.app.inject({
          method: 'POST',
          url: '/api/v1/ui/contributions',
          headers: officer,
          payload: { items: [{ personId: others[1]!.id, employerId: employer.id, month: '2026-02', baseFen: 450_000, paidFen: 3_000 }] },
        });
        expect(post.statusCode).toBe(200);
      },
    }).catch((e: unknown) => e);
    expect(stopped).toMatchObject({ code: 'CONFLICT', errors: [{ path: '/rows/7', code: 'AMOUNT_DIFFERS' }] });
    expect((stopped as Error).message).toContain('本次导入未保存任何缴费记录');
    expect(await storedOf([others[0]!])).toEqual({ rows: 0, paidFen: 0 });
    expect(await storedOf([others[1]!])).toEqual({ rows: 1, paidFen: 3_000 });
    expect(await contributionIncomeFen()).toBe(incomeBefore + 3_000);
  });

  it('UI-1 a file that is not a table is a 400, and so is one without data rows', async () => {
    const notTable = await upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(notTable.statusCode).toBe(400);
    const empty = await upload(Buffer.from(`${header}\r\n`), 'text/csv');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].code).toBe('EMPTY');
  });

  it('UI-1 only a UI officer imports: other roles 403 and nothing stored', async () => {
    const [p] = await people(1);
    const file = await contributionSheet([rowOf(p!, '2026-10')]);
    for (const as of [clerk, finance, reviewer, jobOfficer]) expect((await upload(file, xlsxType, as)).statusCode).toBe(403);
    expect(await storedOf([p!])).toEqual({ rows: 0, paidFen: 0 });
  });
});

/** Encodes text as GBK (node decodes GBK but cannot encode it): each non-ASCII character by the decoder's table. */
function gbkEncode(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  const wanted = new Set([...text].filter((c) => c.charCodeAt(0) > 0x7f));
  for (let lead = 0x81; lead <= 0xfe && table.size < wanted.size; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const c = decoder.decode(Uint8Array.from([lead, trail]));
      if (wanted.has(c) && !table.has(c)) table.set(c, [lead, trail]);
    }
  const bytes: number[] = [];
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code <= 0x7f) bytes.push(code);
    else {
      const pair = table.get(c);
      if (!pair) throw new Error(`no GBK code for ${c}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
