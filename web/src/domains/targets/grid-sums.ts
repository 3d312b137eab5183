// The grid's live sums, exact: amounts are decimal strings, added as integer fen (never floats).

export function toFen(v: string | undefined | null): bigint | null {
  const s = (v ?? '').trim();
  if (s === '') return 0n;
  if (!/^\d{1,12}(\.\d{0,2})?$/.test(s)) return null;
  const [i, f = ''] = s.split('.');
  return BigInt(i) * 100n + BigInt(`${f}00`.slice(0, 2));
}

export function fromFen(fen: bigint): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  return `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Σ of the valid amounts (an invalid one counts nothing; the grid marks it). */
export const sumFen = (values: readonly (string | undefined)[]) => values.reduce((a, v) => a + (toFen(v) ?? 0n), 0n);
