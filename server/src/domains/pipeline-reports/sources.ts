import type { Locale } from '@contracts/common.js';
import { type SourcesReport, sourcesQuery, sourcesResponse } from '@contracts/pipeline-reports.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { picklistLabels } from '../../platform/i18n/picklist-labels.js';
import { defineReport } from '../../platform/reports/report-route.js';
import { type CellValue, label, type ReportColumn, reportTable, tablePart, type ReportTable } from '../../platform/reports/report-table.js';
import { L } from './download-labels.js';
import { dayRange, num, reportWhere } from './report-filters.js';

interface Row {
  source: string | null;
  n: number;
  amount: string;
  won_n: number;
  won_amount: string;
  lost_n: number;
  win_rate: string | null;
  cycle: string | null;
}

/**
 * O8 (seed 000): per source, the opportunities created in the period — how many, how much, how many
 * of them were won and lost so far, the win rate won ÷ (won + lost) and the average days from
 * creation to winning.
 */
async function sourcesReport(db: Db, actor: Actor, q: z.infer<typeof sourcesQuery>, now: Date, timeZone: string): Promise<SourcesReport> {
  const range = dayRange(q, now, timeZone, 365);
  const { rows } = await sql<Row>`
    SELECT o.source, count(*)::int AS n, sum(o.amount)::numeric(20,2)::text AS amount,
           count(*) FILTER (WHERE o.status = 'won')::int AS won_n,
           coalesce(sum(o.amount) FILTER (WHERE o.status = 'won'), 0)::numeric(20,2)::text AS won_amount,
           count(*) FILTER (WHERE o.status = 'lost')::int AS lost_n,
           round(100.0 * count(*) FILTER (WHERE o.status = 'won') / nullif(count(*) FILTER (WHERE o.status IN ('won', 'lost')), 0), 1)::text AS win_rate,
           round((avg(extract(epoch FROM o.closed_at - o.created_at)) FILTER (WHERE o.status = 'won') / 86400)::numeric, 1)::text AS cycle
      FROM opportunities o
     WHERE o.deleted_at IS NULL
       AND o.created_at >= ${range.start} AND o.created_at < ${range.end}
       AND ${reportWhere(actor, q, 'o')}
     GROUP BY o.source
     ORDER BY sum(o.amount) DESC, count(*) DESC, o.source`.execute(db);
  return {
    from: range.from,
    to: range.to,
    items: rows.map((r) => ({
      source: r.source,
      count: r.n,
      amount: r.amount,
      wonCount: r.won_n,
      wonAmount: r.won_amount,
      lostCount: r.lost_n,
      winRate: num(r.win_rate),
      avgCycleDays: num(r.cycle),
    })),
  };
}

const sourceColumns = (source: (code: string | null) => CellValue): ReportColumn<SourcesReport['items'][number]>[] => [
  { label: label('来源', '來源', 'Source'), value: (s) => source(s.source) },
  { label: label('新增商机', '新增商機', 'New opportunities'), value: (s) => s.count },
  { label: L.amount, value: (s) => s.amount },
  { label: label('赢单数', '贏單數', 'Won deals'), value: (s) => s.wonCount },
  { label: L.wonAmount, value: (s) => s.wonAmount },
  { label: L.lostCount, value: (s) => s.lostCount },
  { label: label('赢单率（%）', '贏單率（%）', 'Win rate (%)'), value: (s) => s.winRate },
  { label: label('平均成交周期（天）', '平均成交週期（天）', 'Average cycle (days)'), value: (s) => s.avgCycleDays },
];

async function sourcesTable(r: SourcesReport, { db, locale }: { db: Db; locale: Locale }): Promise<ReportTable> {
  const picklist = await picklistLabels(db, locale);
  // As on the page: the opportunities' own source list, else the customers' one, else the code.
  const source = (code: string | null) =>
    code === null ? L.none : (picklist('opportunity_source', code) ?? picklist('customer_source', code) ?? code);
  return reportTable(locale, tablePart(sourceColumns(source), r.items));
}

export const sourcesRoute = defineReport({
  path: '/reports/sources',
  summary: 'Per source: opportunities created in the period, amount, win rate, average cycle',
  query: sourcesQuery,
  response: sourcesResponse,
  run: (env, actor, q) => sourcesReport(env.db, actor, q, env.now, env.timeZone),
  download: { fileName: label('来源分析', '來源分析', 'Sources'), table: sourcesTable },
});
