import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Quote } from '@contracts/quotes.js';
import { rmbUppercase } from '@contracts/rmb-uppercase.js';
import PDFDocument from 'pdfkit';

// Q2: the quote as the customer receives it — A4, Chinese, the lines and totals, 大写 amount. Cost and
// margin are never read here, whoever asks. The CJK font comes from an npm package (Noto Sans SC,
// OFL), so a fresh machine needs no system font and nothing is fetched at run time; pdfkit embeds only
// the glyphs used, so a quote is tens of kilobytes, not the font's ten megabytes.

const FONT_FILE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
let font: Buffer | undefined;
/** Read once per process: parsing 10 MB for every download would cost more than the PDF. */
const cjkFont = () => {
  font ??= readFileSync(createRequire(import.meta.url).resolve(FONT_FILE));
  return font;
};

export interface QuotePdfOptions {
  /** The company on the letterhead; the application's name while the settings hold no company name. */
  company?: string;
  /** The quote's date as the customer sees it (sent, else made), YYYY-MM-DD in the company's zone. */
  date: string;
}

/** '1234.5' → '¥1,234.50' (exact: the decimal string is only regrouped, never parsed as a float). */
export function yuan(value: string): string {
  const neg = value.startsWith('-');
  const [i, f = ''] = (neg ? value.slice(1) : value).split('.');
  return `${neg ? '-' : ''}¥${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${`${f}00`.slice(0, 2)}`;
}

/** '3.00' → '3', '1.50' → '1.5', '10' → '10': trailing decimal zeros only. */
const qty = (v: string) => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);
/** '13.00' → '13%', '12.50' → '12.5%'. */
const pct = (v: string) => `${qty(v)}%`;

const PAGE = { margin: 40, width: 595.28, height: 841.89 };
const INNER = PAGE.width - 2 * PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin - 20; // room for the page number
const INK = '#1f1f1f';
const MUTED = '#666666';
const RULE = '#bfbfbf';

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right' | 'center';
  cell: (l: Quote['lines'][number]) => string;
}
// The customer's columns (issue 11): 产品编码, 名称, 规格, 单位, 数量, 单价, 折扣, 金额, 税率 — no cost.
const COLUMNS: Column[] = [
  { title: '产品编码', width: 62, align: 'left', cell: (l) => l.code },
  { title: '名称', width: 112, align: 'left', cell: (l) => l.name },
  { title: '规格', width: 66, align: 'left', cell: (l) => l.specification ?? '' },
  { title: '单位', width: 30, align: 'center', cell: (l) => l.unit },
  { title: '数量', width: 42, align: 'right', cell: (l) => qty(l.quantity) },
  { title: '单价', width: 64, align: 'right', cell: (l) => yuan(l.unitPrice) },
  { title: '折扣', width: 38, align: 'right', cell: (l) => (Number(l.discount) ? pct(l.discount) : '—') },
  { title: '金额', width: 67, align: 'right', cell: (l) => yuan(l.amount) },
  { title: '税率', width: INNER - 481, align: 'right', cell: (l) => pct(l.taxRate) },
];
const PAD = 4;

/** The quote as a PDF, in memory (a quote of 200 lines is a few pages). */
export async function renderQuotePdf(q: Quote, options: QuotePdfOptions): Promise<Buffer> {
  const o = { ...options, company: options.company ?? '销售过程管理' };
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    // The font's bytes (pdfkit takes them where its types name only a path): no Helvetica is loaded at all.
    font: cjkFont() as unknown as string,
    bufferPages: true,
    info: { Title: `报价单 ${q.number} 第${q.revision}版`, Author: o.company, Subject: q.title },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  letterhead(doc, q, o);
  linesTable(doc, q.lines);
  totals(doc, q);
  remarks(doc, q);
  pageNumbers(doc);
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;

function letterhead(doc: Doc, q: Quote, o: Required<QuotePdfOptions>) {
  const x = PAGE.margin;
  doc.fillColor(INK).fontSize(13).text(o.company, x, PAGE.margin, { width: INNER, align: 'center' });
  doc.moveDown(0.3).fontSize(20).text('报价单', { width: INNER, align: 'center', characterSpacing: 4 });
  doc.moveDown(0.6);
  const rows: [string, string][][] = [
    [
      ['报价单号', `${q.number}（第 ${q.revision} 版）`],
      ['报价日期', o.date],
    ],
    [
      ['客户', q.customerName],
      ['有效期至', q.validUntil ?? '—'],
    ],
    [
      ['商机', q.opportunityName],
      ['报价人', q.ownerName ?? '—'],
    ],
    [
      ['主题', q.title],
      ['', ''],
    ],
  ];
  doc.fontSize(9.5);
  const half = INNER / 2;
  for (const row of rows) {
    const y = doc.y;
    let bottom = y;
    row.forEach(([label, value], i) => {
      if (!label) return;
      const left = x + i * half;
      doc.fillColor(MUTED).text(`${label}：`, left, y, { width: 58, lineBreak: false });
      doc.fillColor(INK).text(value, left + 58, y, { width: half - 66 });
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = bottom + 3;
  }
  doc.x = x;
  doc.moveDown(0.4);
}

function rowHeight(doc: Doc, cells: string[]) {
  return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: COLUMNS[i].width - 2 * PAD }))) + 2 * PAD;
}

