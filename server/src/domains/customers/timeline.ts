import type { TimelineItem } from '@contracts/follow-ups.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';

/**
 * C8: the customer 360 timeline is assembled from providers. A domain that has something to
 * show on a customer's timeline (follow-ups, tasks, opportunities, contracts, payments …)
 * registers one here; the page and this module never change when a domain is added.
 */
export interface TimelineProvider {
  type: string;
  /** Items of this customer older than `before`, newest first, at most `limit`. The customer is already known to be visible. */
  fetch(db: Db, actor: Actor, customerId: string, opts: { before?: Date; limit: number }): Promise<TimelineItem[]>;
}

const providers = new Map<string, TimelineProvider>();

export function registerTimelineProvider(p: TimelineProvider): void {
  providers.set(p.type, p);
}

export const timelineTypes = () => [...providers.keys()];

export async function customerTimeline(
  db: Db,
  actor: Actor,
  customerId: string,
  opts: { types?: string[]; before?: Date; limit: number },
): Promise<TimelineItem[]> {
  const chosen = [...providers.values()].filter((p) => !opts.types?.length || opts.types.includes(p.type));
  const lists: TimelineItem[][] = [];
  for (const p of chosen) lists.push(await p.fetch(db, actor, customerId, { before: opts.before, limit: opts.limit }));
  return lists
    .flat()
    .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
    .slice(0, opts.limit);
}
