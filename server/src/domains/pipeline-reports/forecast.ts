import type { Locale } from '@contracts/common.js';
import {
  type ForecastAdjustment,
  type ForecastFigures,
  type ForecastReport,
  forecastQuery,
  forecastResponse,
} from '@contracts/pipeline-reports.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { departmentScopeFilter } from '../../platform/access/data-scope.js';
import { departmentClosure } from '../../platform/access/department-subtree.js';
import type { Db } from '../../platform/db/database.js';
import { defineReport } from '../../platform/reports/report-route.js';
import { type Label, label, type ReportColumn, reportTable, tablePart, type ReportTable } from '../../platform/reports/report-table.js';
import { L } from './download-labels.js';
import { latestAdjustments } from './forecast-adjustments.js';
import { allReps, dayStartSql, monthRange, monthStart, reportWhere } from './report-filters.js';
import { settingSql } from './report-settings.js';

type Query = z.infer<typeof forecastQuery>;

interface Row {
  kind: 'rep' | 'dept' | 'total';
  id: string | null;
  name: string | null;
  parent_id: string | null;
  parent_name: string | null;
  month: string | null;
  forecast: string;
  forecast_count: number;
  commit: string;
  best_case: string;
  pipeline: string;
  omitted: string;
  won: string;
  won_count: number;
  reps: number;
  threshold: string;
}

const MONEY = (expr: ReturnType<typeof sql>) => sql`coalesce(${expr}, 0)::numeric(20,2)::text`;
const FIGURES = sql.raw(`sum(fc) AS fc, sum(fc_n) AS fc_n, sum(commit_amt) AS commit_amt, sum(best_amt) AS best_amt,
       sum(pipe_amt) AS pipe_amt, sum(omit_amt) AS omit_amt, sum(won) AS won, sum(won_n) AS won_n`);
const OUTPUT = sql`${MONEY(sql`round(x.fc / 100, 2)`)} AS forecast, coalesce(x.fc_n, 0)::int AS forecast_count,
       ${MONEY(sql`x.commit_amt`)} AS commit, ${MONEY(sql`x.best_amt`)} AS best_case, ${MONEY(sql`x.pipe_amt`)} AS pipeline,
       ${MONEY(sql`x.omit_amt`)} AS omitted, ${MONEY(sql`x.won`)} AS won, coalesce(x.won_n, 0)::int AS won_count`;

/**
 * O5, seed 002's rule: weighted amount = amount × probability; an open opportunity counts only when
 * its probability is at least the threshold (default 70 %); won ones are not forecast (they are
 * shown beside it as signed), lost ones never are. Months are those of the expected close date;
 * "signed in a month" is by the instant it was won, in the company time zone.
 *
 * One statement: the figures per (owner, owner's department, month) once, then per rep (one page,
 * ranked by forecast), per department rolled up over its subtree, and for the whole scope.
 */
