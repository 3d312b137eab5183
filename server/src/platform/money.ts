/**
 * Money is exact: decimal strings with two places (numeric(14,2) in SQL). Sums in code go through
 * integer cents, never floating point.
 */

/** Below this many cents a JS number still holds every integer exactly (2^53 ÷ 2, with room to add). */
const SAFE_CENTS = 2 ** 52;
/** Whole-yuan digits whose cents fit a number exactly (10^13 yuan = 10^15 cents < 2^52). */
const FAST_DIGITS = 13;

const bigCents = (v: string): bigint => {
  const neg = v.trim().startsWith('-');
  const [int, frac = ''] = v.trim().replace('-', '').split('.');
  const cents = BigInt(int || '0') * 100n + BigInt(`${frac}00`.slice(0, 2));
  return neg ? -cents : cents;
};

/** Cents as an integer-valued number when the figure is small enough to be exact, else null. */
function fastCents(v: string): number | null {
  const neg = v.charCodeAt(0) === 45; // '-'
  const dot = v.indexOf('.');
  const int = v.slice(neg ? 1 : 0, dot < 0 ? v.length : dot);
  if (int.length > FAST_DIGITS || (dot >= 0 && v.length - dot > 3)) return null;
  const frac = dot < 0 ? 0 : v.length - dot === 2 ? Number(v.slice(dot + 1)) * 10 : Number(v.slice(dot + 1) || '0');
  const cents = Number(int || '0') * 100 + frac;
  if (!Number.isSafeInteger(cents)) return null;
  return neg ? -cents : cents;
}

const fromCents = (cents: bigint): string => {
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

/**
 * Σ of decimal strings (at most two places), exactly. Reports sum thousands of figures per request,
 * so the cents are added as integer-valued numbers while they are exact, and carried over into a
 * bigint before they could stop being so.
 */
export function sumMoney(values: readonly string[]): string {
  let big = 0n;
  let small = 0;
  for (const v of values) {
    const c = fastCents(v);
    if (c === null) {
      big += bigCents(v);
      continue;
    }
    small += c;
    if (small >= SAFE_CENTS || small <= -SAFE_CENTS) {
      big += BigInt(small);
      small = 0;
    }
  }
  return fromCents(big + BigInt(small));
}
