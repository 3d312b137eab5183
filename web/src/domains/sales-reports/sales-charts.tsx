import { BarChart, PieChart, TreemapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { formatMoney, formatWan } from '../../shared/format.js';

echarts.use([BarChart, PieChart, TreemapChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

// Charts draw numbers; the tables beside them carry the exact amounts (decimal strings).
const amount = (v: string) => Number(v);
/** Axis ticks: whole yuan below 10,000, then 万 (or K / M in English), never cents. */
const axisMoney = (locale: string) => (v: number) => {
  if (locale === 'en') return v >= 1_000_000 ? `¥${v / 1_000_000}M` : v >= 1000 ? `¥${v / 1000}K` : `¥${v}`;
  return Math.abs(v) >= 10_000 ? `${v / 10_000}万` : `¥${v}`;
};
const title = (text: string) => ({ text, left: 0, top: 0, textStyle: { fontSize: 14, fontWeight: 500 } });
type Slice = { name: string; value: string };

/** Shares of a whole as a ring, biggest first; the small ones keep their legend entry. */
export function SharePie({
  heading,
  slices,
  height = 300,
  compact = false,
}: {
  heading: string;
  slices: Slice[];
  height?: number;
  compact?: boolean;
}) {
  const option = {
    title: title(heading),
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number; percent: number }) =>
        `${p.name}<br/>${formatMoney(p.value.toFixed(2))}（${p.percent}%）`,
    },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['38%', '66%'],
        center: ['50%', '52%'],
        // On a phone the labels would run into the title: the legend and the tooltip say it.
        label: compact ? { show: false } : { formatter: '{b}\n{d}%' },
        data: slices.filter((s) => amount(s.value) > 0).map((s) => ({ name: s.name, value: amount(s.value) })),
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />;
}

/** Products inside their categories, each box as big as its sales. */
export function ShareTreemap({
  heading,
  groups,
  locale,
  height = 300,
}: {
  heading: string;
  groups: { name: string; children: Slice[] }[];
  locale: string;
  height?: number;
}) {
  const option = {
    title: title(heading),
    tooltip: { formatter: (p: { name: string; value: number }) => `${p.name}<br/>${formatMoney(p.value.toFixed(2))}` },
    series: [
      {
        type: 'treemap',
        top: 28,
        bottom: 8,
        left: 0,
        right: 0,
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        label: { formatter: (p: { name: string; value: number }) => `${p.name}\n${formatWan(String(p.value), locale)}` },
        upperLabel: { show: true, height: 20 },
        levels: [{ itemStyle: { gapWidth: 3, borderColor: '#fff' } }, { itemStyle: { gapWidth: 1 } }],
        data: groups
          .map((g) => ({
            name: g.name,
            children: g.children.filter((c) => amount(c.value) > 0).map((c) => ({ name: c.name, value: amount(c.value) })),
          }))
          .filter((g) => g.children.length > 0),
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />;
}

/** This period against the previous one, one pair of horizontal bars per product (the first on top). */
export function PeriodBars({
  heading,
  names,
  current,
  previous,
  labels,
  color,
  locale,
}: {
  heading: string;
  names: string[];
  current: string[];
  previous: string[];
  labels: [string, string];
  color: string;
  locale: string;
}) {
  const option = {
    title: title(heading),
    color: [color, '#bfbfbf'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => formatMoney(v.toFixed(2)) },
    legend: { top: 0, right: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: axisMoney(locale) } },
    yAxis: { type: 'category', data: [...names].reverse(), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [
      { name: labels[0], type: 'bar', barMaxWidth: 14, data: [...current].reverse().map(amount) },
      { name: labels[1], type: 'bar', barMaxWidth: 14, data: [...previous].reverse().map(amount) },
    ],
  };
  return (
    <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: Math.max(220, 60 + names.length * 34), width: '100%' }} />
  );
}
