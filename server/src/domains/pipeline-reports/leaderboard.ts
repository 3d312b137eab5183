import type { Locale } from '@contracts/common.js';
import { type LeaderboardReport, leaderboardQuery, leaderboardResponse } from '@contracts/pipeline-reports.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { businessDate } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { defineReport } from '../../platform/reports/report-route.js';
import { label, type ReportColumn, type ReportTable, reportTable, tablePart } from '../../platform/reports/report-table.js';
import { L } from './download-labels.js';
import { addMonths, dayStartSql, monthOf, monthStart, reportWhere } from './report-filters.js';

interface Row {
  owner_id: string;
  owner_name: string;
  department_name: string | null;
  amount: string;
  n: number;
  rank: number;
  reps: number;
  total_amount: string;
  total_n: number;
}

/**
 * T4 销售排行: what each rep signed (won) in a month, best first — by the instant the deal was won in
 * the company time zone, as the forecast counts 已签约, so the two agree (opportunities_won_closed).
 */
async function leaderboard(
  db: Db,
  actor: Actor,
  q: z.infer<typeof leaderboardQuery>,
  now: Date,
  timeZone: string,
): Promise<LeaderboardReport> {
  const month = q.month ?? monthOf(businessDate(now, timeZone));
  const { rows } = await sql<Row>`
    WITH x AS MATERIALIZED (
      SELECT o.owner_id, sum(o.amount) AS amount, count(*)::int AS n
        FROM opportunities o
       WHERE o.deleted_at IS NULL AND o.status = 'won'
         AND o.closed_at >= ${dayStartSql(monthStart(month), timeZone)} AND o.closed_at < ${dayStartSql(monthStart(addMonths(month, 1)), timeZone)}
         AND ${reportWhere(actor, q, 'o')}
       GROUP BY o.owner_id
    ),
    t AS (SELECT count(*)::int AS reps, coalesce(sum(amount), 0)::numeric(20,2)::text AS total_amount, coalesce(sum(n), 0)::int AS total_n FROM x),
    top AS (SELECT x.*, rank() OVER (ORDER BY x.amount DESC)::int AS rank FROM x ORDER BY x.amount DESC LIMIT ${q.limit})
    SELECT top.owner_id, u.display_name AS owner_name, d.name AS department_name, top.amount::numeric(20,2)::text AS amount, top.n,
           top.rank, t.reps, t.total_amount, t.total_n
      FROM t LEFT JOIN top ON true LEFT JOIN users u ON u.id = top.owner_id LEFT JOIN departments d ON d.id = u.department_id
     ORDER BY top.rank, u.display_name`.execute(db);
  const t = rows[0];
  return {
    month,
    items: rows
      .filter((r) => r.owner_id)
      .map((r) => ({
        rank: r.rank,
        ownerId: r.owner_id,
        ownerName: r.owner_name,
        departmentName: r.department_name,
        wonCount: r.n,
        wonAmount: r.amount,
      })),
    total: { reps: t?.reps ?? 0, wonCount: t?.total_n ?? 0, wonAmount: t?.total_amount ?? '0.00' },
  };
}

type Line = LeaderboardReport['items'][number];
const COLUMNS: ReportColumn<Line>[] = [
  { label: label('名次', '名次', 'Rank'), value: (l) => l.rank },
  { label: L.rep, value: (l) => l.ownerName },
  { label: L.department, value: (l) => l.departmentName },
  { label: L.wonCount, value: (l) => l.wonCount },
  { label: L.wonAmount, value: (l) => l.wonAmount },
];

const leaderboardTable = (r: LeaderboardReport, { locale }: { locale: Locale }): ReportTable =>
  reportTable(locale, tablePart(COLUMNS, r.items));

export const leaderboardRoute = defineReport({
  path: '/reports/leaderboard',
  summary: 'What each rep signed (won) in a month, best first',
  query: leaderboardQuery,
  response: leaderboardResponse,
  run: (env, actor, q) => leaderboard(env.db, actor, q, env.now, env.timeZone),
  download: { fileName: label('销售排行', '銷售排行', 'Leaderboard'), table: leaderboardTable },
});
