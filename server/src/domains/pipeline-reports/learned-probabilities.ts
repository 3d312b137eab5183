import type { LearnedProbabilities, learnedProbabilitiesQuery } from '@contracts/pipeline-reports.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { writeHistory } from '../../platform/records/history.js';
import { dayRange, dayStartSql, num, reportWhere } from './report-filters.js';
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
export async function learnedProbabilities(db: Db, actor: Actor, q: Query, now: Date, timeZone: string): Promise<LearnedProbabilities> {
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
               AND o.closed_at >= ${dayStartSql(range.from, timeZone)} AND o.closed_at < ${dayStartSql(range.toExclusive, timeZone)}
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
