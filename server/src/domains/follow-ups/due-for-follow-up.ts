import type { dueListQuery } from '@contracts/follow-ups.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { businessDate, daysBetween } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';

interface DueRow {
  id: string;
  name: string;
  grade: string | null;
  owner_id: string;
  owner_name: string | null;
  follow_up_cycle_days: number;
  last_follow_up_at: Date | null;
  due_date: string;
  total: number;
}

/**
 * C6: a key customer is due when its last follow-up (or, never followed up, its creation) is
 * `cycle` days old or more, counted in whole days of the company's time zone.
 */
export async function dueForFollowUp(
  db: Db,
  actor: Actor | null,
  opts: z.infer<typeof dueListQuery> & { today: string; timeZone: string },
) {
  const until = sql`(${opts.today}::date + ${opts.withinDays}::int)`;
  const { rows } = await sql<DueRow>`
    WITH due AS (
      SELECT c.id, c.name, c.grade, c.owner_id, c.follow_up_cycle_days, f.last_at AS last_follow_up_at,
             (((coalesce(f.last_at, c.created_at)) AT TIME ZONE ${opts.timeZone})::date + c.follow_up_cycle_days) AS due_date
        FROM customers c
        LEFT JOIN LATERAL (
          SELECT max(occurred_at) AS last_at FROM follow_ups WHERE customer_id = c.id AND deleted_at IS NULL
        ) f ON true
       WHERE c.deleted_at IS NULL AND c.owner_id IS NOT NULL AND c.is_key AND c.follow_up_cycle_days IS NOT NULL
         AND ${actor ? scopeFilter(actor, 'c') : sql`true`}
         ${opts.ownerId ? sql`AND c.owner_id = ${opts.ownerId}` : sql``}
    )
    SELECT due.*, to_char(due.due_date, 'YYYY-MM-DD') AS due_date, u.display_name AS owner_name, count(*) OVER ()::int AS total
      FROM due LEFT JOIN users u ON u.id = due.owner_id
     WHERE due.due_date <= ${until}
     ORDER BY due.due_date, due.name
     LIMIT ${opts.pageSize} OFFSET ${(opts.page - 1) * opts.pageSize}`.execute(db);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      grade: r.grade,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      followUpCycleDays: r.follow_up_cycle_days,
      lastFollowUpAt: r.last_follow_up_at ? new Date(r.last_follow_up_at).toISOString() : null,
      dueDate: r.due_date,
      overdueDays: daysBetween(r.due_date, opts.today),
    })),
    total: rows[0]?.total ?? 0,
    page: opts.page,
    pageSize: opts.pageSize,
  };
}

export const todayIn = (now: Date, timeZone: string) => businessDate(now, timeZone);
