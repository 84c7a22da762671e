// Bulk import of a community's labour-force ledger from Excel (REG-7): every row is validated
// first; then all rows are stored, or none are. Rows whose citizen ID is already in the ledger are
// left unchanged, so importing the same file again adds nothing. A rejected import answers with an
// Excel file of the rejected rows and the reason beside each. It sits above persons, registrations
// and certificates and stores rows through their use cases.
//
// Storing never holds the database for long (PGlite has one connection, and a counter clerk must
// not wait for a district's import): the rows go in chunks of short transactions under an import
// batch whose persons every read leaves out (`visiblePerson`), and one last short transaction
// applies the batch, which makes them all visible at once. A failure on the way deletes what was
// written, again in short transactions; a batch left by a process that died is deleted by the next
// import. docs/architecture.md, "Ledger import", weighs this against the alternatives.
import crypto from 'node:crypto';
import { inArray, isNull, like, and, eq } from 'drizzle-orm';
import { parseIdNumber } from '../../../shared/idNumber.js';
import { personImportBatches, persons, regions } from '../../db/schema.js';
import { writeAudit } from '../../platform/audit.js';
import { isCalendarDate } from '../../../shared/dates.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { mask, maskPhone, sha256 } from '../../platform/crypto.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { xlsxOf, type ExcelColumn } from '../../platform/http.js';
import { excelDateText, readXlsxRows } from '../../platform/xlsxReader.js';
import { param } from '../../policy/service.js';
import { matchKeysOf } from '../../../shared/matchKeys.js';
import { ageOn } from '../../platform/clock.js';
import {
  deleteUnappliedImportedCertificates,
  recordImportedCertificates,
  reserveCertificateNumbers,
  type CertificateEventInsert,
} from '../certificates/index.js';
import {
  abandonedImportBatches,
  applyImportBatch,
  closeUnappliedImportBatch,
  deleteUnappliedImportedPersons,
  insertImportedPersons,
  openImportBatch,
  type PersonInsert,
} from '../persons/index.js';
import { isKnownAddressCode } from '../regions/index.js';
import { deleteUnappliedImportedEvents, insertImportedEvents, type EventInsert } from '../registrations/index.js';

/** The template's columns; `*` marks required ones. Order is the file's column order. */
export const ledgerColumns = [
  { key: 'idNumber', header: '身份证号*', width: 22 },
  { key: 'name', header: '姓名*', width: 10 },
  { key: 'regionCode', header: '居住社区代码*', width: 16 },
  { key: 'householdType', header: '户籍性质*（城镇/农村）', width: 14 },
  { key: 'phone', header: '联系电话', width: 14 },
  { key: 'ethnicity', header: '民族', width: 8 },
  { key: 'education', header: '文化程度', width: 12 },
  { key: 'address', header: '住址', width: 30 },
  { key: 'labourCapacity', header: '劳动能力（完全/部分/无）', width: 12 },
  { key: 'skills', header: '技能（用、分隔）', width: 20 },
  { key: 'categories', header: '人员类别（用、分隔）', width: 20 },
  { key: 'registration', header: '当前登记（就业/失业/空）', width: 12 },
  { key: 'registrationDate', header: '登记日期', width: 12 },
  { key: 'employerName', header: '工作单位', width: 24 },
] as const;

type LedgerKey = (typeof ledgerColumns)[number]['key'];
type RawRow = Record<LedgerKey, string> & { line: number };

const householdTypes: Record<string, 'urban' | 'rural'> = { 城镇: 'urban', 农村: 'rural', urban: 'urban', rural: 'rural' };
const capacities: Record<string, 'full' | 'partial' | 'none'> = { 完全: 'full', 部分: 'partial', 无: 'none', '': 'full' };
const registrationKinds: Record<string, 'employment' | 'unemployment' | null> = { 就业: 'employment', 失业: 'unemployment', '': null };

