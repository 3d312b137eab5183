import type { Locale } from '@contracts/common.js';
import type { ForecastAccuracyReport, ForecastFigures, ForecastReport } from '@contracts/pipeline-reports.js';
import type { ReportTable } from '../../platform/reports/report-route.js';
import { cell, headerOf, L, label } from './download-labels.js';

// The forecast pages as files: one row per (total / department / rep, month), as on screen.

const FORECAST_COLUMNS = [
  L.level,
  label('名称', '名稱', 'Name'),
  L.department,
  L.month,
  label('预计签约（加权）', '預計簽約（加權）', 'Forecast (weighted)'),
  label('计入预测的商机数', '計入預測的商機數', 'Forecast opportunities'),
  label('承诺', '承諾', 'Commit'),
  label('最佳情况', '最佳情況', 'Best case'),
  label('管道', '管道', 'Pipeline'),
  label('排除', '排除', 'Omitted'),
  L.won,
  L.wonCount,
  label('经理调整', '經理調整', 'Manager adjustment'),
];

const figures = (f: ForecastFigures) => [
  f.month,
  f.forecast,
  cell(f.forecastCount),
  f.commit,
  f.bestCase,
  f.pipeline,
  f.omitted,
  f.won,
  cell(f.wonCount),
];

export function forecastTable(r: ForecastReport, { locale }: { locale: Locale }): ReportTable {
  const rows: string[][] = [
    ...r.total.map((f) => [L.total[locale], '', '', ...figures(f), '']),
    ...r.departments.flatMap((d) => d.months.map((f) => [L.department[locale], d.name, '', ...figures(f), cell(f.adjustment?.amount)])),
    ...r.reps.items.flatMap((rep) => rep.months.map((f) => [L.rep[locale], rep.ownerName, cell(rep.departmentName), ...figures(f), ''])),
  ];
  return { header: headerOf(FORECAST_COLUMNS, locale), rows };
}

const ACCURACY_COLUMNS = [
  L.level,
  L.owner,
  L.month,
  label('采用的快照（周一）', '採用的快照（週一）', 'Snapshot week (Monday)'),
  label('月初预测', '月初預測', 'Forecast at month start'),
  L.won,
  label('差额', '差額', 'Difference'),
  label('准确率（%）', '準確率（%）', 'Accuracy (%)'),
];

type AccuracyFigures = ForecastAccuracyReport['total'][number];
const accuracy = (f: AccuracyFigures) => [f.month, cell(f.snapshotWeek), cell(f.forecast), f.won, cell(f.difference), cell(f.accuracy)];

export function forecastAccuracyTable(r: ForecastAccuracyReport, { locale }: { locale: Locale }): ReportTable {
  const rows = [
    ...r.total.map((f) => [L.total[locale], '', ...accuracy(f)]),
    ...r.reps.items.map((f) => [L.rep[locale], f.ownerName, ...accuracy(f)]),
  ];
  return { header: headerOf(ACCURACY_COLUMNS, locale), rows };
}
