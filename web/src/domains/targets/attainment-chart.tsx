import type { AttainmentRow, TargetType } from '@contracts/targets.js';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { formatWan } from '../../shared/format.js';
import { targetValue } from './target-labels.js';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// The chart draws numbers; the table beside it carries the exact amounts (decimal strings).
const n = (v: string | null) => (v === null ? null : Number(v));

/**
 * Per owner: the target as a bar, actual and forecast stacked beside it (seed 002: 已签约 + 预计签约 vs
 * 目标), and the attainment rate as a line on the right axis.
 */
export function AttainmentChart({
  rows,
  type,
  height = 320,
}: {
  rows: (AttainmentRow & { label: string })[];
  type: TargetType;
  height?: number;
}) {
  const { t, i18n } = useTranslation('targets');
  const axis = (v: number) => (type === 'new_customers' ? String(v) : formatWan(String(v), i18n.language));
  const hasForecast = rows.some((r) => r.forecast !== null);
  const option = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : targetValue(type, v.toFixed(2))),
    },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: [
      { type: 'value', axisLabel: { formatter: axis } },
      { type: 'value', axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: t('attainment.target'), type: 'bar', color: '#d9d9d9', barMaxWidth: 28, data: rows.map((r) => n(r.target)) },
      { name: t('attainment.actual'), type: 'bar', color: '#1677ff', stack: 'done', barMaxWidth: 28, data: rows.map((r) => n(r.actual)) },
      ...(hasForecast
        ? [
            {
              name: t('attainment.forecast'),
              type: 'bar',
              color: '#91caff',
              stack: 'done',
              barMaxWidth: 28,
              data: rows.map((r) => n(r.forecast)),
            },
          ]
        : []),
      {
        name: t('attainment.rate'),
        type: 'line',
        color: '#fa8c16',
        yAxisIndex: 1,
        data: rows.map((r) => n(r.rate)),
        tooltip: { valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`) },
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />;
}
