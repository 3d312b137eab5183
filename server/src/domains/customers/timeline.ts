import type { TimelineItem } from '@contracts/follow-ups.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * C8: the customer 360 timeline is assembled from providers. A domain that has something to
 * show on a customer's timeline (follow-ups, tasks, opportunities, contracts, payments …)
 * registers one here; the page and this module never change when a domain is added.
 */
export interface TimelineProvider {
  type: string;
  /**
   * Items of this customer older than the cursor, newest first (ties by id, descending), at most
   * `limit`. The customer is already known to be visible. Use `olderThan()` for the cursor.
   */
  fetch(db: Db, actor: Actor, customerId: string, opts: TimelinePageOpts): Promise<TimelineItem[]>;
}

/**
 * Items strictly before (`before`, `beforeId`) in (time, id) order; without `beforeId`, strictly
 * before `before`. Times compare at millisecond precision, the precision of `at` in the API.
 */
export interface TimelinePageOpts {
  before?: Date;
  beforeId?: string;
  limit: number;
}

/** The cursor condition for a provider's SQL: `at` and `id` are the columns behind `at` and `id`. */
export function olderThan(at: string, id: string, opts: TimelinePageOpts): RawBuilder<SqlBool> {
  if (!opts.before) return sql<SqlBool>`true`;
  if (!opts.beforeId) return sql<SqlBool>`${sql.ref(at)} < ${opts.before}`;
  return sql<SqlBool>`(date_trunc('milliseconds', ${sql.ref(at)}), ${sql.ref(id)}) < (${opts.before}::timestamptz, ${opts.beforeId}::uuid)`;
}

const providers = new Map<string, TimelineProvider>();

export function registerTimelineProvider(p: TimelineProvider): void {
  providers.set(p.type, p);
}

export const timelineTypes = () => [...providers.keys()];

const MIN_ID = '00000000-0000-0000-0000-000000000000';
const MAX_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
const keyOf = (item: TimelineItem) => `${item.type}:${item.id}`;
// Plain code-unit order, the same as PostgreSQL's for lower-case uuids (localeCompare is not).
const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/**
 * Newest first, ties broken by `type:id` descending. A page after (`before`, `beforeKey` = the last
 * item's `type:id`) continues exactly where the previous one stopped, also when many items share
 * one instant: each provider gets the cursor translated to its own type.
 */
export async function customerTimeline(
  db: Db,
  actor: Actor,
  customerId: string,
  opts: { types?: string[]; before?: Date; beforeKey?: string; limit: number },
): Promise<TimelineItem[]> {
  const chosen = [...providers.values()].filter((p) => !opts.types?.length || opts.types.includes(p.type));
  const [cursorType, cursorId] = opts.beforeKey?.split(/:(?=[^:]*$)/) ?? [];
  const cursorAt = opts.before?.toISOString();
  const lists: TimelineItem[][] = [];
  for (const p of chosen) {
    // Same instant: a type sorting below the cursor's comes after it (all its items are still to
    // show), one above came before it (none are).
    const beforeId = !cursorId ? undefined : p.type === cursorType ? cursorId : p.type < cursorType ? MAX_ID : MIN_ID;
    lists.push(await p.fetch(db, actor, customerId, { before: opts.before, beforeId, limit: opts.limit }));
  }
  return lists
    .flat()
    .filter((item) => !cursorAt || !opts.beforeKey || item.at < cursorAt || (item.at === cursorAt && keyOf(item) < opts.beforeKey))
    .sort((a, b) => desc(a.at, b.at) || desc(keyOf(a), keyOf(b)))
    .slice(0, opts.limit);
}
