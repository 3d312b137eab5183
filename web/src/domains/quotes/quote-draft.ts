import { type LineInput, lineFigures, lineOverLimit, margin, quoteFigures, quoteOverLimit } from '@contracts/quote-money.js';
import type { ExpansionLine } from '@contracts/products.js';
import type { Quote, QuoteLineInput } from '@contracts/quotes.js';

// The quote editor's lines as the rep types them, and their figures worked out by the same code the
// server uses (contracts/quote-money.ts): the 超出折扣权限 mark he sees is the server's decision.

export interface DraftLine {
  key: string;
  productId: string;
  bundleId: string | null;
  bundleName: string | null;
  /** Lines added from one bundle together share it (the same bundle may be added twice). */
  group: string | null;
  code: string;
  name: string;
  specification: string | null;
  unit: string;
  quantity: string;
  /** The catalogue's (or the bundle's) price: what a discount is measured against. */
  listPrice: string;
  unitPrice: string;
  discount: string;
  taxRate: string;
  /** Only for those who may see costs; absent otherwise. */
  costPrice?: string | null;
}

let seq = 0;
const nextKey = () => `l${++seq}`;

/** A value being typed ('', '12.', null) counts as zero until it is a number with at most two decimals. */
const decimal = (v: string | null | undefined) => (v && /^\d{1,12}(\.\d{1,2})?$/.test(v.trim()) ? v.trim() : '0');

const asInput = (l: DraftLine): LineInput => ({
  quantity: decimal(l.quantity),
  listPrice: decimal(l.listPrice),
  unitPrice: decimal(l.unitPrice),
  discount: decimal(l.discount),
  taxRate: decimal(l.taxRate),
  costPrice: l.costPrice === undefined || l.costPrice === null ? null : decimal(l.costPrice),
});

export interface LineResult {
  amount: string;
  effectiveDiscount: string;
  overLimit: boolean;
  /** Amount less cost; null where the cost is unknown or hidden. */
  margin: string | null;
}

export interface DraftResult {
  lines: LineResult[];
  listTotal: string;
  subtotal: string;
  total: string;
  taxTotal: string;
  overallDiscount: string;
  /** Any line, or the whole quote, beyond the limit: saving is fine, sending needs approval first. */
  overLimit: boolean;
  /** Only the whole quote (整单折扣 on top of the lines) goes beyond it. */
  wholeOverLimit: boolean;
  margin: string | null;
  marginRate: string | null;
}

export function draftFigures(lines: DraftLine[], wholeDiscount: string, limit: string): DraftResult {
  const inputs = lines.map(asInput);
  const whole = decimal(wholeDiscount);
  const perLine = inputs.map((l) => {
    const f = lineFigures(l, whole);
    return {
      amount: f.amount,
      effectiveDiscount: f.effectiveDiscount,
      overLimit: lineOverLimit(l, limit),
      margin: margin(f.amount, f.costAmount)?.margin ?? null,
    };
  });
  const totals = quoteFigures(inputs, whole);
  const wholeOverLimit = inputs.length > 0 && quoteOverLimit(inputs, whole, limit);
  const m = margin(totals.total, totals.costTotal);
  return {
    lines: perLine,
    listTotal: totals.listTotal,
    subtotal: totals.subtotal,
    total: totals.total,
    taxTotal: totals.taxTotal,
    overallDiscount: totals.overallDiscount,
    overLimit: wholeOverLimit || perLine.some((l) => l.overLimit),
    wholeOverLimit,
    margin: m?.margin ?? null,
    marginRate: m?.marginRate ?? null,
  };
}

/** A saved quote's lines, back in the editor; neighbouring lines of one bundle form one group again. */
export function linesOfQuote(q: Quote): DraftLine[] {
  let group: string | null = null;
  let previous: string | null = null;
  return q.lines.map((l) => {
    if (l.bundleId !== previous) group = l.bundleId ? nextKey() : null;
    previous = l.bundleId;
    return {
      key: nextKey(),
      productId: l.productId,
      bundleId: l.bundleId,
      bundleName: l.bundleName,
      group,
      code: l.code,
      name: l.name,
      specification: l.specification,
      unit: l.unit,
      quantity: l.quantity,
      listPrice: l.listPrice,
      unitPrice: l.unitPrice,
      discount: l.discount,
      taxRate: l.taxRate,
      ...(l.costPrice !== undefined ? { costPrice: l.costPrice } : {}),
    };
  });
}

/** A picked product, or a bundle (套餐) expanded by the server into its lines at the bundle's prices. */
export function linesOfPick(picked: { id: string; kind: 'product' | 'bundle'; name: string }, items: ExpansionLine[]): DraftLine[] {
  const bundle = picked.kind === 'bundle';
  const group = bundle ? nextKey() : null;
  return items.map((i) => ({
    key: nextKey(),
    productId: i.productId,
    bundleId: bundle ? picked.id : null,
    bundleName: bundle ? picked.name : null,
    group,
    code: i.code,
    name: i.name,
    specification: i.specification,
    unit: i.unit,
    quantity: i.quantity,
    listPrice: i.unitPrice,
    unitPrice: i.unitPrice,
    discount: '0.00',
    taxRate: i.taxRate,
    ...(i.costPrice !== undefined ? { costPrice: i.costPrice } : {}),
  }));
}

/** What the API takes: product, bundle, quantity, price and discount; the rest the server reads from the catalogue. */
export const linesInput = (lines: DraftLine[]): QuoteLineInput[] =>
  lines.map((l) => ({
    productId: l.productId,
    bundleId: l.bundleId,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    discount: decimal(l.discount),
  }));

export type DraftRow = { kind: 'group'; key: string; bundleName: string; count: number } | { kind: 'line'; key: string; index: number };

/** Table rows: each bundle's lines under one heading row with the bundle's name. */
export function draftRows(lines: DraftLine[]): DraftRow[] {
  const rows: DraftRow[] = [];
  lines.forEach((l, index) => {
    if (l.group && lines[index - 1]?.group !== l.group)
      rows.push({
        kind: 'group',
        key: `g-${l.group}`,
        bundleName: l.bundleName ?? '',
        count: lines.filter((x) => x.group === l.group).length,
      });
    rows.push({ kind: 'line', key: l.key, index });
  });
  return rows;
}

/**
 * The caller's discount limit before a quote exists (a saved quote carries the server's): the largest
 * of his roles' limits, everything for the administrator — as the server's discountLimitOf decides.
 */
export function myDiscountLimit(
  me: { roles: string[]; permissions: string[] },
  limits: { roleKey: string; maxDiscount: string }[],
): string {
  if (me.permissions.includes('*')) return '100.00';
  return limits
    .filter((l) => me.roles.includes(l.roleKey))
    .map((l) => l.maxDiscount)
    .reduce((max, l) => (Number(l) > Number(max) ? l : max), '0.00');
}
