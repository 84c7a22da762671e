// Shared pieces of the HTTP layer: paging, list responses and Excel export of lists.
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';

export type { App, AppDeps } from './context.js';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/** Query fields every list takes (shared/API.md "Lists"). */
export const pageQuery = {
  page: Type.Integer({ minimum: 1, default: 1, description: '页码，从 1 开始' }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20, description: '每页条数 1–100' }),
  format: Type.Optional(Type.Literal('xlsx', { description: 'xlsx：按同样的筛选条件导出全部行为 Excel' })),
};

/** Most rows one Excel export holds; larger lists must be narrowed by filters. */
export const exportRowLimit = 100_000;

/** Response schema of a page of items. */
export function Paged<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
}

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid', description: '记录编号' }) });

export interface Paging {
  limit: number;
  offset: number;
}

export interface ExcelColumn<T> {
  header: string;
  width?: number;
  /** Text format, so Excel keeps 18-digit ID numbers as typed instead of rounding them. */
  text?: boolean;
  value: (row: T) => string | number | boolean | null | undefined;
}

/**
 * Answers a list request: a page as JSON, or with `format=xlsx` every row (same filters) as an
 * Excel file.
 */
export async function sendList<T>(
  reply: FastifyReply,
  query: { page: number; pageSize: number; format?: 'xlsx' | undefined },
  fetch: (paging: Paging) => Promise<{ items: T[]; total: number }>,
  excel: { filename: string; sheet: string; columns: ExcelColumn<T>[]; onExport?: (rows: T[]) => void },
) {
  if (query.format === 'xlsx') {
    const { items } = await fetch({ limit: exportRowLimit, offset: 0 });
    excel.onExport?.(items);
    return sendXlsx(reply, excel.filename, await xlsxOf(excel.sheet, excel.columns, items));
  }
  const { items, total } = await fetch({ limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Sends an .xlsx file as a download named `filename`.xlsx (any route, whatever its JSON schema). */
export function sendXlsx(reply: FastifyReply, filename: string, file: Buffer) {
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}.xlsx`)
    .send(file);
}

/**
 * An .xlsx workbook of one sheet with a bold, frozen header row, written with ExcelJS's
 * streaming writer so 100k rows do not build a whole workbook model in memory.
 */
export async function xlsxOf<T>(sheetName: string, columns: ExcelColumn<T>[], rows: Iterable<T>): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => stream.on('end', resolve));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  wb.creator = 'OpenPES';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16, ...(c.text ? { style: { numFmt: '@' } } : {}) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const row of rows) ws.addRow(columns.map((c) => c.value(row) ?? '')).commit();
  ws.commit();
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

/** A timestamp: a Date in code, an ISO 8601 string on the wire (fast-json-stringify converts). */
export const DateTime = Type.Unsafe<Date>(Type.String({ format: 'date-time' }));

/** A schema that also allows null. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);

/** One look at a person's record, as auditors and the person see it (SYS-2). */
export const AccessLogEntry = Type.Object({
  at: DateTime,
  actorUsername: Type.String(),
  unitName: Nullable(Type.String()),
  action: Type.Unsafe<'view' | 'lookup' | 'export' | 'reveal'>(Type.String({ enum: ['view', 'lookup', 'export', 'reveal'] })),
  rows: Nullable(Type.Integer()),
});
