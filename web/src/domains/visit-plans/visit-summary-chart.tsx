import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartRow {
  name: string;
  planned: number;
  done: number;
  unplanned: number;
}

/** Planned vs. done visits per rep, side by side, with unplanned visits as a quieter third bar. */
export function VisitSummaryChart({
  rows,
  labels,
  height,
}: {
  rows: ChartRow[];
  labels: { planned: string; done: string; unplanned: string };
  height: number;
}) {
  const option = {
    color: ['#91caff', '#1677ff', '#ffd591'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [labels.planned, labels.done, labels.unplanned] },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
      axisTick: { alignWithLabel: true },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels.planned, type: 'bar', barMaxWidth: 28, data: rows.map((r) => r.planned) },
      { name: labels.done, type: 'bar', barMaxWidth: 28, data: rows.map((r) => r.done) },
      { name: labels.unplanned, type: 'bar', barMaxWidth: 28, data: rows.map((r) => r.unplanned) },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />;
}