async function forecastReport(db: Db, actor: Actor, q: Query, now: Date, timeZone: string): Promise<ForecastReport> {
  const range = monthRange(q, now, timeZone, { from: 0, to: 1 });
  const offset = (q.page - 1) * q.pageSize;
  // Reps are ranked by one month's forecast (the month a page shows), then by the whole range.
  const rankMonth = monthStart(q.month && range.months.includes(q.month) ? q.month : range.from);
  const where = reportWhere(actor, q, 'o');
  // A rep sees no department; his statement leaves the tree out (it is planned on every request).
  const team = actor.scope !== 'own';
  const closure = team ? sql`${departmentClosure(departmentScopeFilter(actor, 'd', q.departmentId))},` : sql``;
  const departments = team
    ? sql`UNION ALL
      SELECT 'dept', d.id, d.name, d.parent_id, NULL, x.m::text, ${OUTPUT}, NULL, NULL, d.sort_order::bigint
        FROM (SELECT DISTINCT ancestor FROM closure) a JOIN departments d ON d.id = a.ancestor
        LEFT JOIN (SELECT c.ancestor, g.m, ${FIGURES} FROM g JOIN closure c ON c.descendant = g.owner_dept_id
                    WHERE g.by_dept GROUP BY 1, 2) x
          ON x.ancestor = a.ancestor`
    : sql``;
  const { rows } = await sql<Row>`
    WITH RECURSIVE ${closure}
    settings AS (SELECT ${settingSql('forecastThreshold')}::numeric(5,2) AS threshold),
    -- The open opportunities expected to close in the range and the won ones closed in it, per owner,
    -- owner's department and month (a pair of rows where both occur; the grouping sets below add them up).
    base AS MATERIALIZED (
      SELECT o.owner_id, o.owner_dept_id, date_trunc('month', o.expected_close_date)::date AS m,
             sum(o.amount * o.probability) FILTER (WHERE o.probability >= s.threshold) AS fc,
             count(*) FILTER (WHERE o.probability >= s.threshold) AS fc_n,
             sum(o.amount) FILTER (WHERE o.forecast_category = 'commit') AS commit_amt,
             sum(o.amount) FILTER (WHERE o.forecast_category = 'best_case') AS best_amt,
             sum(o.amount) FILTER (WHERE o.forecast_category = 'pipeline') AS pipe_amt,
             sum(o.amount) FILTER (WHERE o.forecast_category = 'omitted') AS omit_amt,
             NULL::numeric AS won, 0 AS won_n
        FROM opportunities o CROSS JOIN settings s
       WHERE o.deleted_at IS NULL AND o.status = 'open'
         AND o.expected_close_date >= ${range.fromDate}::date AND o.expected_close_date < ${range.toDateExclusive}::date
         AND ${where}
       GROUP BY 1, 2, 3
      UNION ALL
      SELECT o.owner_id, o.owner_dept_id, date_trunc('month', o.closed_at AT TIME ZONE ${timeZone})::date,
             NULL, 0, NULL, NULL, NULL, NULL, sum(o.amount), count(*)
        FROM opportunities o
       WHERE o.deleted_at IS NULL AND o.status = 'won'
         AND o.closed_at >= ${dayStartSql(range.fromDate, timeZone)} AND o.closed_at < ${dayStartSql(range.toDateExclusive, timeZone)}
         AND ${where}
       GROUP BY 1, 2, 3
    ),
    -- Per rep, per owner's department (rolled up the tree below) and in all, in one pass over base.
    g AS MATERIALIZED (
      SELECT owner_id, owner_dept_id, m, GROUPING(owner_id) = 0 AS by_rep, GROUPING(owner_dept_id) = 0 AS by_dept, ${FIGURES}
        FROM base GROUP BY GROUPING SETS ((owner_id, m), (owner_dept_id, m), (m))
    ),
    ranked AS (
      SELECT r.owner_id, count(*) OVER () AS reps,
             row_number() OVER (ORDER BY r.fc_rank DESC NULLS LAST, r.won_rank DESC NULLS LAST, r.fc_all DESC NULLS LAST, u.display_name, r.owner_id) AS rn
        FROM (SELECT owner_id, sum(fc) FILTER (WHERE m = ${rankMonth}::date) AS fc_rank, sum(won) FILTER (WHERE m = ${rankMonth}::date) AS won_rank,
                     sum(fc) AS fc_all
                FROM g WHERE by_rep GROUP BY owner_id) r
        JOIN users u ON u.id = r.owner_id
    )
    SELECT 'rep' AS kind, u.id, u.display_name AS name, NULL::uuid AS parent_id, ud.name AS parent_name, x.m::text AS month, ${OUTPUT},
           k.reps::int AS reps, NULL::text AS threshold, k.rn::bigint AS ord
      FROM g x JOIN ranked k ON k.owner_id = x.owner_id JOIN users u ON u.id = x.owner_id
      LEFT JOIN departments ud ON ud.id = u.department_id
     WHERE x.by_rep AND k.rn > ${offset} AND k.rn <= ${offset + q.pageSize}
    ${departments}
    UNION ALL
    SELECT 'total', NULL, NULL, NULL, NULL, x.m::text, ${OUTPUT}, (SELECT count(*) FROM ranked)::int, s.threshold::text, NULL
      FROM settings s LEFT JOIN g x ON NOT x.by_rep AND NOT x.by_dept
     ORDER BY kind, ord, name, month`.execute(db);

  const zero = (month: string): ForecastFigures => ({
    month,
    forecast: '0.00',
    forecastCount: 0,
    commit: '0.00',
    bestCase: '0.00',
    pipeline: '0.00',
    omitted: '0.00',
    won: '0.00',
    wonCount: 0,
  });
  const figures = (r: Row): ForecastFigures => ({
    month: (r.month as string).slice(0, 7),
    forecast: r.forecast,
    forecastCount: r.forecast_count,
    commit: r.commit,
    bestCase: r.best_case,
    pipeline: r.pipeline,
    omitted: r.omitted,
    won: r.won,
    wonCount: r.won_count,
  });
  /** Every month of the range, in order, zero where nothing was found. */
  const byMonth = (list: Row[]) => {
    const found = new Map(list.filter((r) => r.month).map((r) => [(r.month as string).slice(0, 7), figures(r)]));
    return range.months.map((m) => found.get(m) ?? zero(m));
  };
  const group = (kind: Row['kind']) => {
    const out = new Map<string, Row[]>();
    for (const r of rows.filter((x) => x.kind === kind)) out.set(r.id ?? '', [...(out.get(r.id ?? '') ?? []), r]);
    return out;
  };

  const totalRows = rows.filter((r) => r.kind === 'total');
  const depts = group('dept');
  const adjustments = depts.size ? await latestAdjustments(db, [...depts.keys()], range.fromDate, range.toDateExclusive) : [];
  const adjustmentOf = new Map<string, ForecastAdjustment>(adjustments.map((a) => [`${a.departmentId}|${a.month}`, a]));

  return {
    threshold: Number(totalRows[0]?.threshold ?? 70),
    currentMonth: range.current,
    months: range.months,
    total: byMonth(totalRows),
    departments: [...depts.entries()].map(([id, list]) => ({
      departmentId: id,
      name: list[0].name ?? '',
      parentId: list[0].parent_id,
      months: byMonth(list).map((f) => ({ ...f, adjustment: adjustmentOf.get(`${id}|${f.month}`) ?? null })),
    })),
    reps: {
      items: [...group('rep').entries()].map(([id, list]) => ({
        ownerId: id,
        ownerName: list[0].name ?? '',
        departmentName: list[0].parent_name,
        months: byMonth(list),
      })),
      total: totalRows[0]?.reps ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    },
  };
}

