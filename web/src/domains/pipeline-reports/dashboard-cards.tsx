import { Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { dashboardCard } from '../../app/dashboard-cards.js';
import { formatWan } from '../../shared/format.js';
import type { ForecastReport, PipelineTotals } from './api.js';
import { MoneyBarChart } from './charts.js';
import { useMonthLabel } from './report-filters.js';

// T4 工作台: the pipeline cards (forecast and totals here; funnel and leaderboard beside), each drawing
// its report's own figures.

/** This month and the next: weighted forecast, commit and signed; a rep's own, a manager's team's. */
function ForecastCard({ data }: { data: ForecastReport }) {
  const { t, i18n } = useTranslation('pipelineReports');
  const monthLabel = useMonthLabel();
  const current = data.total.find((f) => f.month === data.currentMonth);
  return (
    <Row gutter={[16, 8]}>
      <Col xs={24} md={8}>
        <Statistic title={t('dashboard.forecastThisMonth')} value={formatWan(current?.forecast ?? '0', i18n.language)} />
        <Typography.Text type="secondary">
          {t('forecast.cardLine', { threshold: data.threshold, count: current?.forecastCount ?? 0 })}
        </Typography.Text>
        <Statistic
          title={t('dashboard.wonThisMonth')}
          value={formatWan(current?.won ?? '0', i18n.language)}
          styles={{ content: { color: '#389e0d' } }}
          style={{ marginTop: 12 }}
        />
      </Col>
      <Col xs={24} md={16}>
        <MoneyBarChart
          locale={i18n.language}
          height={240}
          categories={data.total.map((f) => monthLabel(f.month))}
          colors={['#1677ff', '#91caff', '#52c41a']}
          series={[
            { name: t('columns.forecast'), values: data.total.map((f) => f.forecast) },
            { name: t('columns.commit'), values: data.total.map((f) => f.commit) },
            { name: t('columns.won'), values: data.total.map((f) => f.won) },
          ]}
        />
      </Col>
    </Row>
  );
}

/** 赢单 / 输单 / 进行中 and the open pipeline's expected revenue. */
function PipelineTotalsCard({ data }: { data: PipelineTotals }) {
  const { t, i18n } = useTranslation('pipelineReports');
  const figures = [
    { key: 'open', title: t('totals.open'), value: data.open.amount, count: data.open.count, color: '#1677ff' },
    { key: 'expected', title: t('totals.expected'), value: data.open.expectedRevenue, color: '#d46b08' },
    { key: 'won', title: t('totals.won'), value: data.won.amount, count: data.won.count, color: '#389e0d' },
    { key: 'lost', title: t('totals.lost'), value: data.lost.amount, count: data.lost.count, color: '#8c8c8c' },
  ];
  return (
    <Row gutter={[16, 16]}>
      {figures.map((f) => (
        <Col key={f.key} span={12}>
          <Statistic title={f.title} value={formatWan(f.value, i18n.language)} styles={{ content: { color: f.color } }} />
          <Typography.Text type="secondary">
            {f.count === undefined ? t('totals.expectedHint') : t('totals.count', { count: f.count })}
          </Typography.Text>
        </Col>
      ))}
    </Row>
  );
}

const view: ['opportunities', 'view'] = ['opportunities', 'view'];

export const forecastCard = dashboardCard<ForecastReport>({
  key: 'forecast',
  order: 30,
  size: 'large',
  audience: 'both',
  permission: view,
  title: 'pipelineReports:dashboard.forecast',
  link: '/reports/forecast',
  Component: ForecastCard,
});

export const pipelineTotalsCard = dashboardCard<PipelineTotals>({
  key: 'pipeline-totals',
  order: 5,
  size: 'medium',
  audience: 'manager',
  permission: view,
  title: 'pipelineReports:dashboard.totals',
  link: '/reports/pipeline',
  Component: PipelineTotalsCard,
});
