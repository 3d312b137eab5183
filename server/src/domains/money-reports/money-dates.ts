import { sql } from 'kysely';
import { fieldError } from '../../platform/http/errors.js';

/** '2026-02-30' matches the date pattern but is no day of the calendar: a 400 naming the field. */
export function calendarDate(field: string, date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date) throw fieldError(field, 'date');
  return date;
}

/** The instant a company-time-zone day begins, as SQL (compared with a timestamptz). */
export const dayStart = (date: string, timeZone: string) => sql`(${date}::timestamp AT TIME ZONE ${timeZone})`;
