import { fromHundredths, hundredths, orderLineAmount } from '@contracts/orders.js';
import type { OrderLine, OrderLineInput } from './api.js';

/** A line while the rep edits it: what the catalogue gave, and what he typed (strings, exact). */
export interface DraftLine {
  key: string;
  id?: string;
  productId: string;
  code: string;
  name: string;
  specification: string | null;
  unit: string;
  quantity: string;
  unitPrice: string;
  requiredDate: string;
}

const QTY = /^\d{1,8}(\.\d{1,2})?$/;
const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

export const validLine = (l: DraftLine) =>
  QTY.test(l.quantity) && /[1-9]/.test(l.quantity) && MONEY.test(l.unitPrice) && /^\d{4}-\d{2}-\d{2}$/.test(l.requiredDate);

/** The first line the server would refuse (−1: none). */
export const badLine = (lines: DraftLine[]) => lines.findIndex((l) => !validLine(l));

/** Each line's amount and the order's total, exactly as the server will store them (contracts/orders.ts). */
export function draftAmounts(lines: DraftLine[]) {
  const amounts = lines.map((l) => (validLine(l) ? orderLineAmount(l.quantity, l.unitPrice) : null));
  const total = amounts.reduce((s, a) => s + (a ? hundredths(a) : 0n), 0n);
  return { lines: amounts, total: fromHundredths(total) };
}

export const linesOfOrder = (lines: OrderLine[]): DraftLine[] =>
  lines.map((l) => ({
    key: l.id,
    id: l.id,
    productId: l.productId,
    code: l.code,
    name: l.name,
    specification: l.specification,
    unit: l.unit,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    requiredDate: l.requiredDate,
  }));

export const linesInput = (lines: DraftLine[]): OrderLineInput[] =>
  lines.map((l) => ({ id: l.id, productId: l.productId, quantity: l.quantity, unitPrice: l.unitPrice, requiredDate: l.requiredDate }));

/** Whole percent delivered, rounded down (99.9 % is not yet 100). */
export function deliveredPercent(quantity: string, delivered: string): number {
  const q = hundredths(quantity);
  if (q === 0n) return 0;
  return Number((hundredths(delivered) * 100n) / q);
}

/** A quantity the drawer may send: positive, two decimals, at most what is left. */
export function deliverableQuantity(value: string, remaining: string): 'empty' | 'ok' | 'bad' | 'too_much' {
  if (value.trim() === '' || /^0+(\.0+)?$/.test(value.trim())) return 'empty';
  if (!QTY.test(value.trim())) return 'bad';
  return hundredths(value.trim()) > hundredths(remaining) ? 'too_much' : 'ok';
}

/** '10.00' → '10', '2.50' → '2.5': quantities read as people write them. */
export const shortQty = (v: string) => v.replace(/\.00$/, '').replace(/(\.\d)0$/, '$1');