/** The empty template, with one example row, as an Excel file. */
export async function ledgerTemplate(): Promise<Buffer> {
  const example: Record<LedgerKey, string> = {
    idNumber: '11010519491231002X',
    name: '张三（示例行，导入前请删除）',
    regionCode: '140105001001',
    householdType: '城镇',
    phone: '13800000000',
    ethnicity: '汉族',
    education: '高中',
    address: '坞城路 1 号',
    labourCapacity: '完全',
    skills: '焊工、电工',
    categories: '4050人员',
    registration: '失业',
    registrationDate: '2026-01-05',
    employerName: '',
  };
  return ledgerSheet([example]);
}

/** Ledger rows under the template's header row as an .xlsx file (all columns text-formatted). */
export function ledgerSheet(rows: Record<LedgerKey, string>[]): Promise<Buffer> {
  return xlsxOf(
    '劳动力资源台账',
    ledgerColumns.map((c) => ({ header: c.header, width: c.width, text: true, value: (r: Record<LedgerKey, string>) => r[c.key] })),
    rows,
  );
}

/** Reads the ledger rows of the first sheet (header row skipped, empty rows dropped). */
export async function readLedgerFile(buffer: Buffer): Promise<RawRow[]> {
  let sheet: Awaited<ReturnType<typeof readXlsxRows>>;
  try {
    sheet = await readXlsxRows(buffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', '无法读取文件，请上传用模板填写的 Excel 文件（.xlsx）', [
      { path: '/file', code: 'NOT_XLSX', message: '不是有效的 .xlsx 文件' },
    ]);
  }
  const rows: RawRow[] = [];
  for (const { number, cells } of sheet) {
    if (number === 1 || cells.every((c) => c === '')) continue;
    const row = Object.fromEntries(ledgerColumns.map((c, i) => [c.key, cells[i] ?? ''])) as Record<LedgerKey, string>;
    rows.push({ ...row, registrationDate: excelDateText(row.registrationDate), line: number });
  }
  return rows;
}

interface ValidRow {
  raw: RawRow;
  idNumber: string;
  idIndex: string;
  sex: 'M' | 'F';
  birthDate: string;
  convertedFrom15: boolean;
  householdType: 'urban' | 'rural';
  labourCapacity: 'full' | 'partial' | 'none';
  registration: 'employment' | 'unemployment' | null;
}

export interface ImportResult {
  rows: number;
  imported: number;
  unchanged: number;
}

const split = (s: string) =>
  s
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** How an import stores its rows; the defaults serve production, tests set small chunks and watch between them. */
export interface ImportOptions {
  /** Rows per transaction (default 2,000: about a tenth of a second of PGlite's connection per chunk). */
  chunkRows?: number;
  /** Called after each chunk is committed, with the rows stored so far (not yet visible). */
  afterChunk?: (storedRows: number) => Promise<void>;
}

/** Lets requests that arrived meanwhile run: between chunks, and every few thousand rows of work in JavaScript. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));
const rowsBetweenYields = 2000;
/** No import runs this long: a batch older than this and never applied was left by a process that died. */
const abandonedAfterMs = 60 * 60 * 1000;

