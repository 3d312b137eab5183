import { BarChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { scoreColor } from './score.js';

echarts.use([BarChart, GridComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/** One bar per rep, the lowest score on top, coloured like the score tags. */
export function ScoreChart({ heading, reps }: { heading: string; reps: { name: string; score: number }[] }) {
  const rows = [...reps].reverse();
  const option = {
    title: { text: heading, left: 0, top: 0, textStyle: { fontSize: 14, fontWeight: 500 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { width: 100, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        label: { show: true, position: 'right' },
        data: rows.map((r) => ({ value: r.score, itemStyle: { color: scoreColor(r.score) } })),
      },
    ],
  };
  return (
    <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: Math.max(200, 50 + rows.length * 26), width: '100%' }} />
  );
}
