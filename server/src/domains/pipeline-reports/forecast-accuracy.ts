import type { Locale } from '@contracts/common.js';
import { type ForecastAccuracyReport, forecastAccuracyQuery, forecastAccuracyResponse } from '@contracts/pipeline-reports.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { defineReport } from '../../platform/reports/report-route.js';
import { type Label, label, type ReportColumn, reportTable, tablePart, type ReportTable } from '../../platform/reports/report-table.js';
import { L } from './download-labels.js';
import { allReps, dayStartSql, monthRange, num, reportWhere } from './report-filters.js';

interface Row {
  owner_id: string | null;
  owner_name: string | null;
  month: string;
  snapshot_week: string | null;
  forecast: string | null;
  won: string;
  difference: string | null;
  accuracy: string | null;
}

/**
 * O5: forecast accuracy per rep and month. The forecast is the one recorded by the last weekly
 * snapshot taken on or before the 1st of the month (what was expected as the month began); the
 * actual is what was won in that month (company time zone). Accuracy = 100 − |won − forecast| ÷
 * forecast × 100, not below 0.
 */
async function forecastAccuracy(
  db: Db,
  actor: Actor,
  q: z.infer<typeof forecastAccuracyQuery>,
  now: Date,
  timeZone: string,
): Promise<ForecastAccuracyReport> {
  const range = monthRange(q, now, timeZone, { from: -3, to: 0 });
  const { rows } = await sql<Row>`
    WITH months AS (
      SELECT m::date AS m FROM generate_series(${range.fromDate}::date, ${range.toDateExclusive}::date - 1, interval '1 month') AS m
    ),
    picked AS (
      SELECT m.m, (SELECT r.week_start FROM pipeline_snapshot_runs r WHERE r.taken_on <= m.m ORDER BY r.taken_on DESC LIMIT 1) AS week
        FROM months m
    ),
    fc AS (
      SELECT s.owner_id, p.m, sum(s.forecast_amount) AS forecast
        FROM picked p JOIN pipeline_snapshots s ON s.week_start = p.week AND s.close_month = p.m
       WHERE ${reportWhere(actor, q, 's')}
       GROUP BY 1, 2
    ),
    won AS (
      SELECT o.owner_id, date_trunc('month', o.closed_at AT TIME ZONE ${timeZone})::date AS m, sum(o.amount) AS won
        FROM opportunities o
       WHERE o.deleted_at IS NULL AND o.status = 'won'
         AND o.closed_at >= ${dayStartSql(range.fromDate, timeZone)} AND o.closed_at < ${dayStartSql(range.toDateExclusive, timeZone)}
         AND ${reportWhere(actor, q, 'o')}
       GROUP BY 1, 2
    ),
    joined AS (
      SELECT coalesce(f.owner_id, w.owner_id) AS owner_id, coalesce(f.m, w.m) AS m, f.forecast, w.won
        FROM fc f FULL JOIN won w ON w.owner_id = f.owner_id AND w.m = f.m
    ),
    g AS (
      SELECT owner_id, m, round(sum(forecast), 2) AS forecast, coalesce(sum(won), 0) AS won
        FROM joined GROUP BY GROUPING SETS ((owner_id, m), (m))
    )
    SELECT g.owner_id, u.display_name AS owner_name, to_char(mo.m, 'YYYY-MM') AS month, p.week::text AS snapshot_week,
           CASE WHEN p.week IS NOT NULL THEN coalesce(g.forecast, 0)::numeric(20,2)::text END AS forecast,
           coalesce(g.won, 0)::numeric(20,2)::text AS won,
           CASE WHEN p.week IS NOT NULL THEN (coalesce(g.won, 0) - coalesce(g.forecast, 0))::numeric(20,2)::text END AS difference,
           CASE WHEN p.week IS NOT NULL AND g.forecast > 0
                THEN greatest(0, round(100 - abs(coalesce(g.won, 0) - g.forecast) / g.forecast * 100, 1))::text END AS accuracy
      FROM months mo JOIN picked p ON p.m = mo.m
      LEFT JOIN g ON g.m = mo.m
      LEFT JOIN users u ON u.id = g.owner_id
     -- A rep with neither a forecast nor a deal that month has nothing to judge.
     WHERE g.owner_id IS NULL OR g.forecast <> 0 OR g.won <> 0
     ORDER BY mo.m, u.display_name, g.owner_id`.execute(db);

  const figures = (r: Row) => ({
    month: r.month,
    snapshotWeek: r.snapshot_week,
    forecast: r.forecast,
    won: r.won,
    difference: r.difference,
    accuracy: num(r.accuracy),
  });
  const total = range.months.map((m) => {
    const r = rows.find((x) => x.month === m && !x.owner_id);
    const picked = rows.find((x) => x.month === m);
    return r
      ? figures(r)
      : {
          month: m,
          snapshotWeek: picked?.snapshot_week ?? null,
          forecast: picked?.snapshot_week ? '0.00' : null,
          won: '0.00',
          difference: picked?.snapshot_week ? '0.00' : null,
          accuracy: null,
        };
  });
  const reps = rows.filter((r) => r.owner_id).map((r) => ({ ...figures(r), ownerId: r.owner_id as string, ownerName: r.owner_name ?? '' }));
  const offset = (q.page - 1) * q.pageSize;
  return { total, reps: { items: reps.slice(offset, offset + q.pageSize), total: reps.length, page: q.page, pageSize: q.pageSize } };
}

type AccuracyFigures = ForecastAccuracyReport['total'][number];

const ACCURACY_COLUMNS: ReportColumn<{ level: Label; owner?: string; f: AccuracyFigures }>[] = [
  { label: L.level, value: (l) => l.level },
  { label: L.owner, value: (l) => l.owner },
  { label: L.month, value: (l) => l.f.month },
  { label: label('采用的快照（周一）', '採用的快照（週一）', 'Snapshot week (Monday)'), value: (l) => l.f.snapshotWeek },
  { label: label('月初预测', '月初預測', 'Forecast at month start'), value: (l) => l.f.forecast },
  { label: L.won, value: (l) => l.f.won },
  { label: label('差额', '差額', 'Difference'), value: (l) => l.f.difference },
  { label: label('准确率（%）', '準確率（%）', 'Accuracy (%)'), value: (l) => l.f.accuracy },
];

function forecastAccuracyTable(r: ForecastAccuracyReport, { locale }: { locale: Locale }): ReportTable {
  return reportTable(
    locale,
    tablePart(ACCURACY_COLUMNS, [
      ...r.total.map((f) => ({ level: L.total, f })),
      ...r.reps.items.map((f) => ({ level: L.rep, owner: f.ownerName, f })),
    ]),
  );
}

export const forecastAccuracyRoute = defineReport({
  path: '/reports/forecast-accuracy',
  summary: 'Forecast from the weekly snapshot against what was won, per rep and month',
  query: forecastAccuracyQuery,
  response: forecastAccuracyResponse,
  run: (env, actor, q) => forecastAccuracy(env.db, actor, q, env.now, env.timeZone),
  download: { fileName: label('预测准确率', '預測準確率', 'Forecast accuracy'), query: allReps, table: forecastAccuracyTable },
});
