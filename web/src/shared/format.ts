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
  // Display only: the figure is rounded to two places of 万 / M, the exact value stays in tables.
  const scaled = (by: number) => {
    const text = (Math.abs(n) / by).toFixed(2);
    return `${n < 0 ? '-' : ''}¥${groupDigits(text)}`;
  };
  if (locale === 'en') return Math.abs(n) >= 1_000_000 ? `${scaled(1_000_000)}M` : formatMoney(value);
  return Math.abs(n) >= 10_000 ? `${scaled(10_000)} ${locale === 'zh-TW' ? '萬' : '万'}` : formatMoney(value);
}
