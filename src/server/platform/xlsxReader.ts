// A small streaming .xlsx reader for imports: the first worksheet's cells as text.
// Why not ExcelJS: its streaming reader decodes each inflated chunk separately and corrupts
// Chinese characters split across chunk boundaries (exceljs issue #2063, open in 4.4), and its
// full loader needs ~700 MB for a 100k-row ledger. Here every zip entry is inflated as a stream,
// decoded with one StringDecoder per entry (which keeps split characters whole) and fed to saxes.
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';

export interface SheetRow {
  /** 1-based row number as in Excel. */
  number: number;
  /** Cell texts by 0-based column index ('' where empty). */
  cells: string[];
}

type ZipEntries = Map<string, { open: () => Promise<Readable> }>;

function openZip(buffer: Buffer): Promise<ZipEntries> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip file'));
      const entries: ZipEntries = new Map();
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName, {
          open: () =>
            new Promise((res, rej) => zip.openReadStream(entry, (e, s) => (e || !s ? rej(e ?? new Error('unreadable entry')) : res(s)))),
        });
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Streams an XML entry through saxes; `onOpen`, `onText` and `onClose` see plain tags. */
async function parseXml(
  stream: Readable,
  on: { open?: (tag: SaxesTagPlain) => void; text?: (text: string) => void; close?: (tag: SaxesTagPlain) => void },
) {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on('error', (e) => (failure = e));
  if (on.open) parser.on('opentag', on.open);
  if (on.text) parser.on('text', on.text);
  if (on.close) parser.on('closetag', on.close);
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream) {
    parser.write(decoder.write(chunk as Buffer));
    if (failure) throw failure;
  }
  parser.write(decoder.end());
  parser.close();
  if (failure) throw failure;
}

/** Column index (0-based) of a cell reference such as "AB12". */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

async function sharedStrings(entries: ZipEntries): Promise<string[]> {
  const entry = entries.get('xl/sharedStrings.xml');
  if (!entry) return [];
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  await parseXml(await entry.open(), {
    open: (t) => {
      if (t.name === 'si') current = '';
      else if (t.name === 'rPh') inPhonetic = true;
      else if (t.name === 't' && !inPhonetic) inText = true;
    },
    text: (text) => {
      if (inText && current !== null) current += text;
    },
    close: (t) => {
      if (t.name === 't') inText = false;
      else if (t.name === 'rPh') inPhonetic = false;
      else if (t.name === 'si') {
        strings.push(current ?? '');
        current = null;
      }
    },
  });
  return strings;
}

/** Path of the first worksheet, resolved through the workbook's relationships. */
async function firstSheetPath(entries: ZipEntries): Promise<string> {
  let relId: string | undefined;
  const workbook = entries.get('xl/workbook.xml');
  if (workbook)
    await parseXml(await workbook.open(), {
      open: (t) => void (t.name === 'sheet' && !relId && (relId = String(t.attributes['r:id'] ?? ''))),
    });
  let target: string | undefined;
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (rels && relId)
    await parseXml(await rels.open(), {
      open: (t) => void (t.name === 'Relationship' && t.attributes.Id === relId && (target = String(t.attributes.Target))),
    });
  if (!target) return 'xl/worksheets/sheet1.xml';
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** The first worksheet's rows as text; throws when the buffer is not an .xlsx file. */
export async function readXlsxRows(buffer: Buffer): Promise<SheetRow[]> {
  const entries = await openZip(buffer);
  const strings = await sharedStrings(entries);
  const sheet = entries.get(await firstSheetPath(entries));
  if (!sheet) throw new Error('workbook has no worksheet');
  const rows: SheetRow[] = [];
  let row: SheetRow | null = null;
  let cellType = '';
  let column = 0;
  let value = '';
  let capture = false;
  await parseXml(await sheet.open(), {
    open: (t) => {
      if (t.name === 'row') row = { number: Number(t.attributes.r ?? rows.length + 1), cells: [] };
      else if (t.name === 'c') {
        cellType = String(t.attributes.t ?? 'n');
        column = t.attributes.r ? columnOf(String(t.attributes.r)) : (row?.cells.length ?? 0);
        value = '';
      } else if (t.name === 'v' || (t.name === 't' && cellType === 'inlineStr')) capture = true;
    },
    text: (text) => {
      if (capture) value += text;
    },
    close: (t) => {
      if (t.name === 'v' || t.name === 't') capture = false;
      else if (t.name === 'c' && row) {
        const text = cellType === 's' ? (strings[Number(value)] ?? '') : cellType === 'b' ? (value === '1' ? 'TRUE' : 'FALSE') : value;
        while (row.cells.length < column) row.cells.push('');
        row.cells[column] = text.trim();
      } else if (t.name === 'row' && row) {
        rows.push(row);
        row = null;
      }
    },
  });
  return rows;
}

/** An Excel date serial (days since 1899-12-30) as YYYY-MM-DD; other text unchanged. */
export function excelDateText(text: string): string {
  if (!/^\d{4,5}(\.\d+)?$/.test(text)) return text;
  const ms = Math.round(Number(text) * 86_400_000) + Date.UTC(1899, 11, 30);
  return new Date(ms).toISOString().slice(0, 10);
}
