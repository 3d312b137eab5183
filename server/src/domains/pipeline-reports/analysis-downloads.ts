import type { Locale } from '@contracts/common.js';
import type {
  FunnelReport,
  IndustriesReport,
  LearnedProbabilities,
  PipelineTotals,
  SourcesReport,
  StageConversionReport,
} from '@contracts/pipeline-reports.js';
import type { ReportEnv, ReportTable } from '../../platform/reports/report-route.js';
import { picklistLabels } from '../picklists/public.js';
import { cell, headerOf, KIND, L, label } from './download-labels.js';

// Pipeline totals, funnel, sources, industries, stage conversion and learned probabilities as
// files. Where a page shows two blocks (stages and totals, stages and the sales cycle), the file
// holds both, the second under its own header row after an empty row.

type Context = ReportEnv & { locale: Locale };

export function pipelineTotalsTable(r: PipelineTotals, { locale }: Context): ReportTable {
  const expected = label('预期收益', '預期收益', 'Expected revenue');
  const header = headerOf(
    [L.pipeline, L.stage, L.kind, label('默认赢率（%）', '預設贏率（%）', 'Probability (%)'), L.count, L.amount, expected],
    locale,
  );
  const stages = r.stages.map((s) => [
    s.pipelineName,
    s.labels[locale],
    KIND[s.kind][locale],
    cell(s.probability),
    cell(s.count),
    s.amount,
    s.expectedRevenue,
  ]);
  const totals = [
    headerOf([L.total, L.kind, L.count, L.amount, expected], locale),
    ['', KIND.won[locale], cell(r.won.count), r.won.amount, ''],
    ['', KIND.lost[locale], cell(r.lost.count), r.lost.amount, ''],
    ['', KIND.open[locale], cell(r.open.count), r.open.amount, r.open.expectedRevenue],
  ];
  return { header, rows: [...stages, [], ...totals] };
}

export function funnelTable(r: FunnelReport, { locale }: Context): ReportTable {
  const stageName = new Map(r.stages.map((s) => [s.stageId, s.labels[locale]]));
  const header = headerOf(
    [
      L.owner,
      L.stage,
      L.count,
      L.amount,
      L.share,
      label('与团队差（点）', '與團隊差（點）', 'Deviation (points)'),
      label('偏差提醒', '偏差提醒', 'Flagged'),
    ],
    locale,
  );
  const team = r.team.cells.map((c) => [L.team[locale], stageName.get(c.stageId) ?? '', cell(c.count), c.amount, cell(c.share), '', '']);
  const reps = r.reps.items.flatMap((rep) =>
    rep.cells.map((c) => [
      rep.ownerName,
      stageName.get(c.stageId) ?? '',
      cell(c.count),
      c.amount,
      cell(c.share),
      cell(c.deviation),
      (c.flagged ? L.yes : L.no)[locale],
    ]),
  );
  return { header, rows: [...team, ...reps] };
}

export async function sourcesTable(r: SourcesReport, { db, locale }: Context): Promise<ReportTable> {
  const picklist = await picklistLabels(db, locale);
  // As on the page: the opportunities' own source list, else the customers' one, else the code.
  const source = (code: string | null) =>
    code === null ? L.none[locale] : (picklist('opportunity_source', code) ?? picklist('customer_source', code) ?? code);
  const header = headerOf(
    [
      label('来源', '來源', 'Source'),
      label('新增商机', '新增商機', 'New opportunities'),
      L.amount,
      label('赢单数', '贏單數', 'Won deals'),
      L.wonAmount,
      L.lostCount,
      label('赢单率（%）', '贏單率（%）', 'Win rate (%)'),
      label('平均成交周期（天）', '平均成交週期（天）', 'Average cycle (days)'),
    ],
    locale,
  );
  const rows = r.items.map((s) => [
    source(s.source),
    cell(s.count),
    s.amount,
    cell(s.wonCount),
    s.wonAmount,
    cell(s.lostCount),
    cell(s.winRate),
    cell(s.avgCycleDays),
  ]);
  return { header, rows };
}

export async function industriesTable(r: IndustriesReport, { db, locale }: Context): Promise<ReportTable> {
  const picklist = await picklistLabels(db, locale);
  const industry = (code: string | null) => (code === null ? L.none[locale] : (picklist('industry', code) ?? code));
  const header = headerOf([L.owner, label('行业', '行業', 'Industry'), L.count, L.amount, L.wonCount, L.wonAmount], locale);
  type Cell = IndustriesReport['team'][number];
  const line = (who: string, c: Cell) => [who, industry(c.industry), cell(c.count), c.amount, cell(c.wonCount), c.wonAmount];
  return {
    header,
    rows: [...r.team.map((c) => line(L.team[locale], c)), ...r.reps.items.flatMap((rep) => rep.cells.map((c) => line(rep.ownerName, c)))],
  };
}

export function stageConversionTable(r: StageConversionReport, { locale }: Context): ReportTable {
  const header = headerOf(
    [
      L.stage,
      label('进入', '進入', 'Entered'),
      label('推进', '推進', 'Advanced'),
      KIND.lost,
      label('退回', '退回', 'Moved back'),
      label('仍在此阶段', '仍在此階段', 'Still there'),
      label('转化率（%）', '轉換率（%）', 'Conversion (%)'),
      label('平均停留（天）', '平均停留（天）', 'Average stay (days)'),
    ],
    locale,
  );
  const stages = r.stages.map((s) => [
    s.labels[locale],
    cell(s.entered),
    cell(s.advanced),
    cell(s.lost),
    cell(s.movedBack),
    cell(s.stillThere),
    cell(s.conversionRate),
    cell(s.avgDays),
  ]);
  const cycle = [
    headerOf([label('销售周期', '銷售週期', 'Sales cycle'), label('结束的商机', '結束的商機', 'Closed opportunities'), L.avgDays], locale),
    [KIND.won[locale], cell(r.cycle.won.count), cell(r.cycle.won.avgDays)],
    [KIND.lost[locale], cell(r.cycle.lost.count), cell(r.cycle.lost.avgDays)],
    [L.total[locale], cell(r.cycle.all.count), cell(r.cycle.all.avgDays)],
  ];
  return { header, rows: [...stages, [], ...cycle] };
}

export function learnedProbabilitiesTable(r: LearnedProbabilities, { locale }: Context): ReportTable {
  const header = headerOf(
    [
      L.stage,
      label('当前默认赢率（%）', '目前預設贏率（%）', 'Current probability (%)'),
      label('可调下限（%）', '可調下限（%）', 'Minimum (%)'),
      label('可调上限（%）', '可調上限（%）', 'Maximum (%)'),
      label('到过此阶段', '到過此階段', 'Reached'),
      label('其中赢单', '其中贏單', 'Won'),
      label('历史赢率（%）', '歷史贏率（%）', 'Learned (%)'),
      label('建议默认值（%）', '建議預設值（%）', 'Suggested (%)'),
    ],
    locale,
  );
  const stages = r.stages.map((s) => [
    s.labels[locale],
    cell(s.probability),
    cell(s.minProbability),
    cell(s.maxProbability),
    cell(s.reached),
    cell(s.won),
    cell(s.learned),
    cell(s.suggested),
  ]);
  const closed = [
    headerOf([label('期间内结束的商机', '期間內結束的商機', 'Closed in the period'), label('其中赢单', '其中贏單', 'Won')], locale),
    [cell(r.closedCount), cell(r.wonCount)],
  ];
  return { header, rows: [...stages, [], ...closed] };
}
