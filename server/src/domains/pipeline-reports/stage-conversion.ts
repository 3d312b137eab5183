import type { Locale } from '@contracts/common.js';
import { type StageConversionReport, stageConversionQuery, stageConversionResponse } from '@contracts/pipeline-reports.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { defineReport } from '../../platform/reports/report-route.js';
import { type Label, label, type ReportColumn, reportTable, tablePart, type ReportTable } from '../../platform/reports/report-table.js';
import { KIND, L } from './download-labels.js';
import { dayRange, num, reportWhere } from './report-filters.js';
import { resolvePipeline } from '../opportunities/public.js';

interface StageRow {
  stage_id: string;
  label_zh_cn: string;
  label_zh_tw: string;
  label_en: string;
  position: number;
  entered: number;
  advanced: number;
  lost: number;
  moved_back: number;
  still_there: number;
  rate: string | null;
  avg_days: string | null;
}
interface CycleRow {
  status: 'won' | 'lost' | null;
  n: number;
  avg_days: string | null;
}

type Query = z.infer<typeof stageConversionQuery>;

/**
 * T6 (seed 003): for the stays in each open stage that began in the period, where the opportunity
 * went next — on to a later stage or won (converted), lost, back to an earlier stage, or nowhere yet —
 * counted per opportunity; the average days a finished stay lasted; and the sales cycle, creation to
 * close, of the opportunities closed in the period.
 */
async function stageConversion(db: Db, actor: Actor, q: Query, now: Date, timeZone: string): Promise<StageConversionReport> {
  const range = dayRange(q, now, timeZone, 90);
  const pipelineId = await resolvePipeline(db, q.pipelineId);
  const { start, end } = range;
  const where = reportWhere(actor, { ...q, pipelineId: pipelineId ?? undefined }, 'o');
  // Whole opportunities in or out, before the window over their stays: the company's own view only
  // leaves out the deleted ones (a handful), anyone else's takes the opportunities in scope first.
  const inScope =
    actor.scope === 'all' && !q.ownerId && !q.departmentId
      ? sql`NOT EXISTS (SELECT 1 FROM opportunities d WHERE d.id = h.opportunity_id AND d.deleted_at IS NOT NULL)`
      : sql`h.opportunity_id IN (SELECT o.id FROM opportunities o WHERE o.deleted_at IS NULL AND ${where})`;

  const staysQuery = sql<StageRow>`
    WITH stays AS (
      -- Every stay since the period began, with the stage that followed it (the next stay of a stay
      -- that began in the period began in it or later, so the window sees it).
      SELECT h.opportunity_id, h.stage_id, h.entered_at, h.left_at,
             lead(h.stage_id) OVER (PARTITION BY h.opportunity_id ORDER BY h.entered_at, h.id) AS next_stage
        FROM opportunity_stage_history h
       WHERE h.stage_id IN (SELECT id FROM pipeline_stages WHERE pipeline_id = ${pipelineId}) AND h.entered_at >= ${start}
         AND ${inScope}
    ),
    per_opportunity AS (
      -- One row per opportunity and stage: where it went after its stay(s) there.
      SELECT st.stage_id, st.opportunity_id,
             bool_or(ns.kind = 'won' OR (ns.kind = 'open' AND ns.position > s.position)) AS advanced,
             bool_or(ns.kind = 'lost') AS lost,
             bool_or(ns.kind = 'open' AND ns.position < s.position) AS moved_back,
             bool_or(st.next_stage IS NULL) AS still_there,
             sum(extract(epoch FROM st.left_at - st.entered_at)) AS finished_secs, count(st.left_at) AS finished
        FROM stays st
        JOIN pipeline_stages s ON s.id = st.stage_id AND s.kind = 'open'
        LEFT JOIN pipeline_stages ns ON ns.id = st.next_stage
       WHERE st.entered_at < ${end}
       GROUP BY 1, 2
    ),
    agg AS (
      SELECT stage_id, count(*)::int AS entered, count(*) FILTER (WHERE advanced)::int AS advanced,
             count(*) FILTER (WHERE lost)::int AS lost, count(*) FILTER (WHERE moved_back)::int AS moved_back,
             count(*) FILTER (WHERE still_there)::int AS still_there,
             sum(finished_secs) / nullif(sum(finished), 0) / 86400 AS avg_days
        FROM per_opportunity GROUP BY stage_id
    )
    SELECT s.id AS stage_id, s.label_zh_cn, s.label_zh_tw, s.label_en, s.position,
           coalesce(a.entered, 0) AS entered, coalesce(a.advanced, 0) AS advanced, coalesce(a.lost, 0) AS lost,
           coalesce(a.moved_back, 0) AS moved_back, coalesce(a.still_there, 0) AS still_there,
           round(100.0 * a.advanced / nullif(a.entered, 0), 1)::text AS rate, round(a.avg_days::numeric, 1)::text AS avg_days
      FROM pipeline_stages s LEFT JOIN agg a ON a.stage_id = s.id
     WHERE s.pipeline_id = ${pipelineId} AND s.kind = 'open' AND (s.active OR a.entered > 0)
     ORDER BY s.position`;
  // A department's scope holds hundreds of thousands of opportunities. The planner then probes each
  // recent stay's opportunity by its key (0.5 M random reads, 4 s at 2M) where hashing the scope's
  // opportunities once takes 1 s; a rep's few hundred are better probed, and the company's own view
  // needs no opportunity at all.
  const wideScope = !q.ownerId && (actor.scope === 'department' || (actor.scope === 'all' && q.departmentId !== undefined));
  const stages = !pipelineId
    ? []
    : wideScope
      ? await db.transaction().execute(async (trx) => {
          await sql`SET LOCAL enable_nestloop = off`.execute(trx);
          return (await staysQuery.execute(trx)).rows;
        })
      : (await staysQuery.execute(db)).rows;

  const cycles = (
    await sql<CycleRow>`
      SELECT o.status, count(*)::int AS n,
             round((avg(extract(epoch FROM o.closed_at - o.created_at)) / 86400)::numeric, 1)::text AS avg_days
        FROM opportunities o
       WHERE o.deleted_at IS NULL AND o.status IN ('won', 'lost')
         AND o.closed_at >= ${start} AND o.closed_at < ${end} AND ${where}
       GROUP BY GROUPING SETS ((o.status), ())`.execute(db)
  ).rows;
  const cycle = (status: CycleRow['status']) => {
    const r = cycles.find((c) => c.status === status);
    return { count: r?.n ?? 0, avgDays: num(r?.avg_days) };
  };

  return {
    pipelineId,
    from: range.from,
    to: range.to,
    stages: stages.map((s) => ({
      stageId: s.stage_id,
      labels: { 'zh-CN': s.label_zh_cn, 'zh-TW': s.label_zh_tw, en: s.label_en },
      position: s.position,
      entered: s.entered,
      advanced: s.advanced,
      lost: s.lost,
      movedBack: s.moved_back,
      stillThere: s.still_there,
      conversionRate: num(s.rate),
      avgDays: num(s.avg_days),
    })),
    cycle: { won: cycle('won'), lost: cycle('lost'), all: cycle(null) },
  };
}

