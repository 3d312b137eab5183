import type { Locale } from '@contracts/common.js';
import type { DailySectionResult, SectionHead } from '@contracts/daily-reports.js';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { sumMoney } from '../../platform/money.js';
import { type DailyItem, type DailyWindow, dailySections, isActivity } from '../../platform/reports/daily-sections.js';

/** Business days [firstDay, lastDay] of the company time zone as instants [from, to), computed by the database. */
export async function dailyWindow(db: Db, userIds: string[], firstDay: string, lastDay: string, timeZone: string): Promise<DailyWindow> {
  const { rows } = await sql<{ from: Date; to: Date }>`
    SELECT (${firstDay}::date::timestamp AT TIME ZONE ${timeZone}) AS "from",
           ((${lastDay}::date + 1)::timestamp AT TIME ZONE ${timeZone}) AS "to"`.execute(db);
  const w = rows[0] as { from: Date; to: Date };
  return { userIds, from: new Date(w.from), to: new Date(w.to), firstDay, lastDay, timeZone };
}

/** Per user, per section key: every registered section asked once for all users of the window. */
export type CollectedDay = Map<string, Map<string, DailyItem[]>>;

export async function collectSections(db: Db, window: DailyWindow): Promise<CollectedDay> {
  const byUser: CollectedDay = new Map(window.userIds.map((id) => [id, new Map()]));
  if (window.userIds.length === 0) return byUser;
  for (const section of dailySections()) {
    for (const item of await section.collect(db, window)) {
      const mine = byUser.get(item.userId);
      if (!mine) continue;
      const list = mine.get(section.key) ?? [];
      list.push(item);
      mine.set(section.key, list);
    }
  }
  return byUser;
}

export const sectionHeads = (locale: Locale): SectionHead[] =>
  dailySections().map((s) => ({ key: s.key, title: s.title[locale], tally: s.tally ?? 'count', money: !!s.money }));

const iso = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString() : String(v));

/** One user's collected items as the report shows them, in the reader's language. */
export function sectionResults(items: Map<string, DailyItem[]> | undefined, locale: Locale): DailySectionResult[] {
  return dailySections().map((s) => {
    const list = items?.get(s.key) ?? [];
    return {
      key: s.key,
      title: s.title[locale],
      tally: s.tally ?? 'count',
      money: !!s.money,
      count: list.length,
      done: list.filter(isActivity).length,
      amount: s.money ? sumMoney(list.map((i) => i.amount ?? '0')) : null,
      items: list.map((i) => ({
        id: i.id,
        title: i.title,
        detail: i.detailIn?.[locale] ?? i.detail ?? null,
        amount: i.amount ?? null,
        link: i.link ?? null,
        at: iso(i.at),
        done: i.done ?? null,
      })),
    };
  });
}

export const activityCount = (items: Map<string, DailyItem[]> | undefined): number =>
  [...(items?.values() ?? [])].reduce((n, list) => n + list.filter(isActivity).length, 0);