/** Validates and imports a ledger file; throws VALIDATION_FAILED with the rejected rows file otherwise. */
export async function importLedger(ctx: Ctx, buffer: Buffer, options: ImportOptions = {}): Promise<ImportResult> {
  requireRole(ctx, 'clerk');
  const raws = await readLedgerFile(buffer);
  if (raws.length === 0)
    throw new AppError('VALIDATION_FAILED', '文件中没有数据行，请使用模板填写后上传', [
      { path: '/file', code: 'EMPTY', message: '文件中没有数据行' },
    ]);
  const today = shanghaiDateOf(ctx.now());
  const communities = new Set(
    (
      await ctx.db
        .select({ code: regions.code })
        .from(regions)
        .where(and(like(regions.code, `${ctx.actor.scope}%`), eq(regions.level, 5)))
    ).map((r) => r.code),
  );
  const minAge = await param(ctx.db, 'working_age.min', ctx.actor.scope.padEnd(12, '0'), today);
  const problems = new Map<number, string[]>();
  const fail = (r: RawRow, message: string) => problems.set(r.line, [...(problems.get(r.line) ?? []), message]);
  const seen = new Map<string, number>();
  const valid: ValidRow[] = [];
  let sinceYield = 0;
  for (const r of raws) {
    if (++sinceYield === rowsBetweenYields) {
      sinceYield = 0;
      await yieldToOthers();
    }
    const id = parseIdNumber(r.idNumber, { today, isKnownRegion: isKnownAddressCode });
    if (!id.ok) fail(r, id.message);
    if (!r.name) fail(r, '姓名不能为空');
    if (!communities.has(r.regionCode))
      fail(r, /^\d{12}$/.test(r.regionCode) ? `居住社区代码 ${r.regionCode} 不是您管辖范围内的社区（村）` : '居住社区代码应为 12 位数字');
    const householdType = householdTypes[r.householdType];
    if (!householdType) fail(r, '户籍性质应填“城镇”或“农村”');
    const labourCapacity = capacities[r.labourCapacity];
    if (!labourCapacity) fail(r, '劳动能力应填“完全”“部分”或“无”');
    if (r.phone && !/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(r.phone)) fail(r, '联系电话格式不正确');
    const registration = registrationKinds[r.registration];
    if (registration === undefined) fail(r, '当前登记应填“就业”“失业”或留空');
    if (registration && !isCalendarDate(r.registrationDate)) fail(r, '填写了当前登记时，登记日期须为 YYYY-MM-DD 格式的真实日期');
    if (registration && r.registrationDate > today) fail(r, '登记日期不能晚于今天');
    if (!id.ok || !householdType || !labourCapacity || registration === undefined || problems.has(r.line)) continue;
    if (registration && ageOn(id.value.birthDate, r.registrationDate) < minAge) fail(r, `登记日期时未满 ${minAge} 周岁`);
    const first = seen.get(id.value.idNumber);
    if (first) fail(r, `与第 ${first} 行身份证号重复`);
    seen.set(id.value.idNumber, r.line);
    if (problems.has(r.line)) continue;
    valid.push({
      raw: r,
      idNumber: id.value.idNumber,
      idIndex: ctx.sealer.blindIndex('idNumber', id.value.idNumber),
      sex: id.value.sex,
      birthDate: id.value.birthDate,
      convertedFrom15: !!id.value.convertedFrom15,
      householdType,
      labourCapacity,
      registration,
    });
  }

  // A person is registered once in the whole country: look for each ID number everywhere, persons
  // of another import still being written included (they would collide when it is applied).
  const existing = new Map<string, string>();
  const pending = new Set<string>();
  const anywhere = anywhereCtx(ctx);
  for (let i = 0; i < valid.length; i += 1000) {
    const chunk = valid.slice(i, i + 1000).map((v) => v.idIndex);
    for (const row of await anywhere.db
      .select({ idIndex: persons.idNumberIndex, regionCode: persons.regionCode, pendingBatch: personImportBatches.id })
      .from(persons)
      .leftJoin(personImportBatches, and(eq(personImportBatches.id, persons.importBatch), isNull(personImportBatches.appliedAt)))
      .where(inArray(persons.idNumberIndex, chunk))) {
      existing.set(row.idIndex, row.regionCode);
      if (row.pendingBatch) pending.add(row.idIndex);
    }
  }
  for (const v of valid) {
    const region = existing.get(v.idIndex);
    if (pending.has(v.idIndex)) fail(v.raw, '该身份证号所在的另一批台账正在导入，请待其完成后再导入本行');
    else if (region !== undefined && !region.startsWith(ctx.actor.scope)) fail(v.raw, '该身份证号已在其他辖区登记，请联系上级机构办理转移');
  }
  if (problems.size > 0) throw await rejection(raws, problems);

  const fresh = valid.filter((v) => !existing.has(v.idIndex));
  const rowCount = raws.length;
  raws.length = 0; // the raw rows are no longer needed: let them go before the inserts
  const result = { rows: rowCount, imported: fresh.length, unchanged: rowCount - fresh.length };
  await discardAbandonedBatches(ctx, options);
  const batchId = await withTransaction(ctx, (tx) => openImportBatch(tx));
  try {
    const personIds = await storeInChunks(ctx, batchId, fresh, options);
    // The flip: one short transaction makes every person of the batch visible, with the audit row.
    return await withTransaction(ctx, async (tx) => {
      await applyImportBatch(tx, batchId);
      await writeAudit(tx, {
        action: 'import',
        entity: 'person',
        regionCode: tx.actor.scope.padEnd(12, '0'),
        after: { ...result, fileSha256: sha256(buffer.toString('base64')), importBatch: batchId, personIds },
      });
      return result;
    });
  } catch (err) {
    // Nothing of a failed import may stay. Should the clean-up fail too (the database gone), the
    // batch stays invisible and the next import deletes it once it is abandonedAfterMs old.
    await discardBatch(ctx, batchId, options).catch((cleanupErr: unknown) => {
      throw new AggregateError([err, cleanupErr], '台账导入失败，清理未完成的导入时也出错');
    });
    throw err;
  }
}

