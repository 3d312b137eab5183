import { describe, expect, it } from 'vitest';
import { businessDate, dayStart } from './dates.js';

describe('dayStart: the instant a business day begins', () => {
  it('is the previous evening in UTC for the company zone (Asia/Shanghai, +8)', () => {
    expect(dayStart('2026-12-15', 'Asia/Shanghai').toISOString()).toBe('2026-12-14T16:00:00.000Z');
    expect(dayStart('2027-01-01', 'Asia/Shanghai').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('follows a zone that changes its offset that day or the day before', () => {
    // New York springs forward at 02:00 on 8 March 2026: midnight is still -5.
    expect(dayStart('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(dayStart('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    // Berlin: +1 until 29 March 2026, +2 from then.
    expect(dayStart('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('is the first instant whose business date is that day', () => {
    for (const [date, zone] of [
      ['2026-06-30', 'Asia/Shanghai'],
      ['2026-11-01', 'America/New_York'],
      ['2026-10-25', 'Europe/Berlin'],
    ]) {
      const start = dayStart(date, zone);
      expect(businessDate(start, zone)).toBe(date);
      expect(businessDate(new Date(start.getTime() - 1), zone)).not.toBe(date);
    }
  });
});
