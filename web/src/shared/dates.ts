/**
 * Every date and time the web client reads, writes or shows goes through here. Two kinds of value
 * arrive from the API:
 * - business dates, 'YYYY-MM-DD' strings (a birthday, a plan date, an expected close): days of the
 *   company's calendar, never shifted by a time zone;
 * - instants, ISO strings (a due time, when a follow-up happened): shown as the company time zone's
 *   wall clock, whatever zone the browser is in.
 * "Today", the week and the month are the company's too. Date pickers work in the browser's zone,
 * so `toPicker`/`fromPicker` translate between an instant and the company wall clock they show.
 */
import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
// Registers the Chinese week (Monday first, 一 二 三 …) for the date pickers and the calendar.
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DATE = 'YYYY-MM-DD';
export const DATE_TIME = 'YYYY-MM-DD HH:mm';
export const MONTH = 'YYYY-MM';
export const TIME = 'HH:mm';

let zone = 'Asia/Shanghai';

/** The company's time zone, as the server reports it with the signed-in user (/auth/me). */
export const companyZone = (): string => zone;

export function setCompanyZone(tz: string): void {
  zone = tz;
}

// ── Business dates ('YYYY-MM-DD') and months ('YYYY-MM') ──

export const isBusinessDate = (v: string | null | undefined): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && dayjs(v).isValid();

export const isMonth = (v: string | null | undefined): v is string => !!v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

/** Today's business date in the company zone. */
export const companyToday = (): string => dayjs().tz(zone).format(DATE);

/** The company's current month, or one shifted from it: 'YYYY-MM'. */
export const companyMonth = (shift = 0): string => addMonths(companyToday().slice(0, 7), shift);

/** A business date plus whole days: '2025-03-31' + 1 → '2025-04-01'. */
export const addDays = (date: string, days: number): string => dayjs(date).add(days, 'day').format(DATE);

/** A month ('YYYY-MM') or a business date plus whole months, in the same shape; the 31st ends at a shorter month's end. */
export const addMonths = (value: string, months: number): string =>
  value.length === 7 ? dayjs(`${value}-01`).add(months, 'month').format(MONTH) : dayjs(value).add(months, 'month').format(DATE);

/** The Monday of the week holding `date`. */
export const weekStart = (date: string): string => {
  const d = dayjs(date);
  return d.subtract((d.day() + 6) % 7, 'day').format(DATE);
};

export const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;

export const monthEnd = (date: string): string => dayjs(date).endOf('month').format(DATE);

/** The start of a business day (00:00 company time) as an ISO instant, for API range filters. */
export const dayStartIso = (date: string): string => dayjs.tz(`${date}T00:00:00`, zone).toISOString();

/** 'IYYY-"W"IW' (e.g. '2025-W10') → the Monday that starts that ISO week. */
export function isoWeekMonday(period: string): string | null {
  const m = /^(\d{4})-W(\d{1,2})$/.exec(period);
  if (!m) return null;
  const jan4 = dayjs(`${m[1]}-01-04`);
  return jan4
    .subtract((jan4.day() + 6) % 7, 'day')
    .add((Number(m[2]) - 1) * 7, 'day')
    .format(DATE);
}

/** The ISO week of a date as the summary names it: '2025-W05'. */
export function isoWeekKey(date: string): string {
  const d = dayjs(date);
  const thursday = d.add(3 - ((d.day() + 6) % 7), 'day');
  const jan4 = dayjs(`${thursday.year()}-01-04`);
  const week1 = jan4.subtract((jan4.day() + 6) % 7, 'day');
  const week = Math.floor(thursday.diff(week1, 'day') / 7) + 1;
  return `${thursday.year()}-W${String(week).padStart(2, '0')}`;
}

// ── Instants (ISO strings) in the company zone ──

/** The company-zone business date of an instant. */
export const companyDate = (iso: string): string => dayjs(iso).tz(zone).format(DATE);

/** 'HH:mm' of an instant in the company zone. */
export const companyTime = (iso: string): string => dayjs(iso).tz(zone).format(TIME);

/** Whether two instants fall in the same minute (a picker keeps minutes, the server keeps more). */
export const sameMinute = (a: string, b: string): boolean =>
  new Date(a).toISOString().slice(0, 16) === new Date(b).toISOString().slice(0, 16);

// ── Display ──

/** An instant as date and time in the company zone; a dash for none. */
export function formatDateTime(iso: string | null | undefined, locale = 'zh-CN'): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** A business date as it is, or an instant's company-zone date; a dash for none. */
export function formatDate(iso: string | null | undefined, locale = 'zh-CN'): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return new Intl.DateTimeFormat(locale, { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/**
 * A business date in words: '2025-03-06' → '3月6日 周四' / 'Thu, Mar 6' with the default parts.
 * Read at noon UTC so no zone can move it to another day.
 */
export function formatDay(
  date: string,
  locale: string,
  parts: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', weekday: 'short' },
): string {
  return new Intl.DateTimeFormat(locale, { ...parts, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** 'YYYY-MM' → '2026年3月' / 'Mar 2026'. */
export const formatMonth = (month: string, locale: string): string =>
  locale === 'en' ? dayjs(`${month}-01`).format('MMM YYYY') : dayjs(`${month}-01`).format('YYYY年M月');

/** 'YYYY-MM-DD' → 'MM-DD', where the year is plain from the context. */
export const formatMonthDay = (date: string): string => date.slice(5);

/** 刚刚 / 5 分钟前 / 昨天 … and, beyond a week, the date. */
export function relativeTime(iso: string, locale: string, justNow: string, now = Date.now()): string {
  const seconds = (now - new Date(iso).getTime()) / 1000;
  if (seconds < 60) return justNow;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (seconds < 3600) return rtf.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return rtf.format(-Math.floor(seconds / 3600), 'hour');
  if (seconds < 7 * 86_400) return rtf.format(-Math.floor(seconds / 86_400), 'day');
  return formatDate(iso, locale);
}

// ── Date pickers ──

/** A business date (or month) as a picker value. */
export const dateToPicker = (date: string | null | undefined): Dayjs | null => (date ? dayjs(date) : null);

/** What the user picked as a business date. */
export const dateFromPicker = (value: Dayjs | null | undefined): string | null => (value ? value.format(DATE) : null);

export const monthToPicker = (month: string | null | undefined): Dayjs | null => (month ? dayjs(`${month}-01`) : null);

export const monthFromPicker = (value: Dayjs | null | undefined): string | null => (value ? value.format(MONTH) : null);

/** An instant as a picker value showing its company-zone wall clock. */
export const toPicker = (iso: string | null | undefined): Dayjs | null =>
  iso ? dayjs(dayjs(iso).tz(zone).format('YYYY-MM-DDTHH:mm:ss')) : null;

/** What the user picked, read as company-zone wall clock, as an ISO instant (to the minute). */
export const fromPicker = (value: Dayjs | null | undefined): string | null =>
  value ? dayjs.tz(value.format('YYYY-MM-DDTHH:mm:00'), zone).toISOString() : null;

/** The company-zone wall clock of now, as a picker value (for "not in the past" checks and defaults). */
export const pickerNow = (): Dayjs => toPicker(new Date().toISOString()) as Dayjs;

/** The company's today as a picker value (midnight). */
export const pickerToday = (): Dayjs => dayjs(companyToday());
