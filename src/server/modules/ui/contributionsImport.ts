// Bulk import of the collector's monthly contribution file (UI-1): the tax office (征收机构) sends
// who paid for which month, people by ID number, employers by 统一社会信用代码, amounts in yuan, as
// Excel or CSV (UTF-8, with or without BOM, or GBK). Modelled on the ledger import (REG-7): every
// row is checked first, against the ledger, the employers and the contributions already stored;
// any bad row stores nothing and answers 422 with an Excel file of the rejected rows, the reason
// beside each. A file whose rows are all valid is stored through the JSON post's use case
// (`storeContributions`: the fund ledger posts the income in the transaction that stores the rows),
// idempotent per (person, employer, month): the same file again stores nothing.
//
// The connection is never held for long (PGlite has one, and its queries run on the event loop's
// thread): the checks read a chunk of keys per query outside any transaction, yielding after each
// (PGlite's answers come back as microtasks, so a loop of queries would otherwise starve every
// request for all of them), and the rows are stored in chunks of short transactions, each
// with its own income posting. Since every row was checked against the stored contributions first,
// a later chunk fails only if someone stored a differing amount for one of its keys meanwhile, or
// the database failed: then the chunks before it stay stored (the fund ledger's entries cannot be
// removed) and the answer says how many; the same file imported again stores the rest, nothing twice.
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { sha256 } from '../../platform/crypto.js';
import { parseCsv } from '../../platform/csv.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { xlsxOf, type ExcelColumn } from '../../platform/http.js';
import { readXlsxRows } from '../../platform/xlsxReader.js';
import { parseCreditCode } from '../../../shared/creditCode.js';
import { parseIdNumber } from '../../../shared/idNumber.js';
import * as repo from './repo.js';
import { employersByCreditCode, personsByIdIndex } from './contributionsImportRepo.js';
import { storeContributions, type ContributionToStore } from './service.js';

/** The template's columns, in the file's column order. */
export const contributionColumns = [
  { key: 'idNumber', header: '身份证号', width: 22 },
  { key: 'name', header: '姓名', width: 10 },
  { key: 'creditCode', header: '统一社会信用代码', width: 22 },
  { key: 'employerName', header: '单位名称', width: 28 },
  { key: 'month', header: '缴费月份(YYYY-MM)', width: 16 },
  { key: 'baseYuan', header: '缴费基数(元)', width: 14 },
  { key: 'paidYuan', header: '实缴金额(元)', width: 14 },
] as const;

type ColumnKey = (typeof contributionColumns)[number]['key'];
type RawRow = Record<ColumnKey, string> & { line: number };

/** The empty template, with one example row, as an Excel file (all columns text-formatted). */
export function contributionTemplate(): Promise<Buffer> {
  const example: Record<ColumnKey, string> = {
    idNumber: '11010519491231002X',
    name: '张三（示例行，导入前请删除）',
    creditCode: '91140105MA0GRQ5X11',
    employerName: '太原示例有限公司',
    month: '2026-10',
    baseYuan: '4500.00',
    paidYuan: '22.50',
  };
  return contributionSheet([example]);
}

/** Contribution rows under the template's header row as an .xlsx file. */
export function contributionSheet(rows: Record<ColumnKey, string>[]): Promise<Buffer> {
  return xlsxOf(
    '失业保险缴费',
    contributionColumns.map((c) => ({ header: c.header, width: c.width, text: true, value: (r: Record<ColumnKey, string>) => r[c.key] })),
    rows,
  );
}

const notReadable = (message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path: '/file', code: 'NOT_READABLE', message: '无法读取文件' }]);

/** A CSV file's text: UTF-8 (a BOM or not), else GBK, the collectors' usual encoding. */
export function csvText(buffer: Buffer): string {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return new TextDecoder('utf-8').decode(buffer.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    try {
      return new TextDecoder('gbk', { fatal: true }).decode(buffer);
    } catch {
      throw notReadable('无法识别 CSV 文件的编码，请保存为 UTF-8 或 GBK 编码的 CSV，或使用 Excel 模板（.xlsx）');
    }
  }
}

/** The rows of an .xlsx (a zip: starts with "PK") or CSV file, header row skipped, empty rows dropped. */
export async function readContributionFile(buffer: Buffer): Promise<RawRow[]> {
  let sheet: { number: number; cells: string[] }[];
  if (buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    try {
      sheet = await readXlsxRows(buffer);
    } catch {
      throw notReadable('无法读取文件，请上传用模板填写的 Excel 文件（.xlsx）或 CSV 文件');
    }
  } else {
    const text = csvText(buffer);
    if (text.includes('\0')) throw notReadable('无法读取文件，请上传用模板填写的 Excel 文件（.xlsx）或 CSV 文件');
    sheet = parseCsv(text).map((cells, i) => ({ number: i + 1, cells: cells.map((c) => c.trim()) }));
  }
  const rows: RawRow[] = [];
  for (const { number, cells } of sheet) {
    if (number === 1 || cells.every((c) => c === '')) continue;
    rows.push({
      ...(Object.fromEntries(contributionColumns.map((c, i) => [c.key, cells[i] ?? ''])) as Record<ColumnKey, string>),
      line: number,
    });
  }
  return rows;
}

