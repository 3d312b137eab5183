import type { ExpansionLine } from '@contracts/products.js';
import { fen, formatFen, type LineInput, lineFigures, quoteFigures } from '@contracts/quote-money.js';
import type { QuoteLineInput } from '@contracts/quotes.js';
import type { ContractLine } from './api.js';

// A contract's lines while they are typed (a draft's, or an amendment's), and their figures by the
// same code the server stores them with (contracts/quote-money.ts): the amount shown is the amount saved.

export interface DraftLine {
  key: string;
  productId: string;
  /** The bundle (套餐) a picked line came from, so its price is the bundle's. */
  bundleId: string | null;
  bundleName: string | null;
  code: string;
  name: string;
  specification: string | null;
  unit: string;
  /** In an amendment a leading minus takes the quantity away from the contract (减少). */
  quantity: string;
  unitPrice: string;
  discount: string;
  taxRate: string;
}

let seq = 0;
const nextKey = () => `c${++seq}`;

const QUANTITY = /^\d{1,8}(\.\d{1,2})?$/;
const DECIMAL = /^\d{1,12}(\.\d{1,2})?$/;

/** A value being typed ('', '12.', null) counts as zero until it is a number with at most two decimals. */
const decimal = (v: string | null | undefined) => (v && DECIMAL.test(v.trim()) ? v.trim() : '0');

/** '-20' → { negative: true, size: '20' }; a quantity's sign apart from its size. */
export function splitQuantity(q: string): { negative: boolean; size: string } {
  const s = q.trim();
  return s.startsWith('-') ? { negative: true, size: s.slice(1) } : { negative: false, size: s };
}

/** Can the server take this quantity? Zero never; negative only on an amendment. */
export function validQuantity(q: string, allowNegative: boolean): boolean {
  const { negative, size } = splitQuantity(q);
  if (negative && !allowNegative) return false;
  return QUANTITY.test(size) && /[1-9]/.test(size);
}

const asInput = (l: DraftLine): LineInput => ({
  quantity: decimal(splitQuantity(l.quantity).size),
  listPrice: decimal(l.unitPrice),
  unitPrice: decimal(l.unitPrice),
  discount: decimal(l.discount),
  taxRate: decimal(l.taxRate),
  costPrice: null,
});

const negate = (v: string) => formatFen(-fen(v));

/**
 * Each line's amount and the total. A contract's total takes its whole discount off the lines' sum;
 * an amendment's lines carry none and a negative quantity turns the line's amount round, as the
 * server does (contract-amendments.ts), so the total is the change in the contract's amount.
 */
export function draftAmounts(lines: DraftLine[], wholeDiscount = '0'): { lines: string[]; total: string } {
  const whole = decimal(wholeDiscount);
  const amounts = lines.map((l) => {
    const a = lineFigures(asInput(l), whole).amount;
    return splitQuantity(l.quantity).negative ? negate(a) : a;
  });
  if (!lines.some((l) => splitQuantity(l.quantity).negative))
    return { lines: amounts, total: quoteFigures(lines.map(asInput), whole).total };
  return { lines: amounts, total: formatFen(amounts.reduce((s, a) => s + fen(a), 0n)) };
}

/** A saved contract's own lines, back in the editor. The bundle is kept by name only (the line has no bundle id). */
export function linesOfContract(lines: ContractLine[]): DraftLine[] {
  return lines.map((l) => ({
    key: nextKey(),
    productId: l.productId,
    bundleId: null,
    bundleName: l.bundleName,
    code: l.code,
    name: l.name,
    specification: l.specification,
    unit: l.unit,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    discount: l.discount,
    taxRate: l.taxRate,
  }));
}

/** A picked product, or a bundle expanded by the server into its lines at the bundle's prices. */
export function linesOfPick(picked: { id: string; kind: 'product' | 'bundle'; name: string }, items: ExpansionLine[]): DraftLine[] {
  const bundle = picked.kind === 'bundle';
  return items.map((i) => ({
    key: nextKey(),
    productId: i.productId,
    bundleId: bundle ? picked.id : null,
    bundleName: bundle ? picked.name : null,
    code: i.code,
    name: i.name,
    specification: i.specification,
    unit: i.unit,
    quantity: i.quantity,
    unitPrice: i.unitPrice,
    discount: '0.00',
    taxRate: i.taxRate,
  }));
}

/** What the API takes (the quote's line shape); the rest the server reads from the catalogue. */
export const linesInput = (lines: DraftLine[]): QuoteLineInput[] =>
  lines.map((l) => ({
    productId: l.productId,
    bundleId: l.bundleId,
    quantity: l.quantity.trim(),
    unitPrice: l.unitPrice,
    discount: decimal(l.discount),
  }));

/** The first line whose quantity the server would refuse, or -1. */
export const badQuantity = (lines: DraftLine[], allowNegative: boolean) =>
  lines.findIndex((l) => !validQuantity(l.quantity, allowNegative));

/** '3.00' → '3', '1.50' → '1.5': trailing decimal zeros only. */
export const quantity = (v: string) => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);

/** '31.3' → 31.3 for a progress bar, clamped to 0–100. */
export const progressValue = (v: string | null | undefined) => Math.min(100, Math.max(0, Number(v ?? 0) || 0));
