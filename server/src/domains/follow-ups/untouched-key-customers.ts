import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { keyCustomerDueDates } from './due-for-follow-up.js';

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
    WITH due AS (${keyCustomerDueDates(null, opts.timeZone, {}, end)})
    SELECT id, name, owner_id, follow_up_cycle_days AS cycle, last_follow_up_at AS last_at,
           (${opts.asOfDay}::date - due_date)::int AS overdue
      FROM due
     WHERE owner_id = ANY(${opts.ownerIds}::uuid[]) AND due_date <= ${opts.asOfDay}::date
     ORDER BY overdue DESC, name
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