/** A month as 'YYYY-MM' from 2026-10, 2026/10, 202610 or 2026年10月; null if it is none. */
export function monthOf(text: string): string | null {
  const m = /^((?:19|20)\d{2})(?:[-/.年]?)(0[1-9]|1[0-2]|[1-9](?=\D|$))月?$/.exec(text.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}` : null;
}

/** Yuan with at most two decimals (thousands separators allowed) as fen; null if it is not such an amount. */
export function fenOf(text: string): number | null {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/,/g, ''));
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** The JSON post's bound: a month's base up to 1,000,000 yuan. */
const maxFen = 100_000_000;

export interface ContributionImportResult {
  rows: number;
  inserted: number;
  unchanged: number;
}

/** How an import stores its rows; tests set small chunks and watch between them. */
export interface ContributionImportOptions {
  /** Rows per transaction (default 1,000: about 0.3 s of PGlite's connection on a quiet machine, measured). */
  chunkRows?: number;
  /** Called after each chunk is committed, with the rows stored so far. */
  afterChunk?: (storedRows: number) => Promise<void>;
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));
const rowsBetweenYields = 500;
const lookupChunk = 500;
const defaultChunkRows = 1000;
const keyOf = (r: { personId: string; employerId: string; month: string }) => `${r.personId}/${r.employerId}/${r.month}`;
const yuan = (fen: number) => (fen / 100).toFixed(2);

interface CheckedRow extends ContributionToStore {
  raw: RawRow;
}

/** Checks and stores a collector's file (UI-1); throws RULE_VIOLATION (422) with the rejected rows' file otherwise. */
export async function importContributions(
  ctx: Ctx,
  buffer: Buffer,
  options: ContributionImportOptions = {},
): Promise<ContributionImportResult> {
  requireRole(ctx, 'ui_officer');
  const raws = await readContributionFile(buffer);
  if (raws.length === 0)
    throw new AppError('VALIDATION_FAILED', '文件中没有数据行，请使用模板填写后上传', [
      { path: '/file', code: 'EMPTY', message: '文件中没有数据行' },
    ]);
  const today = shanghaiDateOf(ctx.now());
  const thisMonth = today.slice(0, 7);
  const problems = new Map<number, string[]>();
  const fail = (r: RawRow, message: string) => problems.set(r.line, [...(problems.get(r.line) ?? []), message]);

  // The row's own fields.
  const parsed: { raw: RawRow; idIndex: string; creditCode: string; month: string; baseFen: number; paidFen: number }[] = [];
  let sinceYield = 0;
  for (const r of raws) {
    if (++sinceYield === rowsBetweenYields) {
      sinceYield = 0;
      await yieldToOthers();
    }
    const id = parseIdNumber(r.idNumber, { today });
    if (!id.ok) fail(r, r.idNumber ? `身份证号：${id.message}` : '身份证号不能为空');
    if (!r.name) fail(r, '姓名不能为空');
    const credit = parseCreditCode(r.creditCode);
    if (!credit.ok) fail(r, r.creditCode ? `统一社会信用代码：${credit.message}` : '统一社会信用代码不能为空');
    const month = monthOf(r.month);
    if (!month) fail(r, '缴费月份应为 YYYY-MM 格式的月份，如 2026-10');
    else if (month > thisMonth) fail(r, '缴费月份不能晚于本月');
    const baseFen = fenOf(r.baseYuan);
    const paidFen = fenOf(r.paidYuan);
    if (baseFen === null || baseFen > maxFen) fail(r, '缴费基数应为不超过 1000000 的金额（元），最多两位小数');
    if (paidFen === null || paidFen > maxFen) fail(r, '实缴金额应为不超过 1000000 的金额（元），最多两位小数');
    if (baseFen !== null && paidFen !== null && paidFen > baseFen) fail(r, '实缴金额不能大于缴费基数');
    if (!id.ok || !credit.ok || !month || baseFen === null || paidFen === null || problems.has(r.line)) continue;
    parsed.push({
      raw: r,
      idIndex: ctx.sealer.blindIndex('idNumber', id.value.idNumber),
      creditCode: credit.value.creditCode,
      month,
      baseFen,
      paidFen,
    });
  }

  // Persons in scope by their ID numbers' blind indexes, employers by credit code, a chunk per query.
  const personOf = new Map<string, { id: string; name: string; regionCode: string }>();
  const idIndexes = [...new Set(parsed.map((p) => p.idIndex))];
  for (let i = 0; i < idIndexes.length; i += lookupChunk) {
    for (const p of await personsByIdIndex(ctx, idIndexes.slice(i, i + lookupChunk))) personOf.set(p.idIndex, p);
    await yieldToOthers();
  }
  const employerOf = new Map<string, string>();
  const creditCodes = [...new Set(parsed.map((p) => p.creditCode))];
  for (let i = 0; i < creditCodes.length; i += lookupChunk) {
    for (const e of await employersByCreditCode(ctx, creditCodes.slice(i, i + lookupChunk))) employerOf.set(e.creditCode, e.id);
    await yieldToOthers();
  }
  const checked: CheckedRow[] = [];
  const seen = new Map<string, number>();
  for (const p of parsed) {
    const person = personOf.get(p.idIndex);
    const employerId = employerOf.get(p.creditCode);
    if (!person) fail(p.raw, '台账中没有该身份证号（或该人员不在您的管辖范围内）');
    else if (person.name !== p.raw.name) fail(p.raw, `姓名与台账不符（台账中为“${person.name}”）`);
    if (!employerId) fail(p.raw, `没有统一社会信用代码为 ${p.creditCode} 的用人单位，请先登记该单位`);
    if (!person || !employerId || problems.has(p.raw.line)) continue;
    const row = {
      raw: p.raw,
      personId: person.id,
      employerId,
      month: p.month,
      baseFen: p.baseFen,
      paidFen: p.paidFen,
      regionCode: person.regionCode,
    };
    const first = seen.get(keyOf(row));
    if (first !== undefined) {
      fail(p.raw, `与第 ${first} 行的人员、单位、缴费月份相同`);
      continue;
    }
    seen.set(keyOf(row), p.raw.line);
    checked.push(row);
  }

  // Months already stored: with the same amounts unchanged, with others a row error (the record is
  // what the collector collected, corrected at its source, not by a second file).
  const stored = new Map<string, { baseFen: number; paidFen: number }>();
  const personIds = [...new Set(checked.map((c) => c.personId))];
  for (let i = 0; i < personIds.length; i += lookupChunk) {
    for (const s of await repo.contributionsOf(ctx, personIds.slice(i, i + lookupChunk))) stored.set(keyOf(s), s);
    await yieldToOthers();
  }
  const fresh: CheckedRow[] = [];
  for (const c of checked) {
    const held = stored.get(keyOf(c));
    if (!held) fresh.push(c);
    else if (held.baseFen !== c.baseFen || held.paidFen !== c.paidFen)
      fail(c.raw, `${c.month} 已记录缴费基数 ${yuan(held.baseFen)} 元、实缴 ${yuan(held.paidFen)} 元，与本行不同`);
  }
  if (problems.size > 0) throw await rejection(raws, problems);

  const rowCount = raws.length;
  const result = { rows: rowCount, inserted: 0, unchanged: rowCount - fresh.length };
  const chunkRows = options.chunkRows ?? defaultChunkRows;
  const fileSha256 = sha256(buffer.toString('base64'));
  for (let start = 0; start < fresh.length; start += chunkRows) {
    const chunk = fresh.slice(start, start + chunkRows);
    const last = start + chunkRows >= fresh.length;
    let stored: { inserted: number; unchanged: number };
    try {
      stored = await withTransaction(ctx, async (tx) => {
        const done = await storeContributions(
          tx,
          chunk.map(({ raw: _raw, ...row }) => row),
          { pathOf: (i) => `/rows/${chunk[i]!.raw.line}`, auditEach: false },
        );
        if (last)
          await writeAudit(tx, {
            action: 'import',
            entity: 'ui_contribution',
            regionCode: tx.actor.scope.padEnd(12, '0'),
            after: { ...result, inserted: result.inserted + done.inserted, unchanged: result.unchanged + done.unchanged, fileSha256 },
          });
        return done;
      });
    } catch (err) {
      if (start === 0 || !(err instanceof AppError)) throw err;
      throw new AppError(
        err.code,
        `导入在第 ${start + 1} 条待保存的记录处中断：${err.detail}。此前的 ${result.inserted} 条已保存；处理后重新导入同一文件即可，已保存的行不会重复。`,
        err.errors,
      );
    }
    result.inserted += stored.inserted;
    result.unchanged += stored.unchanged;
    await yieldToOthers();
    await options.afterChunk?.(start + chunk.length);
  }
  return result;
}

/** The RULE_VIOLATION of a rejected file (422), carrying the rejected rows as Excel with the reason per row. */
async function rejection(raws: RawRow[], problems: Map<number, string[]>): Promise<AppError> {
  const rejected = raws.filter((r) => problems.has(r.line));
  const columns: ExcelColumn<RawRow>[] = [
    { header: '原行号', width: 8, value: (r) => r.line },
    ...contributionColumns.map((c) => ({ header: c.header, width: c.width, text: true, value: (r: RawRow) => r[c.key] })),
    { header: '错误原因', width: 50, value: (r) => problems.get(r.line)!.join('；') },
  ];
  const file = await xlsxOf('未导入的行', columns, rejected);
  const errors: FieldError[] = rejected
    .slice(0, 200)
    .map((r) => ({ path: `/rows/${r.line}`, code: 'INVALID_ROW', message: `第 ${r.line} 行：${problems.get(r.line)!.join('；')}` }));
  return new AppError(
    'RULE_VIOLATION',
    `共 ${rejected.length} 行有误，未导入任何缴费记录。请下载“未导入的行”，按错误原因改正后重新导入。`,
    errors,
    { rejectedCount: rejected.length, rejectedRowsXlsx: file.toString('base64') },
  );
}
