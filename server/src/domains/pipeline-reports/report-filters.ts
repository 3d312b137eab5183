import { REPORT_LIMITS } from '@contracts/pipeline-reports.js';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { addDays, businessDate, daysBetween } from '../../platform/dates.js';
import { fieldError } from '../../platform/http/errors.js';

export interface ReportFilter {
  departmentId?: string;
  ownerId?: string;
  pipelineId?: string;
  /** The deal's forecast category; only the reports whose rows carry one take it (see contracts/reports.ts). */
  category?: string;
}

/**
 * P2 and the report's filters on any row with owner_id / owner_dept_id / pipeline_id (an opportunity,
 * a stage-totals row, a snapshot row) and, when the report takes `category`, forecast_category.
 * Filters narrow the caller's scope; they never widen it.
 */
export function reportWhere(actor: Actor, f: ReportFilter, alias: string): RawBuilder<SqlBool> {
  const and = [
    ...(f.pipelineId ? [sql<SqlBool>`${sql.ref(`${alias}.pipeline_id`)} = ${f.pipelineId}`] : []),
    ...(f.category ? [sql<SqlBool>`${sql.ref(`${alias}.forecast_category`)} = ${f.category}`] : []),
  ];
  return scopeFilter(actor, alias, { ownerId: f.ownerId, departmentId: f.departmentId, and });
}

// ---- months and days in the company time zone ----

export const monthOf = (date: string) => date.slice(0, 7);
export const monthStart = (month: string) => `${month}-01`;
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
function monthsFromTo(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}
/** The instant a company-time-zone day begins, as SQL (so an index on a timestamptz can be used). */
export const dayStartSql = (date: string, timeZone: string) => sql`(${date}::timestamp AT TIME ZONE ${timeZone})`;

/** A month range, by default this month and the next (seed 002); at most 24 months. */
export function monthRange(q: { from?: string; to?: string }, now: Date, timeZone: string, defaults: { from: number; to: number }) {
  const current = monthOf(businessDate(now, timeZone));
  const from = q.from ?? (q.to ? addMonths(q.to, defaults.from - defaults.to) : addMonths(current, defaults.from));
  const to = q.to ?? addMonths(from, defaults.to - defaults.from);
  if (to < from) throw fieldError('to', 'date_range');
  const months = monthsFromTo(from, to);
  if (months.length > REPORT_LIMITS.months) throw fieldError('to', 'months_too_many', { max: REPORT_LIMITS.months });
  return { current, from, to, months, fromDate: monthStart(from), toDateExclusive: monthStart(addMonths(to, 1)) };
}

/** '2026-02-30' matches the date pattern but is no day of the calendar. */
function isCalendarDate(date: string): boolean {
  const t = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === date;
}

/**
 * A day range (to inclusive), by default the `defaultDays` days up to today; at most 1,100 days.
 * `start` and `end` are the instants it begins and ends, as SQL, for a half-open test on a timestamptz.
 */
export function dayRange(q: { from?: string; to?: string }, now: Date, timeZone: string, defaultDays: number) {
  const to = q.to ?? businessDate(now, timeZone);
  const from = q.from ?? addDays(to, -(defaultDays - 1));
  if (!isCalendarDate(from)) throw fieldError('from', 'date');
  if (!isCalendarDate(to)) throw fieldError('to', 'date');
  if (to < from) throw fieldError('to', 'date_range');
  if (daysBetween(from, to) + 1 > REPORT_LIMITS.days) throw fieldError('to', 'days_too_many', { max: REPORT_LIMITS.days });
  const toExclusive = addDays(to, 1);
  return { from, to, toExclusive, start: dayStartSql(from, timeZone), end: dayStartSql(toExclusive, timeZone) };
}

/** A percentage or day count from SQL numeric (not money: shown rounded, never summed). */
export const num = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));

/** A file holds every rep the report allows, not the page on screen. */
export const allReps = <Q extends { page: number; pageSize: number }>(q: Q): Q => ({ ...q, page: 1, pageSize: REPORT_LIMITS.reps });
