import { fieldError } from '../../platform/http/errors.js';

/** A period of one year: the whole year, a quarter or a month; its months and its days [from, toExclusive). */
export interface Period {
  key: string;
  year: number;
  months: number[];
  from: string;
  toExclusive: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (year: number, month: number) => (month > 12 ? `${year + 1}-01-01` : `${year}-${pad(month)}-01`);

/** '2026', '2026-Q3' or '2026-07'; without one, the month of `today`. */
export function parsePeriod(raw: string | undefined, today: string): Period {
  const key = raw ?? today.slice(0, 7);
  const year = Number(key.slice(0, 4));
  if (year < 2000 || year > 2100) throw fieldError('period', 'invalid_format');
  let months: number[];
  if (key.length === 4) months = Array.from({ length: 12 }, (_, i) => i + 1);
  else if (key[5] === 'Q') {
    const q = Number(key[6]);
    months = [q * 3 - 2, q * 3 - 1, q * 3];
  } else months = [Number(key.slice(5, 7))];
  return { key, year, months, from: monthStart(year, months[0]), toExclusive: monthStart(year, months[months.length - 1] + 1) };
}

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** Share of the period's days gone by the end of `today` (时间进度), in percent with two decimals. */
export function elapsedShare(p: Period, today: string): string {
  const total = day(p.toExclusive) - day(p.from);
  const gone = Math.min(Math.max(day(today) + 86_400_000 - day(p.from), 0), total);
  return ((gone * 100) / total).toFixed(2);
}
