import type { Locale } from '@contracts/common.js';
import { type FunnelReport, funnelQuery, funnelResponse } from '@contracts/pipeline-reports.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { defineReport } from '../../platform/reports/report-route.js';
import { type Label, label, type ReportColumn, reportTable, tablePart, type ReportTable } from '../../platform/reports/report-table.js';
import { L } from './download-labels.js';
import { sumMoney } from '../../platform/money.js';
import { allReps, reportWhere } from './report-filters.js';
import { settingSql } from './report-settings.js';
import { type DeviationRule, shareDeviation, sharePercent } from '../../platform/reports/deviation.js';

/** One collator for every sort: localeCompare with a locale builds a new one per comparison. */
const byName = new Intl.Collator('zh-CN');

type Query = z.infer<typeof funnelQuery>;

/** O7: the rule lives in the platform (deviation.ts) so the daily report and dashboard flag alike. */
export { sharePercent };

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
  confidence: string | null;
}

/** One row of opportunity_stage_totals: an owner's open opportunities in a stage (from one department). */
interface TotalsRow {
  owner_id: string;
  stage_id: string;
  n: number;
  amount: string;
}

/** One rep's open opportunities per stage, in the pipeline's stage order. */
interface RepTally {
  ownerId: string;
  counts: number[];
  /** His totals rows: the amounts are summed for the page's reps only. */
  rows: TotalsRow[];
  openCount: number;
  shares: number[];
  flags: number;
}

/**
 * The reps a manager should look at first: most flags, then most open opportunities, then by name.
 * Names are read only for the page and for the ties that reach into it, not for every rep in scope.
 */
async function pageOfReps(db: Db, reps: RepTally[], offset: number, size: number) {
  const rank = (a: RepTally, b: RepTally) => b.flags - a.flags || b.openCount - a.openCount;
  reps.sort(rank);
  let first = offset;
  let last = Math.min(offset + size, reps.length) - 1;
  if (first > last) return [];
  while (first > 0 && rank(reps[first - 1], reps[first]) === 0) first--;
  while (last < reps.length - 1 && rank(reps[last], reps[last + 1]) === 0) last++;
  const around = reps.slice(first, last + 1);
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where(
      'id',
      'in',
      around.map((r) => r.ownerId),
    )
    .execute();
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  const named = around.map((rep) => ({ rep, name: names.get(rep.ownerId) ?? '' }));
  named.sort((a, b) => rank(a.rep, b.rep) || byName.compare(a.name, b.name));
  return named.slice(offset - first, offset - first + size);
}

/**
 * O7: each rep's open opportunities per stage of one pipeline (the one asked for, else the default),
 * beside the team's: everyone in the caller's scope and filters, from opportunity_stage_totals
 * (kept by triggers), the pipeline's stages and the setting.
 */
