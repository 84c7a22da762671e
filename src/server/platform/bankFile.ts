// The layout of a bank's payment file (银行代发文件) shared by the payment runs of unemployment
// benefit (UI-3) and of subsidies: CSV in UTF-8 with a BOM (so Excel opens the Chinese text), CRLF
// line ends, a header line, one line per payment, and a last line `合计,<count>,<total fen>` the
// bank checks the file against.

/** A CSV cell: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
export function csvCell(v: string | number): string {
  const text = String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The file's text: BOM, header, the lines (cells already in order), then the count and total in fen. */
export function bankFileCsv(header: readonly string[], lines: readonly (readonly (string | number)[])[], totalFen: number): string {
  const rows = [header, ...lines].map((cells) => cells.map(csvCell).join(','));
  rows.push(['合计', lines.length, totalFen].join(','));
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
