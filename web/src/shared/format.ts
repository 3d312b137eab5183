// Money arrives as exact decimal strings; formatting never sums in floating point.

/** '1234567.5' → '1,234,567.5' (the integer part grouped by thousands, the rest kept). */
export function groupDigits(value: string) {
  const [i, f] = value.split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f !== undefined ? `.${f}` : ''}`;
}

/** '1234567.5' → '¥1,234,567.50' */
export function formatMoney(value: string | null | undefined, currency = '¥'): string {
  if (value === null || value === undefined || value === '') return '—';
  const neg = value.startsWith('-');
  const [i, f = ''] = (neg ? value.slice(1) : value).split('.');
  return `${neg ? '-' : ''}${currency}${groupDigits(i)}.${(f + '00').slice(0, 2)}`;
}

/** '1234567.5' → '123.46 万' (for dashboards and cards; exact values stay in tables). */
export function formatWan(value: string | null | undefined, locale = 'zh-CN'): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  if (locale === 'en') return n >= 1_000_000 ? `¥${(n / 1_000_000).toFixed(2)}M` : formatMoney(value);
  return Math.abs(n) >= 10_000 ? `¥${(n / 10_000).toFixed(2)} 万` : formatMoney(value);
}
