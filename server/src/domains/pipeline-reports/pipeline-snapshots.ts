import { sql } from 'kysely';
import { addDays, businessDate } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { registerJob } from '../../platform/jobs/scheduler.js';
import { monthOf, monthStart } from './report-filters.js';
import { settingSql } from './report-settings.js';

export const PIPELINE_SNAPSHOT_JOB = 'pipeline-snapshots';

/** The Monday of a date's ISO week. */
export function weekStartOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * O5: the weekly pipeline snapshot. Once per ISO week (Monday, company time zone) the open pipeline
 * is recorded per owner, department, pipeline and month of expected close — the weighted forecast
 * under the threshold then in force, category amounts and the open total — so the forecast made on a
 * date can later be set against what was signed. Idempotent: a week already taken is left alone.
 */
export async function takePipelineSnapshot(trx: Db, now: Date, timeZone: string): Promise<{ weekStart: string; taken: boolean }> {
  const today = businessDate(now, timeZone);
  const weekStart = weekStartOf(today);
  const run = await sql<{ week_start: string }>`
    INSERT INTO pipeline_snapshot_runs (week_start, taken_on, taken_at, threshold)
    VALUES (${weekStart}::date, ${today}::date, ${now}, ${settingSql('forecastThreshold')})
    ON CONFLICT (week_start) DO NOTHING RETURNING week_start`.execute(trx);
  if (run.rows.length === 0) return { weekStart, taken: false };
  const inserted = await sql`
    INSERT INTO pipeline_snapshots (week_start, owner_id, owner_dept_id, pipeline_id, close_month, open_count, open_amount,
                                    forecast_count, forecast_amount, commit_amount, best_case_amount, pipeline_amount)
    SELECT ${weekStart}::date, o.owner_id, o.owner_dept_id, o.pipeline_id, date_trunc('month', o.expected_close_date)::date,
           count(*), sum(o.amount),
           count(*) FILTER (WHERE o.probability >= r.threshold),
           coalesce(sum(o.amount * o.probability) FILTER (WHERE o.probability >= r.threshold), 0) / 100,
           coalesce(sum(o.amount) FILTER (WHERE o.forecast_category = 'commit'), 0),
           coalesce(sum(o.amount) FILTER (WHERE o.forecast_category = 'best_case'), 0),
           coalesce(sum(o.amount) FILTER (WHERE o.forecast_category = 'pipeline'), 0)
      FROM opportunities o JOIN pipeline_snapshot_runs r ON r.week_start = ${weekStart}::date
     WHERE o.deleted_at IS NULL AND o.status = 'open' AND o.expected_close_date >= ${monthStart(monthOf(today))}::date
     GROUP BY o.owner_id, o.owner_dept_id, o.pipeline_id, date_trunc('month', o.expected_close_date)`.execute(trx);
  await trx
    .updateTable('pipeline_snapshot_runs')
    .set({ groups: Number(inserted.numAffectedRows ?? 0) })
    .where('week_start', '=', weekStart)
    .execute();
  return { weekStart, taken: true };
}

// Hourly: whichever server holds the lock takes this week's snapshot if it is not there yet.
registerJob({
  name: PIPELINE_SNAPSHOT_JOB,
  everyMs: 60 * 60_000,
  run: (trx, ctx) => takePipelineSnapshot(trx, ctx.clock.now(), ctx.config.CRM_TIME_ZONE),
});

export async function listSnapshotRuns(db: Db, q: { page: number; pageSize: number }) {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('pipeline_snapshot_runs')
      .selectAll()
      .orderBy('week_start', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    db.selectFrom('pipeline_snapshot_runs').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      weekStart: r.week_start,
      takenOn: r.taken_on,
      takenAt: r.taken_at.toISOString(),
      threshold: Number(r.threshold),
      groups: r.groups,
    })),
    total: total.n,
    page: q.page,
    pageSize: q.pageSize,
  };
}
