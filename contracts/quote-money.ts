// Q2: a quote's figures, exact. Prices are per unit and include tax (as Chinese quotes are written);
// a line's amount is quantity × unit price × (1 − discount), rounded to the fen once; the quote's
// total applies the whole-quote discount to the sum of the lines. Discounts compare with the rep's
// limit without rounding, so exactly at the limit passes and one hundredth of a percent over does not.
// Shared by the server (stored figures, approval checks) and the web editor (live figures and the
// 超出折扣权限 marks), so what a rep sees while typing is what the server will decide.

/** Fixed-point: money in fen, quantities and percentages in hundredths. */
const SCALE = { money: 2, qty: 2, pct: 2 } as const;

function toUnits(v: string, places: number): bigint {
  const s = v.trim();
  const neg = s.startsWith('-');
  const [whole, frac = ''] = s.replace('-', '').split('.');
  if (frac.length > places && /[1-9]/.test(frac.slice(places))) throw new Error(`${v} has more than ${places} decimals`);
  const n = BigInt(`${whole || '0'}${frac.padEnd(places, '0').slice(0, places)}`);
  return neg ? -n : n;
}

export const fen = (v: string) => toUnits(v, SCALE.money);
const hundredths = (v: string) => toUnits(v, SCALE.pct);

/** Rounds a non-negative ratio half up. */
const divRound = (n: bigint, d: bigint) => (n * 2n + d) / (2n * d);

export function formatFen(f: bigint): string {
  const neg = f < 0n;
  const a = neg ? -f : f;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

/** A ratio as a percentage with two decimals (half up), e.g. 0.1234 → '12.34'. */
function percentOf(n: bigint, d: bigint): string {
  if (d === 0n) return '0.00';
  return formatFen(divRound(n * 10000n, d));
}

export interface LineInput {
  quantity: string;
  /** The catalogue's (or the bundle's) price for one unit: what a discount is measured against. */
  listPrice: string;
  unitPrice: string;
  discount: string;
  taxRate: string;
  costPrice: string | null;
}

export interface LineFigures {
  amount: string;
  taxAmount: string;
  /** Off the list price, all told (a lower unit price counts as discount too), two decimals. */
  effectiveDiscount: string;
  listAmount: string;
  costAmount: string | null;
}

const ONE = 10000n; // 100.00 % in hundredths of a percent

/** quantity × unit price × (1 − discount), in fen × 10⁶ (exact, before rounding). */
const exactAmount = (l: LineInput) => fen(l.unitPrice) * hundredths(l.quantity) * (ONE - hundredths(l.discount));
const exactList = (l: LineInput) => fen(l.listPrice) * hundredths(l.quantity) * ONE;
const EXACT = 100n * ONE; // exact values are in fen × (quantity hundredths) × (percent hundredths)

export function lineFigures(l: LineInput, wholeDiscount = '0'): LineFigures {
  const amount = divRound(exactAmount(l), EXACT);
  const list = divRound(exactList(l), EXACT);
  const net = divRound(amount * (ONE - hundredths(wholeDiscount)), ONE);
  const rate = hundredths(l.taxRate);
  return {
    amount: formatFen(amount),
    // Included in the price: amount × rate ÷ (100 + rate), on what the customer pays after the whole-quote discount.
    taxAmount: formatFen(divRound(net * rate, ONE + rate)),
    effectiveDiscount: l.listPrice === '0' || fen(l.listPrice) === 0n ? '0.00' : percentOf(exactList(l) - exactAmount(l), exactList(l)),
    listAmount: formatFen(list),
    costAmount: l.costPrice === null ? null : formatFen(divRound(fen(l.costPrice) * hundredths(l.quantity), 100n)),
  };
}

/** Is this line's discount off the list price beyond the limit (percent)? Exactly at it is not. */
export function lineOverLimit(l: LineInput, limit: string): boolean {
  // list × (1 − limit) > price × (1 − discount), both per unit.
  return fen(l.listPrice) * (ONE - hundredths(limit)) > fen(l.unitPrice) * (ONE - hundredths(l.discount));
}

export interface QuoteFigures {
  listTotal: string;
  subtotal: string;
  total: string;
  taxTotal: string;
  /** The whole quote's discount off the list prices, all told. */
  overallDiscount: string;
  costTotal: string | null;
}

export function quoteFigures(lines: LineInput[], wholeDiscount: string): QuoteFigures {
  const figures = lines.map((l) => lineFigures(l, wholeDiscount));
  const subtotal = figures.reduce((s, f) => s + fen(f.amount), 0n);
  const total = divRound(subtotal * (ONE - hundredths(wholeDiscount)), ONE);
  const exactListSum = lines.reduce((s, l) => s + exactList(l), 0n);
  const exactNet = lines.reduce((s, l) => s + exactAmount(l), 0n) * (ONE - hundredths(wholeDiscount));
  const costs = figures.map((f) => f.costAmount);
  return {
    listTotal: formatFen(figures.reduce((s, f) => s + fen(f.listAmount), 0n)),
    subtotal: formatFen(subtotal),
    total: formatFen(total),
    taxTotal: formatFen(figures.reduce((s, f) => s + fen(f.taxAmount), 0n)),
    overallDiscount: exactListSum === 0n ? '0.00' : percentOf(exactListSum * ONE - exactNet, exactListSum * ONE),
    costTotal: costs.some((c) => c === null) ? null : formatFen(costs.reduce((s, c) => s + fen(c as string), 0n)),
  };
}

/** The whole quote beyond the limit: list total × (1 − limit) > what the customer pays (unrounded). */
export function quoteOverLimit(lines: LineInput[], wholeDiscount: string, limit: string): boolean {
  const exactListSum = lines.reduce((s, l) => s + exactList(l), 0n);
  const exactNet = lines.reduce((s, l) => s + exactAmount(l), 0n) * (ONE - hundredths(wholeDiscount));
  return exactListSum * (ONE - hundredths(limit)) > exactNet;
}

/** Gross margin and its rate on the total (for those who may see costs). */
export function margin(total: string, costTotal: string | null): { margin: string; marginRate: string | null } | null {
  if (costTotal === null) return null;
  const m = fen(total) - fen(costTotal);
  return { margin: formatFen(m), marginRate: fen(total) === 0n ? null : signedPercent(m, fen(total)) };
}

function signedPercent(n: bigint, d: bigint): string {
  return n < 0n ? `-${percentOf(-n, d)}` : percentOf(n, d);
}
