// Bundle sums on the form, exact like the server's (quantity × price rounded to the fen, then added):
// decimal strings through integer hundredths, never floating point.

const hundredths = (v: string | null | undefined): bigint | null => {
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec((v ?? '').trim());
  return m ? BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0')) : null;
};

const toMoney = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;

/** quantity × unit price, rounded half up to the fen; null while either is not a valid number. */
export function lineAmount(quantity: string | null | undefined, unitPrice: string | null | undefined): string | null {
  const q = hundredths(quantity);
  const p = hundredths(unitPrice);
  if (q === null || p === null) return null;
  return toMoney((q * p + 50n) / 100n);
}

/** The bundle's price: the sum of its line amounts (the lines not yet complete count as nothing). */
export function bundleSum(lines: { quantity?: string | null; unitPrice?: string | null }[]): string {
  let cents = 0n;
  for (const l of lines) {
    const a = lineAmount(l.quantity, l.unitPrice);
    if (a !== null) cents += hundredths(a) ?? 0n;
  }
  return toMoney(cents);
}
