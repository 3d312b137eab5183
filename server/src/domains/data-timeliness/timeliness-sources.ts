import type { TimelinessSettings } from '@contracts/data-timeliness.js';
import { TIMELINESS_WINDOW_DAYS } from '@contracts/data-timeliness.js';
import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { type ScopeNarrowing, scopeFilter } from '../../platform/access/data-scope.js';
import { keyCustomerDueDates } from '../follow-ups/public.js';

/** What each check looks at, in the caller's scope, as of `now` (an instant) and `today` (company time zone). */
export interface CheckContext {
  actor: Actor;
  narrow: ScopeNarrowing;
  settings: TimelinessSettings;
  now: Date;
  today: string;
  timeZone: string;
}

/** When an open opportunity was last touched: edited, moved a stage or followed up. */
export const touchedSql = sql`greatest(o.updated_at, coalesce(o.last_follow_up_at, o.updated_at))`;
const staleBefore = (x: CheckContext) => sql`(${x.now.toISOString()}::timestamptz - make_interval(days => ${x.settings.staleDays}))`;
const windowStart = (x: CheckContext) => sql`(${x.now.toISOString()}::timestamptz - make_interval(days => ${TIMELINESS_WINDOW_DAYS}))`;
const daysLate = (x: CheckContext) =>
  sql`((f.created_at AT TIME ZONE ${x.timeZone})::date - (f.occurred_at AT TIME ZONE ${x.timeZone})::date)`;

export const customerMissing = sql`ARRAY_REMOVE(ARRAY[
  CASE WHEN coalesce(btrim(c.industry), '') = '' THEN 'industry' END,
  CASE WHEN coalesce(btrim(c.phone), '') = '' THEN 'phone' END,
  CASE WHEN NOT EXISTS (SELECT 1 FROM contacts ct WHERE ct.customer_id = c.id AND ct.deleted_at IS NULL) THEN 'contact' END
], NULL)`;
export const opportunityMissing = sql`ARRAY_REMOVE(ARRAY[
  CASE WHEN o.expected_close_date IS NULL THEN 'expectedCloseDate' END,
  CASE WHEN o.amount = 0 THEN 'amount' END
], NULL)`;

/**
 * Each check's rows, one per record: owner_id, chk (the check), bad (boolean) and for the list to fix the record
 * (entity, id, customer_id, name, days, missing). Figures count them; the list pages through the bad ones.
 */
export function checkRows(x: CheckContext): RawBuilder<unknown> {
  const open = (alias: string) => sql`${sql.ref(`${alias}.deleted_at`)} IS NULL AND ${sql.ref(`${alias}.status`)} = 'open'`;
  return sql`
    SELECT o.owner_id, 'stale' AS chk, ${touchedSql} < ${staleBefore(x)} AS bad, 'opportunity' AS entity, o.id,
           o.customer_id, o.name, (${x.today}::date - (${touchedSql} AT TIME ZONE ${x.timeZone})::date) AS days, ARRAY[]::text[] AS missing
      FROM opportunities o WHERE ${open('o')} AND ${scopeFilter(x.actor, 'o', x.narrow)}
    UNION ALL
    SELECT d.owner_id, 'overdue', d.due_date < ${x.today}::date, 'customer', d.id, d.id, d.name,
           (${x.today}::date - d.due_date), ARRAY[]::text[]
      FROM (${keyCustomerDueDates(x.actor, x.timeZone, x.narrow)}) d
    UNION ALL
    SELECT f.owner_id, 'late', ${daysLate(x)} >= ${x.settings.lateDays}, 'followUp', f.id, f.customer_id, c.name,
           ${daysLate(x)}, ARRAY[]::text[]
      FROM follow_ups f JOIN customers c ON c.id = f.customer_id
     WHERE f.deleted_at IS NULL AND f.created_at >= ${windowStart(x)} AND ${scopeFilter(x.actor, 'f', x.narrow)}
    UNION ALL
    SELECT c.owner_id, 'incomplete', cardinality(${customerMissing}) > 0, 'customer', c.id, c.id, c.name, NULL::int, ${customerMissing}
      FROM customers c WHERE c.deleted_at IS NULL AND c.owner_id IS NOT NULL AND ${scopeFilter(x.actor, 'c', x.narrow)}
    UNION ALL
    SELECT o.owner_id, 'incomplete', cardinality(${opportunityMissing}) > 0, 'opportunity', o.id, o.customer_id, o.name, NULL::int,
           ${opportunityMissing}
      FROM opportunities o WHERE ${open('o')} AND ${scopeFilter(x.actor, 'o', x.narrow)}`;
}

/**
 * The same checks counted per owner (a few hundred rows to add up, not one row per record): what the
 * per-rep figures read. Missing fields come from timeliness_counts, kept by the triggers of migration 0056;
 * staleness moves with the clock and is counted from the index on the open opportunities' last touch.
 * Columns: owner_id, chk, bad, total.
 */
export function checkCounts(x: CheckContext): RawBuilder<unknown> {
  return sql`
    SELECT o.owner_id, 'stale' AS chk, count(*) FILTER (WHERE ${touchedSql} < ${staleBefore(x)}) AS bad, count(*) AS total
      FROM opportunities o WHERE o.deleted_at IS NULL AND o.status = 'open' AND ${scopeFilter(x.actor, 'o', x.narrow)} GROUP BY 1
    UNION ALL
    SELECT d.owner_id, 'overdue', count(*) FILTER (WHERE d.due_date < ${x.today}::date), count(*)
      FROM (${keyCustomerDueDates(x.actor, x.timeZone, x.narrow)}) d GROUP BY 1
    UNION ALL
    SELECT f.owner_id, 'late', count(*) FILTER (WHERE ${daysLate(x)} >= ${x.settings.lateDays}), count(*)
      FROM follow_ups f
     WHERE f.deleted_at IS NULL AND f.created_at >= ${windowStart(x)} AND ${scopeFilter(x.actor, 'f', x.narrow)} GROUP BY 1
    UNION ALL
    SELECT t.owner_id, 'incomplete', sum(t.bad), sum(t.total)
      FROM timeliness_counts t WHERE t.owner_id IS NOT NULL AND ${scopeFilter(x.actor, 't', x.narrow)} GROUP BY 1`;
}
