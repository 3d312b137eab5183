import type { FunnelReport, funnelQuery } from '@contracts/pipeline-reports.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { reportWhere } from './report-filters.js';
import { settingSql } from './report-settings.js';

/** One collator for every sort: localeCompare with a locale builds a new one per comparison. */
const byName = new Intl.Collator('zh-CN');

type Query = z.infer<typeof funnelQuery>;

/** A share in percent with one decimal; 0 of 0 is 0. */
export const sharePercent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/**
 * O7, seed 002: a rep is flagged in a stage when his share of open opportunities there is more than
 * `points` away from the team's (e.g. 报价 under 5 % while the team has 10 %, at 5 points).
 * Differences are compared on the one-decimal shares shown, so what is flagged is what one reads.
 */
export function stageDeviation(repShare: number, teamShare: number, points: number) {
  const deviation = Math.round((repShare - teamShare) * 10) / 10;
  return { deviation, flagged: Math.abs(deviation) > points };
}

interface Row {
  kind: 'meta' | 'stage';
  pipeline_id: string | null;
  stage_id: string | null;
  label_zh_cn: string | null;
  label_zh_tw: string | null;
  label_en: string | null;
  position: number | null;
  probability: string | null;
  points: string | null;
}

interface Cell {
  owner_id: string | null;
  stage_id: string;
  n: number;
  /** Σ amount, two decimals. */
  amount: string;
  owner_name: string | null;
}

/**
 * O7: each rep's open opportunities per stage of one pipeline (the one asked for, else the default),
 * beside the team's: everyone in the caller's scope and filters, from opportunity_stage_totals
 * (kept by triggers), the pipeline's stages and the setting.
 */
export async function funnelReport(db: Db, actor: Actor, q: Query): Promise<FunnelReport> {
  const points = q.deviationPoints === undefined ? settingSql('deviationPoints') : sql`${q.deviationPoints}::numeric`;
  const pipeline = q.pipelineId ? sql`p.id = ${q.pipelineId}` : sql`p.active`;
  // Two statements: the pipeline, its stages and the setting (a few rows), then the cells as narrow
  // rows. One wide UNION of both cost twice as much in parsing 2,000 rows of mostly-NULL columns.
  const { rows } = await sql<Row>`
    WITH pid AS (SELECT p.id FROM pipelines p WHERE ${pipeline} ORDER BY p.is_default DESC, p.sort_order, p.created_at LIMIT 1)
    SELECT 'meta' AS kind, (SELECT id FROM pid) AS pipeline_id, NULL::uuid AS stage_id, NULL AS label_zh_cn, NULL AS label_zh_tw,
           NULL AS label_en, NULL::int AS position, NULL AS probability, (${points})::text AS points
    UNION ALL
    SELECT 'stage', NULL, s.id, s.label_zh_cn, s.label_zh_tw, s.label_en, s.position, s.probability::text, NULL
      FROM pipeline_stages s JOIN pid ON s.pipeline_id = pid.id WHERE s.kind = 'open' AND s.active`.execute(db);
  const meta = rows.find((r) => r.kind === 'meta');
  const pipelineId = meta?.pipeline_id ?? null;
  const deviationPoints = Number(meta?.points ?? 0);
  const stages = rows
    .filter((r) => r.kind === 'stage')
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map((r) => ({
      id: r.stage_id as string,
      label_zh_cn: r.label_zh_cn ?? '',
      label_zh_tw: r.label_zh_tw ?? '',
      label_en: r.label_en ?? '',
      position: r.position ?? 0,
      probability: r.probability ?? '0',
    }));
  const cells =
    stages.length === 0
      ? []
      : (
          await sql<Cell>`
            SELECT g.owner_id, g.stage_id, g.n, g.amount, u.display_name AS owner_name FROM (
              SELECT t.owner_id, t.stage_id, sum(t.n)::int AS n, sum(t.amount)::numeric(20,2)::text AS amount
                FROM opportunity_stage_totals t
               WHERE t.status = 'open' AND t.stage_id = ANY(${sql.val(stages.map((st) => st.id))}::uuid[])
                 AND ${reportWhere(actor, { ...q, pipelineId: undefined }, 't')}
               GROUP BY GROUPING SETS ((t.owner_id, t.stage_id), (t.stage_id))
              HAVING sum(t.n) <> 0
            ) g LEFT JOIN users u ON u.id = g.owner_id`.execute(db)
        ).rows;

  const teamCount = cells.filter((r) => r.owner_id === null).reduce((sum, r) => sum + r.n, 0);
  const teamCells = stages.map((s) => {
    const r = cells.find((x) => x.owner_id === null && x.stage_id === s.id);
    return { stageId: s.id, count: r?.n ?? 0, amount: r?.amount ?? '0.00', share: sharePercent(r?.n ?? 0, teamCount) };
  });

  const byRep = new Map<string, { name: string; rows: Cell[] }>();
  for (const r of cells) {
    if (!r.owner_id) continue;
    const entry = byRep.get(r.owner_id) ?? { name: r.owner_name ?? '', rows: [] };
    entry.rows.push(r);
    byRep.set(r.owner_id, entry);
  }
  const reps = [...byRep.entries()].map(([ownerId, { name, rows: own }]) => {
    const openCount = own.reduce((sum, r) => sum + r.n, 0);
    const repCells = stages.map((s, i) => {
      const r = own.find((x) => x.stage_id === s.id);
      const share = sharePercent(r?.n ?? 0, openCount);
      return {
        stageId: s.id,
        count: r?.n ?? 0,
        amount: r?.amount ?? '0.00',
        share,
        ...stageDeviation(share, teamCells[i].share, deviationPoints),
      };
    });
    return { ownerId, ownerName: name, openCount, cells: repCells, flags: repCells.filter((c) => c.flagged).length };
  });
  // The reps a manager should look at first: most flags, then most open opportunities.
  reps.sort((a, b) => b.flags - a.flags || b.openCount - a.openCount || byName.compare(a.ownerName, b.ownerName));
  const offset = (q.page - 1) * q.pageSize;

  return {
    pipelineId,
    deviationPoints,
    stages: stages.map((s) => ({
      stageId: s.id,
      labels: { 'zh-CN': s.label_zh_cn, 'zh-TW': s.label_zh_tw, en: s.label_en },
      position: s.position,
      probability: Number(s.probability),
    })),
    team: { openCount: teamCount, cells: teamCells },
    reps: { items: reps.slice(offset, offset + q.pageSize), total: reps.length, page: q.page, pageSize: q.pageSize },
  };
}
