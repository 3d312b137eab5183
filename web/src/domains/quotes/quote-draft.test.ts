import { describe, expect, it } from 'vitest';
import { type DraftLine, draftFigures, draftRows, linesInput, linesOfPick, myDiscountLimit } from './quote-draft.js';

const line = (o: Partial<DraftLine> = {}): DraftLine => ({
  key: Math.random().toString(36),
  productId: 'p1',
  bundleId: null,
  bundleName: null,
  group: null,
  code: 'NF-001',
  name: '奶粉',
  specification: null,
  unit: '箱',
  quantity: '1.00',
  listPrice: '1000.00',
  unitPrice: '1000.00',
  discount: '0.00',
  taxRate: '13.00',
  ...o,
});

describe('quote editor figures (Q2)', () => {
  it('marks exactly the lines the server would mark over the limit, and passes one exactly at it', () => {
    const f = draftFigures([line({ discount: '10' }), line({ discount: '10.01' }), line({ unitPrice: '899.99' })], '0', '10.00');
    expect(f.lines.map((l) => l.overLimit)).toEqual([false, true, true]);
    expect(f.overLimit).toBe(true);
    expect(f.lines[0]).toMatchObject({ amount: '900.00', effectiveDiscount: '10.00' });
  });

  it('catches a quote whose lines are each within the limit but whose whole-quote discount takes it over', () => {
    // 1 − 0.95 × 0.94 = 10.7 %: the server's own example.
    const f = draftFigures([line({ discount: '5' })], '6', '10.00');
    expect(f).toMatchObject({ total: '893.00', overallDiscount: '10.70', overLimit: true, wholeOverLimit: true });
    expect(f.lines[0].overLimit).toBe(false);
  });

  it('shows margin only where costs are known, per line and in total', () => {
    const hidden = draftFigures([line()], '0', '10');
    expect(hidden.lines[0].margin).toBeNull();
    expect(hidden.margin).toBeNull();
    const seen = draftFigures([line({ quantity: '3', discount: '5', costPrice: '600.00' })], '0', '10');
    expect(seen.lines[0].margin).toBe('1050.00');
    expect(seen).toMatchObject({ total: '2850.00', margin: '1050.00', marginRate: '36.84' });
  });

  it('treats half-typed numbers as zero instead of failing while the rep types', () => {
    const f = draftFigures([line({ quantity: '', unitPrice: '12.', discount: '' })], '', '10');
    expect(f.total).toBe('0.00');
  });

  it('keeps a bundle’s lines under one heading, even when the same bundle is added twice', () => {
    const items = [
      {
        productId: 'a',
        code: 'TG-001',
        name: '陈列推广',
        specification: null,
        unit: '店',
        quantity: '3.00',
        unitPrice: '1300.00',
        taxRate: '6.00',
      },
      {
        productId: 'b',
        code: 'NF-100',
        name: '整箱装',
        specification: null,
        unit: '箱',
        quantity: '2.00',
        unitPrice: '1600.00',
        taxRate: '13.00',
      },
    ];
    const bundle = { id: 'tc1', kind: 'bundle' as const, name: '新店开业推广套餐' };
    const lines = [line(), ...linesOfPick(bundle, items), ...linesOfPick(bundle, items)];
    expect(lines[1]).toMatchObject({ bundleId: 'tc1', bundleName: '新店开业推广套餐', listPrice: '1300.00', unitPrice: '1300.00' });
    const rows = draftRows(lines);
    expect(rows.map((r) => r.kind)).toEqual(['line', 'group', 'line', 'line', 'group', 'line', 'line']);
    expect(rows[1]).toMatchObject({ bundleName: '新店开业推广套餐', count: 2 });
    expect(linesInput(lines)[1]).toEqual({ productId: 'a', bundleId: 'tc1', quantity: '3.00', unitPrice: '1300.00', discount: '0.00' });
  });

  it('takes the largest of the rep’s roles’ limits, and everything for the administrator', () => {
    const limits = [
      { roleKey: 'rep', maxDiscount: '10.00' },
      { roleKey: 'manager', maxDiscount: '20.00' },
    ];
    expect(myDiscountLimit({ roles: ['rep'], permissions: [] }, limits)).toBe('10.00');
    expect(myDiscountLimit({ roles: ['rep', 'manager'], permissions: [] }, limits)).toBe('20.00');
    expect(myDiscountLimit({ roles: ['finance'], permissions: [] }, limits)).toBe('0.00');
    expect(myDiscountLimit({ roles: [], permissions: ['*'] }, limits)).toBe('100.00');
  });
});
