import { businessDate } from '../../platform/dates.js';

// The company time zone for what runs outside a request of this domain (an amendment's approval, the
// nightly grading): the routes plugin sets it from the configuration when the app starts.
let timeZone = 'Asia/Shanghai';

export function setReceivablesTimeZone(zone: string): void {
  timeZone = zone;
}

/** The company time zone, for SQL that takes an instant's business date. */
export const companyTimeZone = (): string => timeZone;

/** The company's business date at `now`. */
export const businessToday = (now: Date): string => businessDate(now, timeZone);
