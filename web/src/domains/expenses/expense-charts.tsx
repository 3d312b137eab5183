import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { formatMoney, formatWan } from '../../shared/format.js';

echarts.use([PieChart, BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// Charts draw numbers; the tables beside them carry the exact amounts (decimal strings).
const PALETTE = ['#1677ff', '#52c41a', '#faad14', '#13c2c2', '#eb2f96', '#722ed1', '#fa8c16', '#8c8c8c'];
const exact = (v: number) => formatMoney(v.toFixed(2));

interface Slice {
  name: string;
  amount: string;
}

/** Category shares of the total, as a ring; the shares shown are the server's (one decimal, as in the table). */
export function SharePie({
  slices,
  height = 280,
  labels = true,
}: {
  slices: (Slice & { share: number | null })[];
  height?: number;
  /** Off where the ring has no room for labels beside it (a dashboard card on a phone); the legend and tooltip remain. */
  labels?: boolean;
}) {
  const shareOf = (name: string) => slices.find((s) => s.name === name)?.share ?? 0;
  const option = {
    color: PALETTE,
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number }) => `${p.name}<br/>${exact(p.value)}（${shareOf(p.name)}%）`,
    },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['42%', '68%'],
        center: ['50%', '45%'],
        label: { show: labels, formatter: (p: { name: string }) => `${p.name} ${shareOf(p.name)}%` },
        data: slices.map((s) => ({ name: s.name, value: Number(s.amount) })),
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />;
}

/** Money per name (rep, customer): horizontal bars, biggest on top. */
export function MoneyBars({ items, locale, height = 280 }: { items: Slice[]; locale: string; height?: number }) {
  const rows = [...items].reverse();
  const option = {
    color: ['#1677ff'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: exact },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatWan(String(v), locale) } },
    yAxis: { type: 'category', data: rows.map((r) => r.name) },
    series: [{ type: 'bar', barMaxWidth: 22, data: rows.map((r) => Number(r.amount)) }],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />;
}

/** Money per month, as a line. */
export function MonthLine({ months, locale, name, height = 280 }: { months: Slice[]; locale: string; name: string; height?: number }) {
  const option = {
    color: ['#fa8c16'],
    tooltip: { trigger: 'axis', valueFormatter: exact },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.name), boundaryGap: false },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatWan(String(v), locale) } },
    series: [{ name, type: 'line', areaStyle: { opacity: 0.12 }, data: months.map((m) => Number(m.amount)) }],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />;
}
