import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

/** Where the reader is in the file, for the progress bar: bytes of the stored file consumed so far. */
export interface ReadPosition {
  bytes: number;
}

/**
 * Excel in a Chinese locale saves "CSV" as GB18030 (GBK) without saying so; a UTF-8 file may carry
 * a BOM. A sample that is not valid UTF-8 is taken as GB18030, which covers GBK and GB2312.
 */
function detectEncoding(head: Uint8Array): 'utf-8' | 'utf-16le' | 'gb18030' {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  // A sample cut mid-character is not an error: drop up to three trailing bytes of a partial sequence.
  for (let cut = 0; cut <= 3 && cut < head.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return 'utf-8';
    } catch {
      // try a shorter sample
    }
  }
  return 'gb18030';
}

/** The delimiter that splits the first line most: comma, tab (copied from Excel) or semicolon. */
function detectDelimiter(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';']) {
    const n = firstLine.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

async function* decoded(chunks: AsyncIterable<Uint8Array>, pos: ReadPosition): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  for await (const chunk of chunks) {
    decoder ??= new TextDecoder(detectEncoding(chunk.subarray(0, 4096)), { ignoreBOM: false });
    pos.bytes += chunk.length;
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder?.decode();
  if (rest) yield rest;
}

async function* csvRows(chunks: AsyncIterable<Uint8Array>, pos: ReadPosition): AsyncGenerator<string[]> {
  const text = decoded(chunks, pos);
  const first = await text.next();
  if (first.done) return;
  const delimiter = detectDelimiter(first.value.split(/\r?\n/, 1)[0]);
  async function* all() {
    yield first.value as string;
    yield* text;
  }
  const source = Readable.from(all());
  const parser = source.pipe(parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true }));
  try {
    for await (const record of parser) yield record as string[];
  } finally {
    // A reader that stops early (sample rows, too many rows) closes the file behind it.
    source.destroy();
  }
}

/** Excel dates arrive as Date at UTC midnight; the calendar day is what the user typed. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v);
}

async function* xlsxRows(chunks: AsyncIterable<Uint8Array>, pos: ReadPosition): AsyncGenerator<string[]> {
  async function* counted() {
    for await (const chunk of chunks) {
      pos.bytes += chunk.length;
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
  }
  const source = Readable.from(counted());
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    // The first sheet is the data; later sheets (notes, lookups) are ignored.
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[];
        const out: string[] = [];
        for (let i = 1; i < values.length; i++) out.push(cellText(values[i]).trim());
        // exceljs skips rows that are wholly empty; a row of blank cells is skipped here as well.
        if (out.some((c) => c !== '')) yield out;
      }
      return;
    }
  } finally {
    source.destroy();
  }
}

export function readRows(format: 'csv' | 'xlsx', chunks: AsyncIterable<Uint8Array>, pos: ReadPosition): AsyncGenerator<string[]> {
  return format === 'csv' ? csvRows(chunks, pos) : xlsxRows(chunks, pos);
}

/** XLSX is a zip file ("PK\3\4"); anything else is read as delimited text. */
export function sniffFormat(head: Uint8Array, fileName: string): 'csv' | 'xlsx' {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  return /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv';
}