/**
 * Writes the batch's persons, their registration events and certificates in chunks, one short
 * transaction each, yielding between them. Rows are built and sealed outside the transactions, so
 * a transaction holds the connection only for its inserts. Answers the new persons' ids.
 */
async function storeInChunks(ctx: Ctx, batchId: string, fresh: ValidRow[], options: ImportOptions): Promise<string[]> {
  const chunkRows = options.chunkRows ?? defaultChunkRows;
  const personIds = fresh.map(() => crypto.randomUUID());
  const certificates = await withTransaction(ctx, (tx) => issueCertificateNumbers(tx, fresh));
  for (let start = 0; start < fresh.length; start += chunkRows) {
    const chunk = buildChunk(ctx, batchId, fresh, personIds, certificates, start, Math.min(start + chunkRows, fresh.length));
    await withTransaction(ctx, async (tx) => {
      await insertImportedPersons(tx, chunk.personRows);
      await insertImportedEvents(tx, chunk.eventRows);
      await recordImportedCertificates(tx, chunk.certificateRows);
    });
    await yieldToOthers();
    await options.afterChunk?.(Math.min(start + chunkRows, fresh.length));
  }
  return personIds;
}

/** The rows of fresh[start, end) as inserts, sealed (only one chunk of wide rows is in memory at a time). */
function buildChunk(
  ctx: Ctx,
  batchId: string,
  fresh: ValidRow[],
  personIds: string[],
  certificates: Map<number, string>,
  start: number,
  end: number,
) {
  const now = ctx.now();
  const personRows: PersonInsert[] = [];
  const eventRows: EventInsert[] = [];
  const certificateRows: CertificateEventInsert[] = [];
  for (let i = start; i < end; i++) {
    const v = fresh[i]!;
    const r = v.raw;
    const id = personIds[i]!;
    const certificateNo = certificates.get(i) ?? null;
    personRows.push({
      id,
      idNumberSealed: ctx.sealer.seal('idNumber', v.idNumber),
      idNumberIndex: v.idIndex,
      idNumberMasked: mask(v.idNumber, 6, 4),
      idConvertedFrom15: v.convertedFrom15,
      name: r.name,
      sex: v.sex,
      birthDate: v.birthDate,
      ethnicity: r.ethnicity || null,
      education: r.education || null,
      householdType: v.householdType,
      address: r.address || null,
      regionCode: r.regionCode,
      phoneSealed: r.phone ? ctx.sealer.seal('phone', r.phone) : null,
      phoneIndex: r.phone ? ctx.sealer.blindIndex('phone', r.phone) : null,
      phoneMasked: r.phone ? maskPhone(r.phone) : null,
      labourCapacity: v.labourCapacity,
      skills: split(r.skills),
      matchKeys: matchKeysOf([], split(r.skills)),
      categories: split(r.categories),
      employmentStatus: v.registration === 'employment' ? 'employed' : v.registration === 'unemployment' ? 'unemployed' : 'not_registered',
      statusSince: v.registration ? r.registrationDate : null,
      certificateNo,
      certificateStatus: certificateNo ? 'valid' : null,
      unitId: ctx.actor.unitId,
      importBatch: batchId,
      createdAt: now,
      updatedAt: now,
    });
    if (v.registration) {
      const details = { source: 'import', ...(r.employerName ? { employerName: r.employerName } : {}) };
      eventRows.push({
        id: crypto.randomUUID(),
        personId: id,
        type: v.registration,
        date: r.registrationDate,
        regionCode: r.regionCode,
        details,
        certificateNo,
        createdBy: ctx.actor.username,
        unitId: ctx.actor.unitId,
        createdAt: now,
      });
    }
    if (certificateNo) {
      certificateRows.push({
        id: crypto.randomUUID(),
        personId: id,
        certificateNo,
        action: 'issue',
        date: r.registrationDate,
        createdBy: ctx.actor.username,
        unitId: ctx.actor.unitId,
        createdAt: now,
      });
    }
  }
  return { personRows, eventRows, certificateRows };
}

