// Money arrives as exact decimal strings; formatting never sums in floating point.
import { companyZone } from './company-zone.js';

function groupDigits(intPart: string) {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
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

export function formatDateTime(iso: string | null | undefined, locale = 'zh-CN'): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, {
    timeZone: companyZone(),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, locale = 'zh-CN'): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return new Intl.DateTimeFormat(locale, { timeZone: companyZone(), year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );
}