/** A line of the file: the total, a department or a rep, in one month, as on screen. */
interface ForecastLine {
  level: Label;
  name?: string;
  department?: string | null;
  f: ForecastFigures;
  adjustment?: string | null;
}

const FORECAST_COLUMNS: ReportColumn<ForecastLine>[] = [
  { label: L.level, value: (l) => l.level },
  { label: label('名称', '名稱', 'Name'), value: (l) => l.name },
  { label: L.department, value: (l) => l.department },
  { label: L.month, value: (l) => l.f.month },
  { label: label('预计签约（加权）', '預計簽約（加權）', 'Forecast (weighted)'), value: (l) => l.f.forecast },
  { label: label('计入预测的商机数', '計入預測的商機數', 'Forecast opportunities'), value: (l) => l.f.forecastCount },
  { label: label('承诺', '承諾', 'Commit'), value: (l) => l.f.commit },
  { label: label('最佳情况', '最佳情況', 'Best case'), value: (l) => l.f.bestCase },
  { label: label('管道', '管道', 'Pipeline'), value: (l) => l.f.pipeline },
  { label: label('排除', '排除', 'Omitted'), value: (l) => l.f.omitted },
  { label: L.won, value: (l) => l.f.won },
  { label: L.wonCount, value: (l) => l.f.wonCount },
  { label: label('经理调整', '經理調整', 'Manager adjustment'), value: (l) => l.adjustment },
];

function forecastTable(r: ForecastReport, { locale }: { locale: Locale }): ReportTable {
  return reportTable(
    locale,
    tablePart(FORECAST_COLUMNS, [
      ...r.total.map((f) => ({ level: L.total, f })),
      ...r.departments.flatMap((d) => d.months.map((f) => ({ level: L.department, name: d.name, f, adjustment: f.adjustment?.amount }))),
      ...r.reps.items.flatMap((rep) => rep.months.map((f) => ({ level: L.rep, name: rep.ownerName, department: rep.departmentName, f }))),
    ]),
  );
}

export const forecastRoute = defineReport({
  path: '/reports/forecast',
  summary: 'Sales forecast per month: weighted (probability ≥ threshold), category totals and signed, per rep, department and company',
  query: forecastQuery,
  response: forecastResponse,
  run: (env, actor, q) => forecastReport(env.db, actor, q, env.now, env.timeZone),
  download: { fileName: label('销售预测', '銷售預測', 'Sales forecast'), query: allReps, table: forecastTable },
});
