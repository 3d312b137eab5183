import { describe, expect, it } from 'vitest';
import { badQuantity, type DraftLine, draftAmounts, linesInput, progressValue, quantity, validQuantity } from './contract-draft.js';

const line = (o: Partial<DraftLine> = {}): DraftLine => ({
  key: Math.random().toString(36),
  productId: 'p1',
  bundleId: null,
  bundleName: null,
  code: 'NF-001',
  name: '婴幼儿配方奶粉',
  specification: null,
  unit: '箱',
  quantity: '1.00',
  unitPrice: '120.00',
  discount: '0.00',
  taxRate: '13.00',
  ...o,
});

describe('contract lines while typed (Q4)', () => {
  it('sums seed 002’s milk powder contract as the server does: 1000 箱 at 5 % off plus one promotion', () => {
    const f = draftAmounts([line({ quantity: '1000', discount: '5' }), line({ productId: 'p2', unitPrice: '50000.00', taxRate: '6.00' })]);
    expect(f).toEqual({ lines: ['114000.00', '50000.00'], total: '164000.00' });
  });

  it('takes the whole discount off the total, not off each line', () => {
    expect(draftAmounts([line({ quantity: '10' })], '10').total).toBe('1080.00');
  });

  it('turns an amendment’s negative line round, so the total is the change in the contract’s amount', () => {
    const f = draftAmounts([line({ productId: 'p2', unitPrice: '50000.00' }), line({ quantity: '-20' })]);
    expect(f).toEqual({ lines: ['50000.00', '-2400.00'], total: '47600.00' });
  });

  it('counts a half-typed quantity as nothing rather than failing', () => {
    expect(draftAmounts([line({ quantity: '' }), line({ quantity: '2.' })]).total).toBe('0.00');
  });

  it('accepts negative quantities only on an amendment, and never zero', () => {
    expect(validQuantity('-20', true)).toBe(true);
    expect(validQuantity('-20', false)).toBe(false);
    expect(validQuantity('0', true)).toBe(false);
    expect(validQuantity('-0.00', true)).toBe(false);
    expect(validQuantity('1.234', false)).toBe(false);
    expect(badQuantity([line(), line({ quantity: '-1' })], false)).toBe(1);
    expect(badQuantity([line(), line({ quantity: '-1' })], true)).toBe(-1);
  });

  it('sends the line shape the quote uses, keeping the bundle and the sign', () => {
    expect(linesInput([line({ quantity: ' -3 ', bundleId: 'b1', discount: '' })])).toEqual([
      { productId: 'p1', bundleId: 'b1', quantity: '-3', unitPrice: '120.00', discount: '0' },
    ]);
  });

  it('shows quantities and progress plainly', () => {
    expect(quantity('20.00')).toBe('20');
    expect(quantity('1.50')).toBe('1.5');
    expect(progressValue('31.3')).toBe(31.3);
    expect(progressValue(null)).toBe(0);
    expect(progressValue('120')).toBe(100);
  });
});
