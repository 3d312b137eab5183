import type { Locale } from '@contracts/common.js';
import type { Db } from '../db/database.js';

/*
 * T3 销售日报: each domain contributes the part of a rep's day it knows (new customers, follow-ups,
 * deals moved, payments …) by registering a section from its own folder; the daily report reads
 * them all in order and knows none by name. Adding a source is a registration, not an edit here.
 */

/** One thing a rep did (or planned) in the window, as the report lists it. */
export interface DailyItem {
  userId: string;
  /** The record it is about, for the link and to keep items apart. */
  id: string;
  title: string;
  /** What happened: a follow-up's content, "方案 → 报价", a visit's purpose; user data, not translated. */
  detail?: string | null;
  /** The detail where it names something the system translates (a stage), per language; wins over `detail`. */
  detailIn?: Partial<Record<Locale, string>> | null;
  /** Exact decimal string when the item carries money. */
  amount?: string | null;
  /** Web path of the record. */
  link?: string | null;
  /** When it happened (ISO instant) or the business day it belongs to. */
  at?: string | null;
  /** Only for planned things (visits): false while still open; open plans are not activity. */
  done?: boolean;
}

/** The window a report covers: whole business days [firstDay, lastDay] = instants [from, to). */
export interface DailyWindow {
  userIds: string[];
  from: Date;
  to: Date;
  firstDay: string;
  lastDay: string;
  timeZone: string;
}

export interface DailySection {
  key: string;
  /** Position in the report, small first. */
  order: number;
  title: Record<Locale, string>;
  /** 'done': shown as done of planned (visits); 'count' otherwise. */
  tally?: 'count' | 'done';
  /** Adds up the items' amounts in the summary (contracts, payments). */
  money?: boolean;
  /** One batch query for all users of the window (the job asks for 500 reps at once). */
  collect(db: Db, window: DailyWindow): Promise<DailyItem[]>;
}

const sections = new Map<string, DailySection>();

export function registerDailySection(section: DailySection): void {
  sections.set(section.key, section);
}

export const dailySections = (): DailySection[] => [...sections.values()].sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));

/** Items that show the rep did something: everything but plans still open. */
export const isActivity = (item: DailyItem): boolean => item.done !== false;
