import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ledgerXlsx, makeLedgerRows } from '../testing/ledgerFile.js';
import { excelDateText, readXlsxRows } from './xlsxReader.js';

describe('REG-7 the .xlsx reader keeps Chinese text whole', () => {
  it('reads 5,000 Chinese rows exactly (ExcelJS streaming reader garbles characters split across chunks)', async () => {
    const rows = makeLedgerRows(5000, ['140105001001'], 2026);
    const sheet = await readXlsxRows(await ledgerXlsx(rows));
    expect(sheet).toHaveLength(5001);
    const garbled = sheet.slice(1).filter((r, i) => r.cells[1] !== rows[i]!.name || r.cells[3] !== rows[i]!.householdType);
    expect(garbled).toEqual([]);
  });

  it('reads shared strings, numbers, sparse cells and dates typed by Excel users', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('A1').value = '姓名';
    ws.getCell('C1').value = 42;
    ws.getCell('B2').value = { richText: [{ text: '富' }, { text: '文本' }] };
    ws.getCell('D2').value = new Date(Date.UTC(2026, 0, 5));
    const rows = await readXlsxRows(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows[0]).toEqual({ number: 1, cells: ['姓名', '', '42'] });
    expect(rows[1]!.cells[1]).toBe('富文本');
    expect(excelDateText(rows[1]!.cells[3]!)).toBe('2026-01-05');
  });

  it('refuses what is not an .xlsx file', async () => {
    await expect(readXlsxRows(Buffer.from('name,id\n'))).rejects.toThrow();
  });
});