const STAGE_COLUMNS: ReportColumn<StageConversionReport['stages'][number]>[] = [
  { label: L.stage, value: (s) => s.labels },
  { label: label('进入', '進入', 'Entered'), value: (s) => s.entered },
  { label: label('推进', '推進', 'Advanced'), value: (s) => s.advanced },
  { label: KIND.lost, value: (s) => s.lost },
  { label: label('退回', '退回', 'Moved back'), value: (s) => s.movedBack },
  { label: label('仍在此阶段', '仍在此階段', 'Still there'), value: (s) => s.stillThere },
  { label: label('转化率（%）', '轉換率（%）', 'Conversion (%)'), value: (s) => s.conversionRate },
  { label: label('平均停留（天）', '平均停留（天）', 'Average stay (days)'), value: (s) => s.avgDays },
];

const CYCLE_COLUMNS: ReportColumn<{ name: Label; c: StageConversionReport['cycle']['all'] }>[] = [
  { label: label('销售周期', '銷售週期', 'Sales cycle'), value: (l) => l.name },
  { label: label('结束的商机', '結束的商機', 'Closed opportunities'), value: (l) => l.c.count },
  { label: L.avgDays, value: (l) => l.c.avgDays },
];

function stageConversionTable(r: StageConversionReport, { locale }: { locale: Locale }): ReportTable {
  return reportTable(
    locale,
    tablePart(STAGE_COLUMNS, r.stages),
    tablePart(CYCLE_COLUMNS, [
      { name: KIND.won, c: r.cycle.won },
      { name: KIND.lost, c: r.cycle.lost },
      { name: L.total, c: r.cycle.all },
    ]),
  );
}

export const stageConversionRoute = defineReport({
  path: '/reports/stage-conversion',
  summary: 'Stage-to-stage conversion, average days per stage and the sales cycle over a period',
  query: stageConversionQuery,
  response: stageConversionResponse,
  run: (env, actor, q) => stageConversion(env.db, actor, q, env.now, env.timeZone),
  download: { fileName: label('阶段转化', '階段轉化', 'Stage conversion'), table: stageConversionTable },
});
