import { describe, expect, it } from 'vitest';
import { type LineInput, lineFigures, lineOverLimit, margin, quoteFigures, quoteOverLimit } from './quote-money.js';

const line = (o: Partial<LineInput> = {}): LineInput => ({
  quantity: '1',
  listPrice: '1000.00',
  unitPrice: '1000.00',
  discount: '0',
  taxRate: '13',
  costPrice: '600.00',
  ...o,
});

describe('quote figures (Q2)', () => {
  it('works out a line exactly: quantity × price × (1 − discount), tax included in the price', () => {
    const f = lineFigures(line({ quantity: '3', unitPrice: '199.99', listPrice: '199.99', discount: '15' }));
    // 3 × 199.99 = 599.97; × 0.85 = 509.9745 → 509.97
    expect(f.amount).toBe('509.97');
    // 509.97 × 13 / 113 = 58.669… → 58.67
    expect(f.taxAmount).toBe('58.67');
    expect(f.effectiveDiscount).toBe('15.00');
    expect(f.costAmount).toBe('1800.00');
  });

  it('counts a lower unit price as discount off the list price', () => {
    expect(lineFigures(line({ unitPrice: '900.00' })).effectiveDiscount).toBe('10.00');
    expect(lineFigures(line({ unitPrice: '900.00', discount: '10' })).effectiveDiscount).toBe('19.00');
  });

  it('needs no approval exactly at the limit, and needs it one hundredth of a percent over', () => {
    expect(lineOverLimit(line({ discount: '10' }), '10')).toBe(false);
    expect(lineOverLimit(line({ discount: '10.01' }), '10')).toBe(true);
    // A price that rounds: 0.15 at 10 % is 0.135 a unit — still exactly 10 %, not over.
    expect(lineOverLimit(line({ listPrice: '0.15', unitPrice: '0.15', discount: '10' }), '10')).toBe(false);
    expect(lineOverLimit(line({ unitPrice: '899.99' }), '10')).toBe(true);
    expect(lineOverLimit(line({ unitPrice: '900.00' }), '10')).toBe(false);
  });

  it('applies the whole-quote discount to the total and checks it against the limit as well', () => {
    const lines = [
      line({ quantity: '2', discount: '5' }),
      line({ listPrice: '500.00', unitPrice: '500.00', taxRate: '6', costPrice: '100.00' }),
    ];
    const q = quoteFigures(lines, '5');
    expect(q.listTotal).toBe('2500.00');
    expect(q.subtotal).toBe('2400.00'); // 1900 + 500
    expect(q.total).toBe('2280.00');
    expect(q.overallDiscount).toBe('8.80'); // 1 − 2280 / 2500
    expect(q.costTotal).toBe('1300.00');
    expect(margin(q.total, q.costTotal)).toEqual({ margin: '980.00', marginRate: '42.98' });
    // Each line within 10 %, but all told 8.8 %: over an 8 % limit, within 8.8 %.
    expect(quoteOverLimit(lines, '5', '8.8')).toBe(false);
    expect(quoteOverLimit(lines, '5', '8.79')).toBe(true);
  });

  it('sums many lines without losing a fen', () => {
    const lines = Array.from({ length: 300 }, () => line({ unitPrice: '0.10', listPrice: '0.10', quantity: '1', costPrice: null }));
    const q = quoteFigures(lines, '0');
    expect(q.total).toBe('30.00');
    expect(q.costTotal).toBeNull();
    expect(margin(q.total, q.costTotal)).toBeNull();
  });
});
