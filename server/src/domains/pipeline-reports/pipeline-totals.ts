import type { Locale } from '@contracts/common.js';
import { type PipelineTotals, pipelineTotalsQuery, pipelineTotalsResponse } from '@contracts/pipeline-reports.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { defineReport } from '../../platform/reports/report-route.js';
import { label, type ReportColumn, reportTable, tablePart, type ReportTable } from '../../platform/reports/report-table.js';
import { KIND, L } from './download-labels.js';
import { reportWhere } from './report-filters.js';

interface Row {
  kind: 'stage' | 'status';
  pipeline_id: string | null;
  pipeline_name: string | null;
  stage_id: string | null;
  label_zh_cn: string | null;
  label_zh_tw: string | null;
  label_en: string | null;
  stage_kind: 'open' | 'won' | 'lost' | null;
  position: number | null;
  probability: string | null;
  status: 'open' | 'won' | 'lost' | null;
  count: number;
  amount: string;
  expected: string;
}

/**
 * O6, seed 003's dashboard: closed-won, closed-lost and open totals, the expected revenue of the
 * open pipeline (Σ amount × probability, no threshold), and the same per stage with counts. Read
 * from opportunity_stage_totals (kept by triggers), scoped like every report.
 */
async function pipelineTotals(db: Db, actor: Actor, q: z.infer<typeof pipelineTotalsQuery>): Promise<PipelineTotals> {
  // Every stage of the pipelines shown (zeros included, so the chart keeps the funnel's order),
  // then the three status totals.
  const pipelines = q.pipelineId
    ? sql`s.pipeline_id = ${q.pipelineId}`
    : sql`s.pipeline_id IN (SELECT ps.pipeline_id FROM g JOIN pipeline_stages ps ON ps.id = g.stage_id WHERE g.n <> 0)`;
  const { rows } = await sql<Row>`
    WITH g AS (
      SELECT t.stage_id, t.status, sum(t.n)::int AS n, sum(t.amount) AS amount, sum(t.amount_x_probability) AS axp
        FROM opportunity_stage_totals t
       WHERE ${reportWhere(actor, q, 't')}
       GROUP BY GROUPING SETS ((t.stage_id), (t.status))
    )
    SELECT 'stage' AS kind, s.pipeline_id, p.name AS pipeline_name, s.id AS stage_id, s.label_zh_cn, s.label_zh_tw, s.label_en,
           s.kind AS stage_kind, s.position, s.probability::text AS probability, NULL AS status, coalesce(g.n, 0) AS count,
           coalesce(g.amount, 0)::numeric(20,2)::text AS amount, coalesce(round(g.axp / 100, 2), 0)::numeric(20,2)::text AS expected,
           p.is_default, p.sort_order
      FROM pipeline_stages s JOIN pipelines p ON p.id = s.pipeline_id LEFT JOIN g ON g.stage_id = s.id
     WHERE (s.active AND ${pipelines}) OR g.n <> 0
    UNION ALL
    SELECT 'status', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, g.status, g.n, g.amount::numeric(20,2)::text,
           round(g.axp / 100, 2)::numeric(20,2)::text, NULL, NULL
      FROM g WHERE g.stage_id IS NULL
     ORDER BY is_default DESC, sort_order, pipeline_name, position`.execute(db);

  const status = (st: 'open' | 'won' | 'lost') => rows.find((r) => r.kind === 'status' && r.status === st);
  const open = status('open');
  return {
    won: { count: status('won')?.count ?? 0, amount: status('won')?.amount ?? '0.00' },
    lost: { count: status('lost')?.count ?? 0, amount: status('lost')?.amount ?? '0.00' },
    open: { count: open?.count ?? 0, amount: open?.amount ?? '0.00', expectedRevenue: open?.expected ?? '0.00' },
    stages: rows
      .filter((r) => r.kind === 'stage')
      .map((r) => ({
        pipelineId: r.pipeline_id as string,
        pipelineName: r.pipeline_name ?? '',
        stageId: r.stage_id as string,
        labels: { 'zh-CN': r.label_zh_cn ?? '', 'zh-TW': r.label_zh_tw ?? '', en: r.label_en ?? '' },
        kind: r.stage_kind ?? 'open',
        position: r.position ?? 0,
        probability: Number(r.probability ?? 0),
        count: r.count,
        amount: r.amount,
        expectedRevenue: r.expected,
      })),
  };
}

const EXPECTED = label('预期收益', '預期收益', 'Expected revenue');

const STAGE_COLUMNS: ReportColumn<PipelineTotals['stages'][number]>[] = [
  { label: L.pipeline, value: (s) => s.pipelineName },
  { label: L.stage, value: (s) => s.labels },
  { label: L.kind, value: (s) => KIND[s.kind] },
  { label: label('默认赢率（%）', '預設贏率（%）', 'Probability (%)'), value: (s) => s.probability },
  { label: L.count, value: (s) => s.count },
  { label: L.amount, value: (s) => s.amount },
  { label: EXPECTED, value: (s) => s.expectedRevenue },
];

type TotalLine = PipelineTotals['won'] & { kind: keyof typeof KIND; expectedRevenue?: string };
const TOTAL_COLUMNS: ReportColumn<TotalLine>[] = [
  { label: L.total, value: () => null },
  { label: L.kind, value: (t) => KIND[t.kind] },
  { label: L.count, value: (t) => t.count },
  { label: L.amount, value: (t) => t.amount },
  { label: EXPECTED, value: (t) => t.expectedRevenue },
];

function pipelineTotalsTable(r: PipelineTotals, { locale }: { locale: Locale }): ReportTable {
  return reportTable(
    locale,
    tablePart(STAGE_COLUMNS, r.stages),
    tablePart(TOTAL_COLUMNS, [
      { kind: 'won', ...r.won },
      { kind: 'lost', ...r.lost },
      { kind: 'open', ...r.open },
    ]),
  );
}

export const pipelineTotalsRoute = defineReport({
  path: '/reports/pipeline-totals',
  summary: 'Closed-won, closed-lost and open totals, expected revenue of the open pipeline, and the same per stage',
  query: pipelineTotalsQuery,
  response: pipelineTotalsResponse,
  run: (env, actor, q) => pipelineTotals(env.db, actor, q),
  download: { fileName: label('销售总览', '銷售總覽', 'Pipeline totals'), table: pipelineTotalsTable },
});