function drawRow(doc: Doc, cells: string[], y: number, h: number, head = false) {
  let x = PAGE.margin;
  if (head) doc.rect(PAGE.margin, y, INNER, h).fill('#f0f0f0');
  doc.fillColor(INK);
  cells.forEach((c, i) => {
    const col = COLUMNS[i];
    doc.text(c, x + PAD, y + PAD, { width: col.width - 2 * PAD, align: head ? 'center' : col.align });
    x += col.width;
  });
  doc
    .moveTo(PAGE.margin, y + h)
    .lineTo(PAGE.margin + INNER, y + h)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
}

function linesTable(doc: Doc, lines: Quote['lines']) {
  doc.fontSize(8.5);
  const header = COLUMNS.map((c) => c.title);
  const headerHeight = rowHeight(doc, header);
  let y = doc.y;
  const head = () => {
    drawRow(doc, header, y, headerHeight, true);
    y += headerHeight;
  };
  head();
  let bundle: string | null = null;
  for (const l of lines) {
    // Lines expanded from one bundle (套餐) sit under its name, as the editor shows them.
    const group = l.bundleId ? (l.bundleName ?? '套餐') : null;
    const cells = COLUMNS.map((c) => c.cell(l));
    const h = rowHeight(doc, cells);
    const label = `套餐：${group}`;
    const groupHeight = group && group !== bundle ? doc.heightOfString(label, { width: INNER - 2 * PAD }) + 2 * PAD : 0;
    if (y + groupHeight + h > BOTTOM) {
      doc.addPage();
      y = PAGE.margin;
      head();
    }
    if (groupHeight) {
      doc.rect(PAGE.margin, y, INNER, groupHeight).fill('#fafafa');
      doc.fillColor(MUTED).text(label, PAGE.margin + PAD, y + PAD, { width: INNER - 2 * PAD });
      y += groupHeight;
    }
    bundle = group;
    drawRow(doc, cells, y, h);
    y += h;
  }
  doc.x = PAGE.margin;
  doc.y = y + 8;
}

function totals(doc: Doc, q: Quote) {
  const discounted = Number(q.wholeDiscount) > 0;
  const rows: [string, string][] = [
    ['合计', yuan(q.subtotal)],
    ...(discounted ? ([['整单折扣', `${pct(q.wholeDiscount)}（-${yuan(subtract(q.subtotal, q.total))}）`]] as [string, string][]) : []),
    ['总计(含税)', yuan(q.total)],
    ['其中税额', yuan(q.taxTotal)],
  ];
  doc.fontSize(10);
  const needed = rows.length * 16 + 40;
  if (doc.y + needed > BOTTOM) doc.addPage();
  const labelX = PAGE.margin + INNER - 230;
  for (const [label, value] of rows) {
    const y = doc.y;
    const strong = label === '总计(含税)';
    doc.fillColor(strong ? INK : MUTED).text(label, labelX, y, { width: 90, align: 'right' });
    doc
      .fillColor(INK)
      .fontSize(strong ? 12 : 10)
      .text(value, labelX + 95, y - (strong ? 1 : 0), { width: 135, align: 'right' });
    doc.fontSize(10);
    doc.y = y + (strong ? 18 : 15);
  }
  doc.moveDown(0.3);
  doc
    .fillColor(MUTED)
    .text('总计金额大写：', PAGE.margin, doc.y, { continued: true })
    .fillColor(INK)
    .text(`人民币${rmbUppercase(q.total)}`);
  doc.x = PAGE.margin;
  doc.moveDown(0.8);
}

/** subtotal − total, both exact two-decimal strings (the whole-quote discount in money). */
function subtract(a: string, b: string): string {
  const fen = (v: string) => {
    const [i, f = ''] = v.split('.');
    return BigInt(i) * 100n + BigInt(`${f}00`.slice(0, 2));
  };
  const d = fen(a) - fen(b);
  return `${d / 100n}.${String(d % 100n).padStart(2, '0')}`;
}

function remarks(doc: Doc, q: Quote) {
  for (const [label, text] of [
    ['备注', q.notes],
    ['条款', q.terms],
  ] as const) {
    if (!text) continue;
    doc.fontSize(10).fillColor(INK).text(label, PAGE.margin, doc.y, { width: INNER });
    doc.moveDown(0.2).fontSize(9).fillColor(INK).text(text, { width: INNER, lineGap: 2 });
    doc.moveDown(0.8);
  }
}

function pageNumbers(doc: Doc) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would start a new page: lift it for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor(MUTED)
      .text(`第 ${i + 1} 页 / 共 ${count} 页`, PAGE.margin, PAGE.height - PAGE.margin + 6, { width: INNER, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
}
