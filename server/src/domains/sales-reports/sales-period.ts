import { REPORT_LIMITS } from '@contracts/pipeline-reports.js';
import { addDays, businessDate, daysBetween } from '../../platform/dates.js';
import { fieldError } from '../../platform/http/errors.js';

/** '2026-02-30' matches the date pattern but is no day of the calendar: a 400 naming the field. */
function calendarDate(field: string, date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date) throw fieldError(field, 'date');
  return date;
}

/** The default period: the 90 days up to today (company time zone), long enough for a product to sell. */
const DEFAULT_DAYS = 90;

/**
 * The period asked for (both ends included) and the previous one of the same length just before it,
 * which best and slow sellers and price candidates compare against.
 */
export function salesPeriod(q: { from?: string; to?: string }, now: Date, timeZone: string) {
  const to = calendarDate('to', q.to ?? businessDate(now, timeZone));
  const from = calendarDate('from', q.from ?? addDays(to, -(DEFAULT_DAYS - 1)));
  if (to < from) throw fieldError('to', 'date_range');
  const days = daysBetween(from, to) + 1;
  if (days > REPORT_LIMITS.days) throw fieldError('to', 'days_too_many', { max: REPORT_LIMITS.days });
  return { from, to, previousFrom: addDays(from, -days), previousTo: addDays(from, -1) };
}
