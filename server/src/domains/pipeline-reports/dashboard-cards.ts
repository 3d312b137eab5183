import { registerDashboardCard, reportCard } from '../../platform/reports/dashboard-cards.js';
import { label } from '../../platform/reports/report-table.js';
import { forecastRoute } from './forecast.js';
import { funnelRoute } from './funnel.js';
import { leaderboardRoute } from './leaderboard.js';
import { pipelineTotalsRoute } from './pipeline-totals.js';

// T4 工作台: the pipeline cards, each its report's own figures (the reports' permission).
const permission = ['opportunities', 'view'] as const;

/** This month and the next (the report's default); a rep's is his own, a manager's his team's with the top reps. */
registerDashboardCard(
  reportCard(forecastRoute, {
    key: 'forecast',
    order: 40,
    audience: 'both',
    permission,
    title: label('销售预测', '銷售預測', 'Forecast'),
    query: () => ({ pageSize: 5 }),
  }),
);

/** The team's stage funnel of the default pipeline, with the reps whose shares stray most. */
registerDashboardCard(
  reportCard(funnelRoute, {
    key: 'funnel',
    order: 50,
    audience: 'manager',
    permission,
    title: label('销售漏斗', '銷售漏斗', 'Funnel'),
    query: () => ({ pageSize: 5 }),
  }),
);

registerDashboardCard(
  reportCard(pipelineTotalsRoute, {
    key: 'pipeline-totals',
    order: 60,
    audience: 'manager',
    permission,
    title: label('销售总览', '銷售總覽', 'Pipeline totals'),
    query: () => ({}),
  }),
);

registerDashboardCard(
  reportCard(leaderboardRoute, {
    key: 'leaderboard',
    order: 70,
    audience: 'manager',
    permission,
    title: label('本月签约排行', '本月簽約排行', 'Signed this month'),
    query: () => ({ limit: 10 }),
  }),
);
