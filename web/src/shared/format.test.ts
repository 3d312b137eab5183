import { describe, expect, it } from 'vitest';
import { formatMoney, formatWan, groupDigits } from './format.js';

describe('money formatting', () => {
  it('groups thousands and always shows two decimals, without floating point', () => {
    expect(formatMoney('1234567.5')).toBe('¥1,234,567.50');
    expect(formatMoney('0')).toBe('¥0.00');
    expect(formatMoney('-1000.05')).toBe('-¥1,000.05');
    expect(formatMoney('99999999999.99')).toBe('¥99,999,999,999.99');
  });
  it('shows large amounts in 万 for Chinese and millions for English', () => {
    expect(formatWan('1234567')).toBe('¥123.46 万');
    expect(formatWan('9999')).toBe('¥9,999.00');
    expect(formatWan('2500000', 'en')).toBe('¥2.50M');
    expect(formatWan('16155000')).toBe('¥1,615.50 万');
    expect(formatWan('16155000', 'zh-TW')).toBe('¥1,615.50 萬');
    expect(formatWan('-3540000')).toBe('-¥354.00 万');
  });
  it('groups what is typed into an amount field, keeping the decimals as typed', () => {
    expect(groupDigits('1234567')).toBe('1,234,567');
    expect(groupDigits('1234.5')).toBe('1,234.5');
    expect(groupDigits('12.')).toBe('12.');
  });
  it('shows a dash for a missing amount', () => {
    expect(formatMoney(null)).toBe('—');
  });
});
