import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

export interface UntouchedKeyCustomer {
  id: string;
  name: string;
  ownerId: string;
  followUpCycleDays: number;
  /** Last follow-up up to the end of the day asked about (ISO), or null if never. */
  lastFollowUpAt: string | null;
  /** Whole days past the cycle on that day (0 = due that very day). */
  overdueDays: number;
}

/**
 * C6 as of a past or present business day: the key customers of these owners that nobody followed
 * up within their cycle by the end of `asOfDay` — the "untouched key customers" of a team's report.
 * The owners are the caller's already scoped list; one statement for all of them.
 */
export async function untouchedKeyCustomers(
  db: Db,
  opts: { ownerIds: string[]; asOfDay: string; timeZone: string; limit: number },
): Promise<UntouchedKeyCustomer[]> {
  if (opts.ownerIds.length === 0) return [];
  const end = sql`((${opts.asOfDay}::date + 1)::timestamp AT TIME ZONE ${opts.timeZone})`;
  const { rows } = await sql<{ id: string; name: string; owner_id: string; cycle: number; last_at: Date | null; overdue: number }>`
    SELECT c.id, c.name, c.owner_id, c.follow_up_cycle_days AS cycle, f.last_at,
           (${opts.asOfDay}::date - (((coalesce(f.last_at, c.created_at)) AT TIME ZONE ${opts.timeZone})::date + c.follow_up_cycle_days))::int AS overdue
      FROM customers c
      LEFT JOIN LATERAL (
        SELECT max(occurred_at) AS last_at FROM follow_ups
         WHERE customer_id = c.id AND deleted_at IS NULL AND occurred_at < ${end}
      ) f ON true
     WHERE c.owner_id = ANY(${opts.ownerIds}::uuid[]) AND c.deleted_at IS NULL AND c.is_key
       AND c.follow_up_cycle_days IS NOT NULL AND c.created_at < ${end}
       AND ((coalesce(f.last_at, c.created_at)) AT TIME ZONE ${opts.timeZone})::date + c.follow_up_cycle_days <= ${opts.asOfDay}::date
     ORDER BY overdue DESC, c.name
     LIMIT ${opts.limit}`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    ownerId: r.owner_id,
    followUpCycleDays: r.cycle,
    lastFollowUpAt: r.last_at ? new Date(r.last_at).toISOString() : null,
    overdueDays: r.overdue,
  }));
}
