import { describe, expect, it } from 'vitest';
import { rmbUppercase } from './rmb-uppercase.js';

describe('人民币大写', () => {
  it.each([
    ['12345.67', '壹万贰仟叁佰肆拾伍元陆角柒分'],
    // 支付结算办法's own examples
    ['1409.50', '壹仟肆佰零玖元伍角'],
    ['6007.14', '陆仟零柒元壹角肆分'],
    ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
    ['107000.53', '壹拾万零柒仟元伍角叁分'],
    ['16409.02', '壹万陆仟肆佰零玖元零贰分'],
    ['325.04', '叁佰贰拾伍元零肆分'],
  ])('%s → %s', (amount, words) => expect(rmbUppercase(amount)).toBe(words));

  it('writes 壹拾 at the front and 整 after a whole 元', () => {
    expect(rmbUppercase('10')).toBe('壹拾元整');
    expect(rmbUppercase('10.00')).toBe('壹拾元整');
    expect(rmbUppercase('1000000.00')).toBe('壹佰万元整');
    expect(rmbUppercase('20.10')).toBe('贰拾元壹角');
  });

  it('writes one 零 for zeros between digits, across 万 and 亿 too', () => {
    expect(rmbUppercase('10000500')).toBe('壹仟万零伍佰元整');
    expect(rmbUppercase('100000001')).toBe('壹亿零壹元整');
    expect(rmbUppercase('100010000')).toBe('壹亿零壹万元整');
    expect(rmbUppercase('230000000.00')).toBe('贰亿叁仟万元整');
    expect(rmbUppercase('10001')).toBe('壹万零壹元整');
  });

  it('covers the largest amount a quote holds, amounts under a 元, zero and a negative', () => {
    expect(rmbUppercase('999999999999.99')).toBe('玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分');
    expect(rmbUppercase('0.50')).toBe('伍角');
    expect(rmbUppercase('0.05')).toBe('伍分');
    expect(rmbUppercase('0.00')).toBe('零元整');
    expect(rmbUppercase('-5')).toBe('负伍元整');
    expect(() => rmbUppercase('1.234')).toThrow();
  });
});
