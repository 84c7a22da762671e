// Generated community ledgers written as .xlsx for import tests and benchmarks (streaming writer).
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { ledgerColumns } from '../modules/persons/ledgerImport.js';
import type { LedgerRow } from '../demo/people.js';

export { makeLedgerRows, seededRandom, type LedgerRow } from '../demo/people.js';


/** Writes rows under the template's header row as an .xlsx buffer (streaming writer). */
export async function ledgerXlsx(rows: LedgerRow[]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => stream.on('end', resolve));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
  const ws = wb.addWorksheet('劳动力资源台账');
  ws.addRow(ledgerColumns.map((c) => c.header)).commit();
  for (const r of rows) ws.addRow(ledgerColumns.map((c) => r[c.key])).commit();
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