async function funnelReport(db: Db, actor: Actor, q: Query): Promise<FunnelReport> {
  const points = q.deviationPoints === undefined ? settingSql('deviationPoints') : sql`${q.deviationPoints}::numeric`;
  const confidence = q.confidence === undefined ? settingSql('deviationConfidence') : sql`${q.confidence}::numeric`;
  const pipeline = q.pipelineId ? sql`p.id = ${q.pipelineId}` : sql`p.active`;
  const pid = sql`(SELECT p.id FROM pipelines p WHERE ${pipeline} ORDER BY p.is_default DESC, p.sort_order, p.created_at LIMIT 1)`;
  // Two statements side by side: the pipeline, its stages and the setting (a few rows), and the
  // totals rows of the pipeline's open opportunities in scope. Those are summed here rather than
  // grouped in SQL: an owner has one row per stage unless he changed departments, and numeric
  // aggregates over 2,000 groups cost the database more than the sums cost here. An open opportunity
  // is always in an open stage, so its status alone picks the rows.
  const [{ rows }, { rows: totals }] = await Promise.all([
    sql<Row>`
      SELECT 'meta' AS kind, ${pid} AS pipeline_id, NULL::uuid AS stage_id, NULL AS label_zh_cn, NULL AS label_zh_tw,
             NULL AS label_en, NULL::int AS position, NULL AS probability, (${points})::text AS points,
             (${confidence})::text AS confidence
      UNION ALL
      SELECT 'stage', NULL, s.id, s.label_zh_cn, s.label_zh_tw, s.label_en, s.position, s.probability::text, NULL, NULL
        FROM pipeline_stages s WHERE s.pipeline_id = ${pid} AND s.kind = 'open' AND s.active`.execute(db),
    sql<TotalsRow>`
      SELECT t.owner_id, t.stage_id, t.n, t.amount::text AS amount
        FROM opportunity_stage_totals t
       WHERE t.status = 'open' AND t.n <> 0 AND t.pipeline_id = ${pid}
         AND ${reportWhere(actor, { ...q, pipelineId: undefined }, 't')}`.execute(db),
  ]);
  const meta = rows.find((r) => r.kind === 'meta');
  const pipelineId = meta?.pipeline_id ?? null;
  const deviationPoints = Number(meta?.points ?? 0);
  const rule: DeviationRule = { points: deviationPoints, confidence: Number(meta?.confidence ?? 95) };
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

  const stageIndex = new Map(stages.map((st, i) => [st.id, i]));
  const team = { counts: stages.map(() => 0), amounts: stages.map((): string[] => []) };
  const byRep = new Map<string, RepTally>();
  for (const r of totals) {
    const i = stageIndex.get(r.stage_id);
    if (i === undefined) continue;
    let rep = byRep.get(r.owner_id);
    if (!rep) {
      rep = { ownerId: r.owner_id, counts: stages.map(() => 0), rows: [], openCount: 0, shares: [], flags: 0 };
      byRep.set(r.owner_id, rep);
    }
    rep.counts[i] += r.n;
    rep.rows.push(r);
    rep.openCount += r.n;
    team.counts[i] += r.n;
    team.amounts[i].push(r.amount);
  }
  const teamCount = team.counts.reduce((sum, n) => sum + n, 0);
  const teamShares = team.counts.map((n) => sharePercent(n, teamCount));
  const reps = [...byRep.values()];
  const deviations = (rep: RepTally) => rep.counts.map((n, i) => shareDeviation(n, rep.openCount, team.counts[i], teamCount, rule));
  for (const rep of reps) {
    rep.shares = rep.counts.map((n) => sharePercent(n, rep.openCount));
    rep.flags = deviations(rep).filter((d) => d.flagged).length;
  }
  const page = await pageOfReps(db, reps, (q.page - 1) * q.pageSize, q.pageSize);
  const items = page.map(({ rep, name }) => {
    const d = deviations(rep);
    return {
      ownerId: rep.ownerId,
      ownerName: name,
      openCount: rep.openCount,
      cells: stages.map((st, i) => ({
        stageId: st.id,
        count: rep.counts[i],
        amount: sumMoney(rep.rows.filter((r) => r.stage_id === st.id).map((r) => r.amount)),
        share: rep.shares[i],
        deviation: d[i].deviation,
        pValue: d[i].pValue,
        outsidePoints: d[i].outsidePoints,
        unlikely: d[i].unlikely,
        flagged: d[i].flagged,
      })),
      flags: rep.flags,
    };
  });
  const teamCells = stages.map((st, i) => ({
    stageId: st.id,
    count: team.counts[i],
    amount: sumMoney(team.amounts[i]),
    share: teamShares[i],
  }));

  return {
    pipelineId,
    deviationPoints,
    confidence: rule.confidence,
    stages: stages.map((s) => ({
      stageId: s.id,
      labels: { 'zh-CN': s.label_zh_cn, 'zh-TW': s.label_zh_tw, en: s.label_en },
      position: s.position,
      probability: Number(s.probability),
    })),
    team: { openCount: teamCount, cells: teamCells },
    reps: { items, total: reps.length, page: q.page, pageSize: q.pageSize },
  };
}

type RepCell = FunnelReport['reps']['items'][number]['cells'][number];
/** A stage of the team or of one rep; the team has no deviation of its own. */
type FunnelLine = { owner: string | Label; stage?: Label; c: FunnelReport['team']['cells'][number] & Partial<RepCell> };

const FUNNEL_COLUMNS: ReportColumn<FunnelLine>[] = [
  { label: L.owner, value: (l) => l.owner },
  { label: L.stage, value: (l) => l.stage },
  { label: L.count, value: (l) => l.c.count },
  { label: L.amount, value: (l) => l.c.amount },
  { label: L.share, value: (l) => l.c.share },
  { label: label('与团队差（点）', '與團隊差（點）', 'Deviation (points)'), value: (l) => l.c.deviation },
  {
    label: label('偶然出现的概率', '偶然出現的機率', 'p-value'),
    value: (l) => (l.c.pValue === undefined ? null : Number(l.c.pValue.toPrecision(3))),
  },
  { label: label('偏差提醒', '偏差提醒', 'Flagged'), value: (l) => (l.c.flagged === undefined ? null : l.c.flagged ? L.yes : L.no) },
];

function funnelTable(r: FunnelReport, { locale }: { locale: Locale }): ReportTable {
  const stage = new Map(r.stages.map((s) => [s.stageId, s.labels]));
  const line = (owner: string | Label, c: FunnelLine['c']): FunnelLine => ({ owner, stage: stage.get(c.stageId), c });
  const lines = [
    ...r.team.cells.map((c) => line(L.team, c)),
    ...r.reps.items.flatMap((rep) => rep.cells.map((c) => line(rep.ownerName, c))),
  ];
  return reportTable(locale, tablePart(FUNNEL_COLUMNS, lines));
}

export const funnelRoute = defineReport({
  path: '/reports/funnel',
  summary:
    "Each rep's share of open opportunities per stage beside the team's, flagged when far (points) and unlikely by chance (binomial test)",
  query: funnelQuery,
  response: funnelResponse,
  run: (env, actor, q) => funnelReport(env.db, actor, q),
  download: { fileName: label('漏斗分析', '漏斗分析', 'Funnel'), query: allReps, table: funnelTable },
});
