import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * CSV with a UTF-8 byte-order mark, so Excel on Windows opens Chinese text correctly. Rows are
 * produced page by page, so memory stays flat whatever the size of the export.
 */
export function csvStream(header: string[], rows: AsyncIterable<string[]>): Readable {
  async function* lines() {
    yield `\uFEFF${header.map(csvField).join(',')}\r\n`;
    for await (const row of rows) yield `${row.map(csvField).join(',')}\r\n`;
  }
  return Readable.from(lines());
}

type Sheet = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;

/**
 * XLSX written as it streams (exceljs's streaming writer): `write` adds the sheets, each with a bold
 * header row that stays in view. A failure mid-way reaches `onError` and ends the download broken,
 * not silently short.
 */
function xlsxWriter(
  onError: (e: unknown) => void,
  write: (addSheet: (name: string, header: string[]) => Sheet) => Promise<void>,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const addSheet = (name: string, header: string[]) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = header.map((h) => ({ header: h, width: Math.max(12, Math.min(40, h.length * 3)) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    return sheet;
  };
  (async () => {
    await write(addSheet);
    await workbook.commit();
  })().catch((e) => {
    onError(e);
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  return out;
}

/** XLSX of one sheet, its rows read as they come. */
export function xlsxStream(sheetName: string, header: string[], rows: AsyncIterable<string[]>, onError: (e: unknown) => void): Readable {
  return xlsxWriter(onError, async (addSheet) => {
    const sheet = addSheet(sheetName, header);
    for await (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
  });
}

/** A small XLSX of several sheets, each a header row and its rows (a dashboard's cards, one sheet each). */
export function xlsxSheets(sheets: { name: string; header: string[]; rows: string[][] }[], onError: (e: unknown) => void): Readable {
  return xlsxWriter(onError, async (addSheet) => {
    for (const s of sheets) {
      const sheet = addSheet(s.name, s.header);
      for (const row of s.rows) sheet.addRow(row).commit();
      sheet.commit();
    }
  });
}
