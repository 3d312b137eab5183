import dayjs from 'dayjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  addMonths,
  companyDate,
  companyMonth,
  companyTime,
  companyToday,
  dateFromPicker,
  dateToPicker,
  dayStartIso,
  formatDate,
  formatDateTime,
  formatDay,
  formatMonth,
  fromPicker,
  isBusinessDate,
  isMonth,
  isoWeekKey,
  isoWeekMonday,
  monthEnd,
  monthFromPicker,
  monthStart,
  monthToPicker,
  relativeTime,
  sameMinute,
  setCompanyZone,
  toPicker,
  weekStart,
} from './dates.js';

afterEach(() => {
  vi.useRealTimers();
  setCompanyZone('Asia/Shanghai');
});

describe('business dates', () => {
  it('counts days, weeks and months on the calendar, across month and year ends', () => {
    expect(addDays('2025-03-31', 1)).toBe('2025-04-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(weekStart('2025-03-09')).toBe('2025-03-03'); // a Sunday belongs to the week that began on Monday
    expect(weekStart('2025-03-03')).toBe('2025-03-03');
    expect(monthStart('2024-02-17')).toBe('2024-02-01');
    expect(monthEnd('2024-02-17')).toBe('2024-02-29');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2025-01', -2)).toBe('2024-11');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
  });

  it('takes "today" from the company zone, not the browser', () => {
    vi.useFakeTimers({ now: new Date('2025-03-05T17:30:00Z') }); // 01:30 on the 6th in Shanghai
    expect(companyToday()).toBe('2025-03-06');
    expect(companyMonth()).toBe('2025-03');
    expect(companyMonth(-3)).toBe('2024-12');
    setCompanyZone('America/New_York');
    expect(companyToday()).toBe('2025-03-05');
  });

  it('recognises dates and months and nothing else', () => {
    expect(isBusinessDate('2025-03-06')).toBe(true);
    expect(isBusinessDate('2025-3-6')).toBe(false);
    expect(isBusinessDate(undefined)).toBe(false);
    expect(isMonth('2025-12')).toBe(true);
    expect(isMonth('2025-13')).toBe(false);
  });

  it('numbers ISO weeks as the visit summary does, with week 1 holding 4 January', () => {
    expect(isoWeekKey('2025-03-06')).toBe('2025-W10');
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
    expect(isoWeekKey('2021-01-03')).toBe('2020-W53');
    expect(isoWeekMonday('2025-W10')).toBe('2025-03-03');
    expect(isoWeekMonday('2025-W01')).toBe('2024-12-30');
    expect(isoWeekMonday('March')).toBeNull();
  });

  it('starts a business day at company midnight', () => {
    expect(dayStartIso('2025-03-06')).toBe('2025-03-05T16:00:00.000Z');
  });
});

describe('instants in the company zone', () => {
  it('shows the company wall clock', () => {
    expect(companyDate('2025-03-05T17:30:00Z')).toBe('2025-03-06');
    expect(companyTime('2025-03-05T17:30:00Z')).toBe('01:30');
    expect(formatDateTime('2025-03-05T17:30:00Z')).toBe('2025/03/06 01:30');
    expect(formatDate('2025-03-05T17:30:00Z')).toBe('2025/03/06');
  });

  it('compares instants to the minute, whatever their offset', () => {
    expect(sameMinute('2025-03-05T17:30:45.123Z', '2025-03-06T01:30:00+08:00')).toBe(true);
    expect(sameMinute('2025-03-05T17:31:00Z', '2025-03-05T17:30:59Z')).toBe(false);
  });

  it('shows a business date as it is and a dash for none', () => {
    expect(formatDate('2025-03-06')).toBe('2025-03-06');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
  });

  it('names days and months in the UI language', () => {
    expect(formatDay('2025-03-06', 'en')).toBe('Thu, Mar 6');
    expect(formatDay('2025-03-06', 'zh-CN')).toBe('3月6日周四');
    expect(formatDay('2025-03-06', 'en', { year: 'numeric', month: 'long' })).toBe('March 2025');
    expect(formatMonth('2026-03', 'zh-CN')).toBe('2026年3月');
    expect(formatMonth('2026-03', 'en')).toBe('Mar 2026');
  });

  it('says how long ago, then falls back to the date after a week', () => {
    const now = Date.parse('2025-03-10T12:00:00Z');
    expect(relativeTime('2025-03-10T11:59:30Z', 'en', 'just now', now)).toBe('just now');
    expect(relativeTime('2025-03-10T11:55:00Z', 'en', 'just now', now)).toBe('5 minutes ago');
    expect(relativeTime('2025-03-10T09:00:00Z', 'en', 'just now', now)).toBe('3 hours ago');
    expect(relativeTime('2025-03-09T12:00:00Z', 'en', 'just now', now)).toBe('yesterday');
    expect(relativeTime('2025-03-01T12:00:00Z', 'zh-CN', '刚刚', now)).toBe('2025/03/01');
  });
});

describe('date pickers', () => {
  it('show an instant as company wall clock and read a pick back as company time', () => {
    const picked = toPicker('2025-03-05T17:30:00Z');
    expect(picked?.format('YYYY-MM-DD HH:mm')).toBe('2025-03-06 01:30');
    expect(fromPicker(picked)).toBe('2025-03-05T17:30:00.000Z');
    expect(fromPicker(dayjs('2025-03-06T09:00:45'))).toBe('2025-03-06T01:00:00.000Z');
    expect(toPicker(null)).toBeNull();
    expect(fromPicker(null)).toBeNull();
  });

  it('keep business dates and months as the same day', () => {
    expect(dateFromPicker(dateToPicker('2025-03-06'))).toBe('2025-03-06');
    expect(monthFromPicker(monthToPicker('2025-03'))).toBe('2025-03');
    expect(dateToPicker(undefined)).toBeNull();
    expect(dateFromPicker(null)).toBeNull();
  });
});
