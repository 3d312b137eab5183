import type { Locale } from '@contracts/common.js';
import { type LearnedProbabilities, learnedProbabilitiesQuery, learnedProbabilitiesResponse } from '@contracts/pipeline-reports.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { defineReport } from '../../platform/reports/report-route.js';
import { label, type ReportColumn, reportTable, tablePart, type ReportTable } from '../../platform/reports/report-table.js';
import { L } from './download-labels.js';
import { AppError } from '../../platform/http/errors.js';
import { writeHistory } from '../../platform/records/history.js';
import { dayRange, num, reportWhere } from './report-filters.js';
import { resolvePipeline } from '../opportunities/public.js';

type Query = z.infer<typeof learnedProbabilitiesQuery>;

/** The learned share as a stage default: a whole percent, within the stage's [min, max]. */
export function suggestedProbability(learned: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(learned)));
}

interface Row {
  stage_id: string;
  label_zh_cn: string;
  label_zh_tw: string;
  label_en: string;
  position: number;
  probability: string;
  min_probability: string;
  max_probability: string;
  reached: number;
  won: number;
  learned: string | null;
  closed: number;
  closed_won: number;
}

/**
 * Probabilities learned from the company's own history (seed 003: "可依照自身歷史經驗做調整"):
 * of the opportunities closed in the period that were in a stage at some point, the share that was
 * won — beside the stage's configured default.
 */
async function learnedProbabilities(db: Db, actor: Actor, q: Query, now: Date, timeZone: string): Promise<LearnedProbabilities> {
  const range = dayRange(q, now, timeZone, 365);
  const pipelineId = await resolvePipeline(db, q.pipelineId);
  const rows = pipelineId
    ? (
        await sql<Row>`
          WITH paths AS (
            -- The cohort by the set of stages each had been in: a handful of distinct sets, not a
            -- row per opportunity and stage.
            SELECT o.visited_stage_ids AS ids, count(*) AS n, count(*) FILTER (WHERE o.status = 'won') AS won
              FROM opportunities o
             WHERE o.deleted_at IS NULL AND o.status IN ('won', 'lost')
               AND o.closed_at >= ${range.start} AND o.closed_at < ${range.end}
               AND ${reportWhere(actor, { ...q, pipelineId }, 'o')}
             GROUP BY 1
          ),
          reached AS (
            -- Each set counts once per stage in it, and once under NULL, which is the cohort itself.
            SELECT v.stage_id, sum(p.n)::int AS reached, sum(p.won)::int AS won
              FROM paths p CROSS JOIN LATERAL unnest(array_append(p.ids, NULL)) AS v(stage_id)
             GROUP BY v.stage_id
          )
          SELECT s.id AS stage_id, s.label_zh_cn, s.label_zh_tw, s.label_en, s.position, s.probability::text AS probability,
                 s.min_probability::text AS min_probability, s.max_probability::text AS max_probability,
                 coalesce(r.reached, 0) AS reached, coalesce(r.won, 0) AS won,
                 round(100.0 * r.won / nullif(r.reached, 0), 2)::text AS learned,
                 coalesce((SELECT reached FROM reached WHERE stage_id IS NULL), 0) AS closed,
                 coalesce((SELECT won FROM reached WHERE stage_id IS NULL), 0) AS closed_won
            FROM pipeline_stages s LEFT JOIN reached r ON r.stage_id = s.id
           WHERE s.pipeline_id = ${pipelineId} AND s.kind = 'open' AND s.active
           ORDER BY s.position`.execute(db)
      ).rows
    : [];
  return {
    pipelineId,
    from: range.from,
    to: range.to,
    closedCount: rows[0]?.closed ?? 0,
    wonCount: rows[0]?.closed_won ?? 0,
    minSample: q.minSample,
    stages: rows.map((r) => {
      const learned = num(r.learned);
      const [min, max] = [Number(r.min_probability), Number(r.max_probability)];
      return {
        stageId: r.stage_id,
        labels: { 'zh-CN': r.label_zh_cn, 'zh-TW': r.label_zh_tw, en: r.label_en },
        position: r.position,
        probability: Number(r.probability),
        minProbability: min,
        maxProbability: max,
        reached: r.reached,
        won: r.won,
        learned,
        suggested: learned !== null && r.reached >= q.minSample ? suggestedProbability(learned, min, max) : null,
      };
    }),
  };
}

/**
 * The admin's "use these": each open stage with a suggestion takes it as its default probability.
 * Only the stage defaults change; opportunities keep their own probability and the stage history
 * keeps the values in force when each stage was entered.
 */
export async function applyLearnedProbabilities(
  trx: Db,
  actor: Actor,
  q: { pipelineId: string; from: string; to: string; minSample: number },
  now: Date,
  timeZone: string,
): Promise<LearnedProbabilities> {
  const report = await learnedProbabilities(trx, actor, q, now, timeZone);
  if (!report.pipelineId) throw new AppError('NOT_FOUND');
  for (const s of report.stages) {
    if (s.suggested === null || s.suggested === s.probability) continue;
    const updated = await trx
      .updateTable('pipeline_stages')
      .set({ probability: s.suggested, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', s.stageId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) continue;
    await writeHistory(trx, actor, {
      entity: 'pipeline_stage',
      recordId: s.stageId,
      action: 'update',
      changes: [{ field: 'probability', old: s.probability, new: s.suggested }],
    });
  }
  // The pipeline changed: an admin editing it meanwhile gets a version conflict, not a silent overwrite.
  await trx
    .updateTable('pipelines')
    .set({ version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', report.pipelineId)
    .execute();
  return learnedProbabilities(trx, actor, q, now, timeZone);
}

const WON = label('其中赢单', '其中贏單', 'Won');

const STAGE_COLUMNS: ReportColumn<LearnedProbabilities['stages'][number]>[] = [
  { label: L.stage, value: (s) => s.labels },
  { label: label('当前默认赢率（%）', '目前預設贏率（%）', 'Current probability (%)'), value: (s) => s.probability },
  { label: label('可调下限（%）', '可調下限（%）', 'Minimum (%)'), value: (s) => s.minProbability },
  { label: label('可调上限（%）', '可調上限（%）', 'Maximum (%)'), value: (s) => s.maxProbability },
  { label: label('到过此阶段', '到過此階段', 'Reached'), value: (s) => s.reached },
  { label: WON, value: (s) => s.won },
  { label: label('历史赢率（%）', '歷史贏率（%）', 'Learned (%)'), value: (s) => s.learned },
  { label: label('建议默认值（%）', '建議預設值（%）', 'Suggested (%)'), value: (s) => s.suggested },
];

const CLOSED_COLUMNS: ReportColumn<LearnedProbabilities>[] = [
  { label: label('期间内结束的商机', '期間內結束的商機', 'Closed in the period'), value: (r) => r.closedCount },
  { label: WON, value: (r) => r.wonCount },
];

function learnedProbabilitiesTable(r: LearnedProbabilities, { locale }: { locale: Locale }): ReportTable {
  return reportTable(locale, tablePart(STAGE_COLUMNS, r.stages), tablePart(CLOSED_COLUMNS, [r]));
}

export const learnedProbabilitiesRoute = defineReport({
  path: '/reports/learned-probabilities',
  summary: 'Per stage, the share of closed opportunities that were in it and were won, beside the configured probability',
  query: learnedProbabilitiesQuery,
  response: learnedProbabilitiesResponse,
  run: (env, actor, q) => learnedProbabilities(env.db, actor, q, env.now, env.timeZone),
  download: { fileName: label('历史赢率', '歷史贏率', 'Learned probabilities'), table: learnedProbabilitiesTable },
});
