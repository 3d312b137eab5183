import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { formatMoney, formatWan } from '../../shared/format.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// Charts draw numbers; the tables beside them carry the exact amounts (decimal strings).
const amount = (v: string) => Number(v);

/** The aging buckets, green (not yet due) to red (over 90 days). */
export const BUCKET_COLORS = ['#95de64', '#ffd666', '#ffa940', '#ff7a45', '#cf1322'];

/** Horizontal bars, one per name (the biggest on top), stacked by series (the aging buckets). */
export function StackedBarChart({
  names,
  series,
  colors,
  locale,
}: {
  names: string[];
  series: { name: string; values: string[] }[];
  colors: string[];
  locale: string;
}) {
  const option = {
    color: colors,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => formatMoney(v.toFixed(2)) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatWan(String(v), locale) } },
    yAxis: { type: 'category', data: [...names].reverse(), axisLabel: { width: 140, overflow: 'truncate' } },
    series: series.map((s) => ({ name: s.name, type: 'bar', stack: 'total', barMaxWidth: 22, data: [...s.values].reverse().map(amount) })),
  };
  return (
    <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: Math.max(220, 60 + names.length * 30), width: '100%' }} />
  );
}

/** Gross profit per name as horizontal bars: losses red, profits green. */
export function ProfitBarChart({ title, names, values, locale }: { title: string; names: string[]; values: string[]; locale: string }) {
  const option = {
    title: { text: title, left: 0, top: 0, textStyle: { fontSize: 14, fontWeight: 500 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => formatMoney(v.toFixed(2)) },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatWan(String(v), locale) } },
    yAxis: { type: 'category', data: [...names].reverse(), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: [...values].reverse().map((v) => ({ value: amount(v), itemStyle: { color: amount(v) < 0 ? '#cf1322' : '#52c41a' } })),
      },
    ],
  };
  return (
    <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: Math.max(200, 50 + names.length * 26), width: '100%' }} />
  );
}
