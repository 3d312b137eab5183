import { describe, expect, it } from 'vitest';
import { deliverableQuantity, deliveredPercent, draftAmounts, shortQty } from './order-draft.js';

const line = (quantity: string, unitPrice: string) => ({
  key: quantity + unitPrice,
  productId: 'p',
  code: 'C',
  name: 'N',
  specification: null,
  unit: '箱',
  quantity,
  unitPrice,
  requiredDate: '2026-03-10',
});

describe('order drafts', () => {
  it('totals exactly as the server does', () => {
    expect(draftAmounts([line('3.33', '0.35'), line('1', '0.10')])).toEqual({ lines: ['1.17', '0.10'], total: '1.27' });
    expect(draftAmounts([line('', '1.00')]).total).toBe('0.00');
  });

  it('checks a delivery against what is left', () => {
    expect(deliverableQuantity('', '3.00')).toBe('empty');
    expect(deliverableQuantity('0', '3.00')).toBe('empty');
    expect(deliverableQuantity('3', '3.00')).toBe('ok');
    expect(deliverableQuantity('3.01', '3.00')).toBe('too_much');
    expect(deliverableQuantity('1.234', '3.00')).toBe('bad');
  });

  it('shows progress and quantities as people read them', () => {
    expect(deliveredPercent('3.00', '2.99')).toBe(99);
    expect(deliveredPercent('3.00', '3.00')).toBe(100);
    expect(shortQty('10.00')).toBe('10');
    expect(shortQty('2.50')).toBe('2.5');
  });
});
