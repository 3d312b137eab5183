import type { Locale } from '@contracts/common.js';

/*
 * A report file declared as columns: each column a heading in the three languages and the value of
 * a row in it. A report whose page shows two blocks (stages and totals, say) gives two parts; the
 * file holds the second under its own header row after an empty row.
 *
 *   reportTable(locale,
 *     tablePart([{ label: L.stage, value: (s) => s.labels }, { label: L.count, value: (s) => s.count }], r.stages),
 *     tablePart(CYCLE_COLUMNS, cycleRows),
 *   )
 */

/** Words in each language: a heading, or a cell that reads differently per language. */
export type Label = Record<Locale, string>;
export const label = (zhCN: string, zhTW: string, en: string): Label => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

/** A download's one sheet: a header row and rows of cell text, in the caller's language. */
export interface ReportTable {
  header: string[];
  rows: string[][];
}

/** Numbers and money as written in the JSON (decimal strings stay exact), a label in the caller's language, nothing for null. */
export type CellValue = string | number | Label | null | undefined;

export interface ReportColumn<Row> {
  label: Label;
  value: (row: Row) => CellValue;
}

export interface TablePart<Row> {
  columns: readonly ReportColumn<Row>[];
  rows: readonly Row[];
}

/** Ties a part's rows to its columns' row type. */
export const tablePart = <Row>(columns: readonly ReportColumn<Row>[], rows: readonly Row[]): TablePart<Row> => ({ columns, rows });

const text = (v: CellValue, locale: Locale): string => {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? v[locale] : String(v);
};

function render<Row>(part: TablePart<Row>, locale: Locale): ReportTable {
  return {
    header: part.columns.map((c) => c.label[locale]),
    rows: part.rows.map((row) => part.columns.map((c) => text(c.value(row), locale))),
  };
}

/** The first part's header heads the file; each further part follows an empty row, with its own header. */
// biome-ignore lint/suspicious/noExplicitAny: each part keeps its own row type; only its columns read it
export function reportTable(locale: Locale, first: TablePart<any>, ...more: TablePart<any>[]): ReportTable {
  const { header, rows } = render(first, locale);
  for (const part of more) {
    const next = render(part, locale);
    rows.push([], next.header, ...next.rows);
  }
  return { header, rows };
}
