// Bulk import of the collector's monthly contribution file (UI-1): the tax office (征收机构) sends
// who paid for which month, people by ID number, employers by 统一社会信用代码, amounts in yuan, as
// Excel or CSV (UTF-8, with or without BOM, or GBK). Modelled on the ledger import (REG-7): every
// row is checked first, against the ledger, the employers and the contributions already stored;
// any bad row stores nothing and answers 422 with an Excel file of the rejected rows, the reason
// beside each. Idempotent per (person, employer, month): the same file again stores nothing.
//
// All or nothing, and the connection is never held for long (PGlite has one, and its queries run
// on the event loop's thread): the checks read a chunk of keys per query outside any transaction,
// yielding after each (PGlite's answers come back as microtasks, so a loop of queries would
// otherwise starve every request for all of them); the rows are written in chunks of short
// transactions under an import batch whose rows every reader leaves out (`visibleContribution`);
// one last short transaction applies the batch, which makes them all visible at once, and posts the
// file's fund income, one transfer per region and month. A failure on the way deletes what was
// written, again in short transactions; a batch left by a process that died is deleted by the next
// import. The unapplied rows hold their keys: another import or post of such a key is refused
// until the batch is applied or discarded, so nothing is counted twice nor lost.
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { sha256 } from '../../platform/crypto.js';
import { parseCsv } from '../../platform/csv.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { xlsxOf, type ExcelColumn } from '../../platform/http.js';
import { readXlsxRows } from '../../platform/xlsxReader.js';
import { parseCreditCode } from '../../../shared/creditCode.js';
import { parseIdNumber } from '../../../shared/idNumber.js';
import * as repo from './repo.js';
import {
  abandonedImportBatches,
  applyImportBatch,
  deleteUnappliedContributions,
  deleteUnappliedImportBatch,
  employersByCreditCode,
  markImportBatchDiscarded,
  openImportBatch,
  personsByIdIndex,
  touchImportBatch,
} from './contributionsImportRepo.js';
import { postContributionIncome } from './fund.js';
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
  /** Called after each chunk is committed, with the rows stored so far (not yet visible); a throw fails the import. */
  afterChunk?: (storedRows: number) => Promise<void>;
  /** Called last in the transaction that applies the batch (tests make it fail there); a throw rolls the apply back. */
  beforeApplyCommits?: (tx: Ctx) => Promise<void>;
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));
const rowsBetweenYields = 500;
const lookupChunk = 500;
const defaultChunkRows = 1000;
/** A chunk touches its batch well under a second after the last: a batch untouched this long was left by a process that died. */
const abandonedAfterMs = 10 * 60 * 1000;
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

  // A batch left by an import that died holds its keys invisibly: delete it first, so the same file
  // imported again after the crash is checked against what is really stored.
  await discardAbandonedBatches(ctx, options);

  // Months already stored: with the same amounts unchanged, with others a row error (the record is
  // what the collector collected, corrected at its source, not by a second file); months another
  // import is still writing are refused for now (it may yet be applied or discarded).
  const stored = new Map<string, { baseFen: number; paidFen: number; pending: boolean }>();
  const personIds = [...new Set(checked.map((c) => c.personId))];
  for (let i = 0; i < personIds.length; i += lookupChunk) {
    for (const s of await repo.contributionsOf(ctx, personIds.slice(i, i + lookupChunk))) stored.set(keyOf(s), s);
    await yieldToOthers();
  }
  const fresh: CheckedRow[] = [];
  for (const c of checked) {
    const held = stored.get(keyOf(c));
    if (!held) fresh.push(c);
    else if (held.pending) fail(c.raw, `${c.month} 的缴费记录正由另一次征缴文件导入写入，尚未完成；请待其完成后重新导入本文件`);
    else if (held.baseFen !== c.baseFen || held.paidFen !== c.paidFen)
      fail(c.raw, `${c.month} 已记录缴费基数 ${yuan(held.baseFen)} 元、实缴 ${yuan(held.paidFen)} 元，与本行不同`);
  }
  if (problems.size > 0) throw await rejection(raws, problems);

  const rowCount = raws.length;
  const result = { rows: rowCount, inserted: 0, unchanged: rowCount - fresh.length };
  if (fresh.length === 0) return result;
  const fileSha256 = sha256(buffer.toString('base64'));
  const batchId = await withTransaction(ctx, (tx) => openImportBatch(tx, fileSha256));
  try {
    const insertedRows = await storeInChunks(ctx, batchId, fresh, options);
    result.inserted = insertedRows.length;
    result.unchanged = rowCount - insertedRows.length;
    // The flip: one short transaction makes every row of the batch visible and posts the file's
    // income, one transfer per region and month, with the audit row.
    await withTransaction(ctx, async (tx) => {
      if (!(await applyImportBatch(tx, batchId))) throw takenForDead();
      await postContributionIncome(tx, insertedRows, { sourceType: 'ui_contribution_import', sourceId: batchId });
      await writeAudit(tx, {
        action: 'import',
        entity: 'ui_contribution',
        regionCode: tx.actor.scope.padEnd(12, '0'),
        after: { ...result, fileSha256, importBatch: batchId },
      });
      await options.beforeApplyCommits?.(tx);
    });
    return result;
  } catch (err) {
    // Nothing of a failed import may stay. Should the clean-up fail too (the database gone), the
    // batch stays invisible and a later import deletes it once it is abandonedAfterMs old.
    await discardBatch(ctx, batchId, options).catch((cleanupErr: unknown) => {
      throw new AggregateError([err, cleanupErr], '征缴文件导入失败，清理未完成的导入时也出错');
    });
    if (!(err instanceof AppError)) throw err;
    throw new AppError(err.code, `${err.detail}。本次导入未保存任何缴费记录；处理后重新导入同一文件即可。`, err.errors, err.extra);
  }
}

