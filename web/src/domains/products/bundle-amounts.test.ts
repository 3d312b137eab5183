import { describe, expect, it } from 'vitest';
import { bundleSum, lineAmount } from './bundle-amounts.js';

describe('bundle amounts on the form', () => {
  it('multiply exactly and round to the fen as the server does', () => {
    expect(lineAmount('2', '1299.50')).toBe('2599.00');
    expect(lineAmount('0.5', '99.99')).toBe('50.00');
    expect(lineAmount('3', '0.01')).toBe('0.03');
    expect(lineAmount('', '1')).toBeNull();
  });

  it('add the rounded line amounts', () => {
    expect(bundleSum([{ quantity: '2', unitPrice: '1299.50' }, { quantity: '1', unitPrice: '1599.99' }, { quantity: null }])).toBe(
      '4198.99',
    );
    expect(
      bundleSum([
        { quantity: '0.33', unitPrice: '0.10' },
        { quantity: '0.33', unitPrice: '0.10' },
      ]),
    ).toBe('0.06');
  });
});
