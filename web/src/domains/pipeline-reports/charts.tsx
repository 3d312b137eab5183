import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { formatMoney, formatWan } from '../../shared/format.js';

echarts.use([BarChart, FunnelChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

// Charts draw numbers; the tables beside them carry the exact amounts (decimal strings).
const amount = (v: string) => Number(v);
const PALETTE = ['#1677ff', '#52c41a', '#91caff', '#ffd591', '#d9d9d9'];

interface Series {
  name: string;
  values: string[];
}

/** Money per category (month, stage…): bars per series, amounts in 万 on the axis, exact in the tooltip. */
export function MoneyBarChart({
  categories,
  series,
  height = 300,
  locale,
  colors = PALETTE,
}: {
  categories: string[];
  series: Series[];
  height?: number;
  locale: string;
  colors?: string[];
}) {
  const option = {
    color: colors,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => formatMoney(v.toFixed(2)),
    },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { interval: 0, rotate: categories.length > 8 ? 30 : 0 },
      axisTick: { alignWithLabel: true },
    },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatWan(String(v), locale) } },
    series: series.map((s) => ({ name: s.name, type: 'bar', barMaxWidth: 32, data: s.values.map(amount) })),
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />;
}

export interface FunnelSide {
  title: string;
  /** Stage name and share in percent, in stage order. */
  stages: { name: string; share: number; count: number; flagged?: boolean }[];
}

/**
 * O7: the stage distribution as a funnel (seed 002's 初步接触 15 % → 需求沟通 40 % …); with two sides,
 * the team's on the left and one rep's on the right, flagged stages in red.
 */
export function StageFunnelChart({ sides, height = 320 }: { sides: FunnelSide[]; height?: number }) {
  const width = 100 / sides.length;
  const option = {
    color: ['#1677ff', '#4096ff', '#69b1ff', '#91caff', '#bae0ff', '#e6f4ff', '#d6e4ff', '#adc6ff', '#85a5ff'],
    title: sides.map((s, i) => ({
      text: s.title,
      left: `${width * i + width / 2}%`,
      top: 0,
      textAlign: 'center',
      textStyle: { fontSize: 14 },
    })),
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; name: string; data: { count: number; share: number } }) =>
        `${p.seriesName}<br/>${p.name}：${p.data.share}%（${p.data.count}）`,
    },
    series: sides.map((s, i) => ({
      name: s.title,
      type: 'funnel',
      sort: 'none',
      left: `${width * i + 4}%`,
      width: `${width - 8}%`,
      top: 36,
      bottom: 8,
      minSize: '12%',
      gap: 2,
      label: { show: true, position: 'inside', formatter: (p: { name: string; data: { share: number } }) => `${p.name} ${p.data.share}%` },
      data: s.stages.map((st, j) => ({
        name: st.name,
        // Width follows the stage's place in the funnel; the label and tooltip carry the share.
        value: s.stages.length - j,
        share: st.share,
        count: st.count,
        ...(st.flagged ? { itemStyle: { color: '#ff7875' } } : {}),
      })),
    })),
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />;
}

/** T6: conversion rate per stage (bars, %) with the average days in it (line, right axis). */
export function ConversionChart({
  stages,
  labels,
  height = 300,
}: {
  stages: { name: string; rate: number | null; days: number | null }[];
  labels: { rate: string; days: string };
  height?: number;
}) {
  const option = {
    color: ['#1677ff', '#fa8c16'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: stages.map((s) => s.name), axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      { type: 'value', minInterval: 1, axisLabel: { formatter: '{value}' } },
    ],
    series: [
      {
        name: labels.rate,
        type: 'bar',
        barMaxWidth: 36,
        data: stages.map((s) => s.rate),
        tooltip: { valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
      },
      { name: labels.days, type: 'line', yAxisIndex: 1, symbolSize: 8, data: stages.map((s) => s.days) },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />;
}
