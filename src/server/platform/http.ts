// Shared pieces of the HTTP layer: paging, list responses and Excel export of lists.
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';

export type { App, AppDeps } from './context.js';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/** The last page a list may ask for: with 100 rows a page, a billion rows in all. */
export const maxPage = 10_000_000;

/** Query fields every list takes (shared/API.md "Lists"). */
export const pageQuery = {
  page: Type.Integer({ minimum: 1, maximum: maxPage, default: 1, description: '页码，从 1 开始' }),
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

/** The media type of .xlsx files (downloads, and uploads the import routes accept). */
export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends an .xlsx file as a download named `filename`.xlsx (any route, whatever its JSON schema). */
export function sendXlsx(reply: FastifyReply, filename: string, file: Buffer) {
  return reply
    .type(xlsxContentType)
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

/**
 * A response field that is one of `values`: the OpenAPI document (and so the web's generated types)
 * lists them as an enum, while server code keeps the column's plain string type. Responses are
 * serialized, not validated, so the enum documents; request bodies validate with their own schemas.
 */
export const OneOf = (values: readonly string[], description?: string) =>
  Type.Unsafe<string>(Type.String({ enum: [...values], ...(description ? { description } : {}) }));

/** A schema that also allows null. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);

/** What a failed `pattern` of the shared text types means, for the error handler's field messages. */
export const patternMessages = new Map<string, string>();

/** Text on one line: no control characters, no line breaks. */
const singleLinePattern = '^[^\\p{Cc}]*$';
patternMessages.set(singleLinePattern, '须为一行文字，不能包含换行或控制字符');
/** Free text: line breaks and tabs allowed, other control characters not. */
const paragraphPattern = '^[\\t\\n\\r\\P{Cc}]*$';
patternMessages.set(paragraphPattern, '不能包含控制字符');

/** A short text field on one line (an address, an education level, a keyword). */
export const Text = (opts: { maxLength: number; minLength?: number; description?: string }) =>
  Type.String({ ...opts, pattern: singleLinePattern });

/** A free-text field that may span lines (a description, notes, a comment). */
export const Paragraph = (opts: { maxLength: number; minLength?: number; description?: string }) =>
  Type.String({ ...opts, pattern: paragraphPattern });

/** Blanks and characters that show nothing (zero-width spaces, joiners, the BOM). */
const blank = '[\\s\\p{Z}\\p{Cf}]';
const visible = '[^\\s\\p{Z}\\p{Cf}\\p{Cc}]';

/**
 * A name, title or reason: one line with at least `minLength` visible characters, so a string of
 * spaces or zero-width characters is not a name. `minLength` counts visible characters only.
 */
export const Name = (opts: { maxLength: number; minLength?: number; description?: string }) => {
  const min = opts.minLength ?? 1;
  const pattern = `^(?=(?:${blank}*${visible}){${min}})[^\\p{Cc}]*$`;
  patternMessages.set(pattern, `须为一行文字，至少 ${min} 个字（空格和不可见字符不算）`);
  return Type.String({ ...opts, minLength: min, pattern });
};

/** One look at a person's record, as auditors and the person see it (SYS-2). */
export const AccessLogEntry = Type.Object({
  at: DateTime,
  actorUsername: Type.String(),
  unitName: Nullable(Type.String()),
  action: Type.Unsafe<'view' | 'lookup' | 'export' | 'reveal'>(Type.String({ enum: ['view', 'lookup', 'export', 'reveal'] })),
  rows: Nullable(Type.Integer()),
});
