import type { dueListQuery } from '@contracts/follow-ups.js';
import { type RawBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { type ScopeNarrowing, scopeFilter } from '../../platform/access/data-scope.js';
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
 * C6: each key customer's due date — its last follow-up (or, never followed up, its creation) plus its
 * cycle, in whole days of the company's time zone — in the caller's scope (none: every key customer,
 * for the reminder job). Columns: id, name, grade, owner_id, owner_dept_id, follow_up_cycle_days,
 * last_follow_up_at, due_date (date). Data timeliness (T7) counts the overdue ones per rep from it.
 */
export function keyCustomerDueDates(
  actor: Actor | null,
  timeZone: string,
  narrow: ScopeNarrowing = {},
  /** As things stood before this instant (a past day's report): later follow-ups and customers are not seen. */
  before?: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const seen = (column: RawBuilder<unknown>) => (before ? sql`AND ${column} < ${before}` : sql``);
  return sql`
    SELECT c.id, c.name, c.grade, c.owner_id, c.owner_dept_id, c.follow_up_cycle_days, f.last_at AS last_follow_up_at,
           (((coalesce(f.last_at, c.created_at)) AT TIME ZONE ${timeZone})::date + c.follow_up_cycle_days) AS due_date
      FROM customers c
      LEFT JOIN LATERAL (
        SELECT max(occurred_at) AS last_at FROM follow_ups WHERE customer_id = c.id AND deleted_at IS NULL ${seen(sql.ref('occurred_at'))}
      ) f ON true
     WHERE c.deleted_at IS NULL AND c.owner_id IS NOT NULL AND c.is_key AND c.follow_up_cycle_days IS NOT NULL ${seen(sql.ref('c.created_at'))}
       AND ${actor ? scopeFilter(actor, 'c', narrow) : narrow.ownerId ? sql`c.owner_id = ${narrow.ownerId}` : sql`true`}`;
}

/** C6: the key customers due within `withinDays` of today (0: due today or overdue), soonest first. */
export async function dueForFollowUp(
  db: Db,
  actor: Actor | null,
  opts: z.infer<typeof dueListQuery> & { today: string; timeZone: string },
) {
  const until = sql`(${opts.today}::date + ${opts.withinDays}::int)`;
  const { rows } = await sql<DueRow>`
    WITH due AS (${keyCustomerDueDates(actor, opts.timeZone, { ownerId: opts.ownerId })})
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
