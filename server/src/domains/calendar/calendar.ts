import type { calendarEntry } from '@contracts/visit-plans.js';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';

type CalendarEntry = z.infer<typeof calendarEntry>;
/** Business dates in the company time zone; `today` comes from the app clock. */
export interface CalendarRange {
  from: string;
  to: string;
  ownerId?: string;
  timeZone: string;
  today: string;
}

/** C5 calendar: tasks, planned visits and next follow-up dates come from the domains that own them. */
export interface CalendarSource {
  kind: CalendarEntry['kind'];
  /** Entries between two business dates (inclusive), within the actor's scope. */
  fetch(db: Db, actor: Actor, range: CalendarRange): Promise<CalendarEntry[]>;
}

const sources: CalendarSource[] = [];
export function registerCalendarSource(source: CalendarSource): void {
  sources.push(source);
}

export async function calendar(db: Db, actor: Actor, range: CalendarRange) {
  const all: CalendarEntry[] = [];
  for (const s of sources) all.push(...(await s.fetch(db, actor, range)));
  return all.sort((a, b) => a.date.localeCompare(b.date) || (a.at ?? '').localeCompare(b.at ?? ''));
}
