import type { TargetType } from '@contracts/targets.js';
import { sumMoney } from '../../platform/money.js';
import { type Label, label } from '../../platform/reports/report-table.js';

export const TYPE_LABEL: Record<TargetType, Label> = {
  signed_amount: label('签约金额', '簽約金額', 'Signed amount'),
  gross_margin: label('毛利', '毛利', 'Gross margin'),
  collections: label('回款', '回款', 'Collections'),
  new_customers: label('新客户数', '新客戶數', 'New customers'),
  won_opportunities: label('赢单金额', '贏單金額', 'Won opportunities'),
};

const cents = (v: string): bigint => {
  const neg = v.startsWith('-');
  const [int, frac = ''] = v.replace('-', '').split('.');
  const c = BigInt(int || '0') * 100n + BigInt(`${frac}00`.slice(0, 2));
  return neg ? -c : c;
};

/** actual ÷ target in percent, rounded half up to two decimals, exactly; null for a zero target. */
export function rate(actual: string, target: string): string | null {
  const t = cents(target);
  if (t === 0n) return null;
  const scaled = (cents(actual) * 100_000n) / t; // percent × 1000
  const rounded = (scaled >= 0n ? scaled + 5n : scaled - 5n) / 10n;
  const neg = rounded < 0n;
  const abs = neg ? -rounded : rounded;
  return `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** What is still missing to the target: target − actual, never below zero. */
export function shortfall(target: string, actual: string): string {
  const d = sumMoney([target, actual.startsWith('-') ? actual.slice(1) : `-${actual}`]);
  return d.startsWith('-') ? '0.00' : d;
}
