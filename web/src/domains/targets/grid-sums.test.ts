import { describe, expect, it } from 'vitest';
import { fromFen, sumFen, toFen } from './grid-sums.js';

describe('the grid’s live sums', () => {
  it('adds decimal strings exactly, in fen', () => {
    expect(fromFen(sumFen(['0.10', '0.20', '41.66', '']))).toBe('41.96');
    expect(fromFen(sumFen(Array.from({ length: 23 }, () => '41.66').concat('41.82')))).toBe('1000.00');
  });
  it('refuses what is not an amount', () => {
    expect(toFen('1.234')).toBeNull();
    expect(toFen('-1')).toBeNull();
    expect(fromFen(-5n)).toBe('-0.05');
  });
});
