import {
  DashboardOutlined,
  FundProjectionScreenOutlined,
  FunnelPlotOutlined,
  LineChartOutlined,
  PieChartOutlined,
  SlidersOutlined,
} from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { ConversionPage } from './conversion-page.js';
import { ForecastPage } from './forecast-page.js';
import { FunnelPage } from './funnel-page.js';
import { pipelineReportMessages } from './messages.js';
import { PipelineDashboardPage } from './pipeline-dashboard-page.js';
import { ReportSettingsPage } from './report-settings-page.js';
import { SourcesPage } from './sources-page.js';
import { forecastCard, pipelineTotalsCard } from './dashboard-cards.js';
import { funnelCard } from './funnel-card.js';
import { leaderboardCard } from './leaderboard-card.js';

const view = ['opportunities', 'view'] as ['opportunities', 'view'];

/** O5–O8, T6: the 销售分析 menu — pipeline totals, forecast, funnel, stage conversion, sources and industries. */
export const pipelineReportsDomain: WebDomain = {
  key: 'pipelineReports',
  messages: pipelineReportMessages,
  dashboardCards: [pipelineTotalsCard, forecastCard, funnelCard, leaderboardCard],
  routes: [
    { path: '/reports/pipeline', element: createElement(PipelineDashboardPage) },
    { path: '/reports/forecast', element: createElement(ForecastPage) },
    { path: '/reports/funnel', element: createElement(FunnelPage) },
    { path: '/reports/conversion', element: createElement(ConversionPage) },
    { path: '/reports/sources', element: createElement(SourcesPage) },
    { path: '/admin/report-settings', element: createElement(ReportSettingsPage) },
  ],
  menu: [
    {
      path: '/reports/pipeline',
      label: 'pipelineReports:menu.totals',
      icon: createElement(DashboardOutlined),
      group: 'analytics',
      order: 10,
      permission: view,
    },
    {
      path: '/reports/forecast',
      label: 'pipelineReports:menu.forecast',
      icon: createElement(LineChartOutlined),
      group: 'analytics',
      order: 20,
      permission: view,
    },
    {
      path: '/reports/funnel',
      label: 'pipelineReports:menu.funnel',
      icon: createElement(FunnelPlotOutlined),
      group: 'analytics',
      order: 30,
      permission: view,
    },
    {
      path: '/reports/conversion',
      label: 'pipelineReports:menu.conversion',
      icon: createElement(FundProjectionScreenOutlined),
      group: 'analytics',
      order: 40,
      permission: view,
    },
    {
      path: '/reports/sources',
      label: 'pipelineReports:menu.sources',
      icon: createElement(PieChartOutlined),
      group: 'analytics',
      order: 50,
      permission: view,
    },
    {
      path: '/admin/report-settings',
      label: 'pipelineReports:menu.settings',
      icon: createElement(SlidersOutlined),
      group: 'admin',
      order: 65,
      permission: ['users', 'edit'],
    },
  ],
};
