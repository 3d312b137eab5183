import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { Col, List, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { dashboardCard } from '../../app/dashboard-cards.js';
import { formatMoney, formatWan } from '../../shared/format.js';
import type { AgingReport } from './api.js';
import { BUCKET_COLORS } from './money-charts.js';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const BUCKETS = ['notDue', 'd0to30', 'd31to60', 'd61to90', 'over90'] as const;
const TOP = 5;
const SHORT = { notDue: '', d0to30: '0–30', d31to60: '31–60', d61to90: '61–90', over90: '90+' } as const;

/**
 * Receivables outstanding today: overdue in all, the company's buckets as bars (green not yet due to
 * red over 90 days), and the reps with most overdue (the aging report by rep).
 */
function OverdueReceivablesCard({ data }: { data: AgingReport }) {
  const { t, i18n } = useTranslation('moneyReports');
  const worst = data.rows
    .filter((r) => Number(r.overdue) > 0)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue))
    .slice(0, TOP);
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => formatMoney(v.toFixed(2)) },
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: BUCKETS.map((b) => (b === 'notDue' ? t('aging.buckets.notDue') : SHORT[b])),
      axisTick: { alignWithLabel: true },
    },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatWan(String(v), i18n.language) } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        name: t('aging.total'),
        data: BUCKETS.map((b, i) => ({ value: Number(data.totals[b]), itemStyle: { color: BUCKET_COLORS[i] } })),
      },
    ],
  };
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 8 }}>
        <Col span={12}>
          <Statistic
            title={t('aging.overdue')}
            value={formatWan(data.totals.overdue, i18n.language)}
            styles={{ content: { color: '#cf1322' } }}
          />
        </Col>
        <Col span={12}>
          <Statistic title={t('aging.total')} value={formatWan(data.totals.total, i18n.language)} />
        </Col>
      </Row>
      {data.rows.length > 0 ? (
        <>
          <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 160, width: '100%' }} />
          <List
            size="small"
            header={<Typography.Text type="secondary">{t('dashboard.topReps')}</Typography.Text>}
            dataSource={worst}
            locale={{ emptyText: t('dashboard.noneOverdue') }}
            renderItem={(r) => (
              <List.Item extra={<Typography.Text type="danger">{formatMoney(r.overdue)}</Typography.Text>}>
                <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
                  <Link to={`/reports/receivables-aging?group=customer&owner=${r.id}`}>{r.name}</Link>
                  <Typography.Text type="secondary"> · {t('dashboard.balanceOf', { amount: formatMoney(r.total) })}</Typography.Text>
                </Typography.Text>
              </List.Item>
            )}
          />
        </>
      ) : (
        <Typography.Text type="secondary">{t('dashboard.empty')}</Typography.Text>
      )}
    </>
  );
}

export const overdueReceivablesCard = dashboardCard<AgingReport>({
  key: 'overdue-receivables',
  order: 60,
  size: 'medium',
  audience: 'manager',
  permission: ['receivables', 'view'],
  title: 'moneyReports:dashboard.title',
  link: '/receivables/overdue',
  Component: OverdueReceivablesCard,
});
