/**
 * Money is exact: decimal strings with two places (numeric(14,2) in SQL). Sums in code go through
 * integer cents, never floating point.
 */
const toCents = (v: string): bigint => {
  const neg = v.trim().startsWith('-');
  const [int, frac = ''] = v.trim().replace('-', '').split('.');
  const cents = BigInt(int || '0') * 100n + BigInt(`${frac}00`.slice(0, 2));
  return neg ? -cents : cents;
};

const fromCents = (cents: bigint): string => {
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

/** Σ of decimal strings (at most two places), exactly. */
export const sumMoney = (values: readonly string[]): string => fromCents(values.reduce((acc, v) => acc + toCents(v), 0n));
