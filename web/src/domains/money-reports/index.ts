import { AccountBookOutlined, RiseOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { AgingPage } from './aging-page.js';
import { moneyReportMessages } from './messages.js';
import { ProfitPage } from './profit-page.js';
import { overdueReceivablesCard } from './overdue-card.js';

/** M1 应收账龄 and M5 利润分析 in the 销售分析 menu; profit only for roles that may see costs. */
export const moneyReportsDomain: WebDomain = {
  key: 'moneyReports',
  messages: moneyReportMessages,
  dashboardCards: [overdueReceivablesCard],
  routes: [
    { path: '/reports/receivables-aging', element: createElement(AgingPage) },
    { path: '/reports/profit', element: createElement(ProfitPage) },
  ],
  menu: [
    {
      path: '/reports/receivables-aging',
      label: 'moneyReports:menu.aging',
      icon: createElement(AccountBookOutlined),
      group: 'analytics',
      order: 60,
      permission: ['receivables', 'view'],
    },
    {
      path: '/reports/profit',
      label: 'moneyReports:menu.profit',
      icon: createElement(RiseOutlined),
      group: 'analytics',
      order: 70,
      permission: ['product_costs', 'view'],
    },
  ],
};
