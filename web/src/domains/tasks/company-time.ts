import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { companyZone } from '../../shared/company-zone.js';
// Registers the Chinese week (Monday first, 一 二 三 …) for the date pickers and the calendar.
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';

dayjs.extend(utc);
dayjs.extend(timezone);

// Due times, "today" and calendar days are in the company's zone (shared/company-zone.ts).

export const DATE = 'YYYY-MM-DD';
export const DATE_TIME = 'YYYY-MM-DD HH:mm';

/** Today's business date ('YYYY-MM-DD') in the company zone. */
export const companyToday = (): string => dayjs().tz(companyZone()).format(DATE);

/** A business date plus whole days: '2025-03-31' + 1 → '2025-04-01'. */
export const addDays = (date: string, days: number): string => dayjs(date).add(days, 'day').format(DATE);

/** The Monday of the week holding `date`. */
export const weekStart = (date: string): string => {
  const d = dayjs(date);
  return d.subtract((d.day() + 6) % 7, 'day').format(DATE);
};

/** The start of a business day (00:00 company time) as an ISO instant, for API range filters. */
export const dayStartIso = (date: string): string => dayjs.tz(`${date}T00:00:00`, companyZone()).toISOString();

/** The company-zone business date of an instant. */
export const companyDate = (iso: string): string => dayjs(iso).tz(companyZone()).format(DATE);

/** 'HH:mm' of an instant in the company zone. */
export const companyTime = (iso: string): string => dayjs(iso).tz(companyZone()).format('HH:mm');

/**
 * Date pickers work in the browser's zone: they get a value that shows the company-zone wall clock
 * of the instant, and what the user picks is read back as company-zone wall clock.
 */
export const toPicker = (iso: string | null | undefined): Dayjs | null =>
  iso ? dayjs(dayjs(iso).tz(companyZone()).format('YYYY-MM-DDTHH:mm:ss')) : null;

export const fromPicker = (value: Dayjs | null | undefined): string | null =>
  value ? dayjs.tz(value.format('YYYY-MM-DDTHH:mm:00'), companyZone()).toISOString() : null;

/** The company-zone wall clock of now, as a picker value (for "not in the past" checks and defaults). */
export const pickerNow = (): Dayjs => toPicker(new Date().toISOString()) as Dayjs;