/** A batch that another import discarded as abandoned while this one still ran (it stalled for abandonedAfterMs). */
const takenForDead = () => new AppError('CONFLICT', '导入中断时间过长，已被视为未完成的导入并清理');

/**
 * Writes the batch's rows in chunks, one short transaction each (the batch row touched and locked
 * first, so a discard in between stops it), yielding between them. Answers the rows inserted.
 */
async function storeInChunks(ctx: Ctx, batchId: string, fresh: CheckedRow[], options: ContributionImportOptions) {
  const chunkRows = options.chunkRows ?? defaultChunkRows;
  const insertedRows: ContributionToStore[] = [];
  for (let start = 0; start < fresh.length; start += chunkRows) {
    const chunk = fresh.slice(start, start + chunkRows);
    const stored = await withTransaction(ctx, async (tx) => {
      if (!(await touchImportBatch(tx, batchId))) throw takenForDead();
      return storeContributions(
        tx,
        chunk.map(({ raw: _raw, ...row }) => row),
        { pathOf: (i) => `/rows/${chunk[i]!.raw.line}`, auditEach: false, importBatch: batchId },
      );
    });
    insertedRows.push(...stored.insertedRows);
    await yieldToOthers();
    await options.afterChunk?.(start + chunk.length);
  }
  return insertedRows;
}

/**
 * Deletes everything a batch never applied wrote, a chunk per short transaction, then the batch.
 * It runs at the whole country's scope: a row's region is its person's, who may have moved meanwhile.
 */
async function discardBatch(ctx: Ctx, batchId: string, options: ContributionImportOptions): Promise<void> {
  const anywhere = anywhereCtx(ctx);
  if (!(await withTransaction(anywhere, (tx) => markImportBatchDiscarded(tx, batchId)))) return;
  const limit = options.chunkRows ?? defaultChunkRows;
  while ((await withTransaction(anywhere, (tx) => deleteUnappliedContributions(tx, batchId, limit))) > 0) await yieldToOthers();
  await withTransaction(anywhere, (tx) => deleteUnappliedImportBatch(tx, batchId));
}

/** Deletes the batches of imports that died with their process (never applied, untouched for abandonedAfterMs). */
async function discardAbandonedBatches(ctx: Ctx, options: ContributionImportOptions): Promise<void> {
  const before = new Date(ctx.now().getTime() - abandonedAfterMs);
  for (const batchId of await abandonedImportBatches(anywhereCtx(ctx), before)) await discardBatch(ctx, batchId, options);
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
