import type { TFunction } from 'i18next';
import { addDays, monthStart, weekStart } from '../../shared/dates.js';
import type { CalendarEntry, CalendarKind } from './api.js';

// How the calendar orders, colours and bounds its entries.

export type View = 'month' | 'week' | 'day';
export const VIEWS: View[] = ['month', 'week', 'day'];

export const KIND_COLORS: Record<CalendarKind, string> = {
  task: '#1677ff',
  visit_plan: '#52c41a',
  next_follow_up: '#fa8c16',
  opportunity_close: '#722ed1',
};
export const STATUS_COLORS: Record<string, string | undefined> = {
  open: 'gold',
  in_progress: 'processing',
  done: 'success',
  cancelled: undefined,
  planned: 'processing',
  missed: 'error',
};

const KIND_ORDER: Record<CalendarKind, number> = { task: 0, visit_plan: 1, next_follow_up: 2, opportunity_close: 3 };
export const agendaOrder = (a: CalendarEntry, b: CalendarEntry) =>
  (a.at ?? '').localeCompare(b.at ?? '') || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.title.localeCompare(b.title);
/** A month cell has room for a few lines: tasks first (they have a time), then visits, then follow-ups. */
export const cellOrder = (a: CalendarEntry, b: CalendarEntry) =>
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.at ?? '').localeCompare(b.at ?? '');

export const isFinished = (e: CalendarEntry) =>
  (e.kind === 'task' && (e.status === 'done' || e.status === 'cancelled')) || e.status === 'done';
/** An open task whose due time has passed. */
export const isOverdue = (e: CalendarEntry) =>
  e.kind === 'task' && (e.status === 'open' || e.status === 'in_progress') && !!e.at && new Date(e.at).getTime() < Date.now();

export function statusLabel(e: CalendarEntry, t: TFunction): string | null {
  if (!e.status) return null;
  if (e.kind === 'task') return t(`tasks:status.${e.status}`, { defaultValue: e.status });
  if (e.kind === 'visit_plan') return t(`visitPlans:status.${e.status}`, { defaultValue: e.status });
  return e.status;
}

/** The visible range of each view; a month grid reaches into the weeks around it (≤ 62 days in all). */
export function rangeOf(view: View, date: string) {
  if (view === 'day') return { from: date, to: date };
  if (view === 'week') {
    const from = weekStart(date);
    return { from, to: addDays(from, 6) };
  }
  const first = monthStart(date);
  return { from: addDays(first, -7), to: addDays(first, 42) };
}