/**
 * Deletes everything a batch never applied wrote, children first, a chunk per short transaction.
 * Its reserved certificate numbers stay used (a gap, never a number given twice).
 */
async function discardBatch(ctx: Ctx, batchId: string, options: ImportOptions): Promise<void> {
  const limit = options.chunkRows ?? defaultChunkRows;
  for (const remove of [deleteUnappliedImportedCertificates, deleteUnappliedImportedEvents, deleteUnappliedImportedPersons]) {
    while ((await withTransaction(ctx, (tx) => remove(tx, batchId, limit))) > 0) await yieldToOthers();
  }
  await withTransaction(ctx, (tx) => closeUnappliedImportBatch(tx, batchId));
}

/** Deletes batches whose import died with its process (never applied, older than abandonedAfterMs). */
async function discardAbandonedBatches(ctx: Ctx, options: ImportOptions): Promise<void> {
  const before = new Date(ctx.now().getTime() - abandonedAfterMs);
  for (const batchId of await abandonedImportBatches(anywhereCtx(ctx), before)) await discardBatch(anywhereCtx(ctx), batchId, options);
}

const defaultChunkRows = 2000;

/**
 * Imported 失业 rows are first unemployment registrations here: each gets a 就业失业登记证 number,
 * reserved in blocks per county and year. Answers the number per index into `rows`.
 */
async function issueCertificateNumbers(tx: Ctx, rows: ValidRow[]): Promise<Map<number, string>> {
  const byPrefix = new Map<string, number[]>();
  rows.forEach((v, i) => {
    if (v.registration !== 'unemployment') return;
    const key = `${v.raw.regionCode.slice(0, 6)}|${v.raw.registrationDate.slice(0, 4)}`;
    const list = byPrefix.get(key);
    if (list) list.push(i);
    else byPrefix.set(key, [i]);
  });
  const certificates = new Map<number, string>();
  for (const [key, indexes] of byPrefix) {
    const [county, year] = key.split('|') as [string, string];
    const numbers = await reserveCertificateNumbers(tx, county, `${year}-01-01`, indexes.length);
    indexes.forEach((index, k) => certificates.set(index, numbers[k]!));
  }
  return certificates;
}

/** The VALIDATION_FAILED error of a rejected import, carrying the rejected rows as Excel. */
async function rejection(raws: RawRow[], problems: Map<number, string[]>): Promise<AppError> {
  const rejected = raws.filter((r) => problems.has(r.line));
  const columns: ExcelColumn<RawRow>[] = [
    { header: '原行号', width: 8, value: (r) => r.line },
    ...ledgerColumns.map((c) => ({ header: c.header, width: c.width, value: (r: RawRow) => r[c.key] })),
    { header: '错误原因', width: 50, value: (r) => problems.get(r.line)!.join('；') },
  ];
  const file = await xlsxOf('未导入的行', columns, rejected);
  const errors: FieldError[] = rejected
    .slice(0, 200)
    .map((r) => ({ path: `/rows/${r.line}`, code: 'INVALID_ROW', message: `第 ${r.line} 行：${problems.get(r.line)!.join('；')}` }));
  return new AppError(
    'VALIDATION_FAILED',
    `共 ${rejected.length} 行有误，未导入任何数据。请下载“未导入的行”，按错误原因改正后重新导入。`,
    errors,
    {
      rejectedCount: rejected.length,
      rejectedRowsXlsx: file.toString('base64'),
    },
  );
}
