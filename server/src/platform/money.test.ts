import { describe, expect, it } from 'vitest';
import { sumMoney } from './money.js';

describe('sumMoney', () => {
  it('adds decimal strings exactly, where floating point would not', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(Array.from({ length: 1000 }, () => '0.01'))).toBe('10.00');
    expect(sumMoney([])).toBe('0.00');
  });
  it('takes one, two or no decimals and negative figures', () => {
    expect(sumMoney(['1.5', '2', '0.25'])).toBe('3.75');
    expect(sumMoney(['-1.05', '1.00'])).toBe('-0.05');
    expect(sumMoney(['-0.5'])).toBe('-0.50');
    expect(sumMoney(['.5', '-.25'])).toBe('0.25');
  });
  it('stays exact past what a number holds: figures of 16 digits and running totals beyond 2^53 cents', () => {
    expect(sumMoney(['9007199254740993.01', '0.01'])).toBe('9007199254740993.02');
    const big = '9999999999999.99'; // the fast path's largest figure
    expect(sumMoney(Array.from({ length: 10 }, () => big))).toBe('99999999999999.90');
    expect(sumMoney(Array.from({ length: 2000 }, () => big))).toBe('19999999999999980.00');
    expect(sumMoney([big, '-9999999999999.99', '123456789012345678.90'])).toBe('123456789012345678.90');
  });
});
