import { AccountBookOutlined, PieChartOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import type { WebDomain } from '../../app/domain.js';
import { CustomerExpensesTab } from './customer-expenses-tab.js';
import { ExpenseDetailPage } from './expense-detail-page.js';
import { ExpenseListPage } from './expense-list-page.js';
import { ExpenseStatsPage } from './expense-stats-page.js';
import { expenseMessages } from './messages.js';
import { expensesCard } from './expenses-card.js';

/** M4: 费用报销 (list, claim drawer, detail with approval and receipts), 费用统计, and the customer's 费用 tab. */
export const expensesDomain: WebDomain = {
  key: 'expenses',
  messages: expenseMessages,
  dashboardCards: [expensesCard],
  routes: [
    { path: '/expenses', element: createElement(ExpenseListPage) },
    { path: '/expenses/:id', element: createElement(ExpenseDetailPage) },
    { path: '/reports/expenses', element: createElement(ExpenseStatsPage) },
  ],
  menu: [
    {
      path: '/expenses',
      label: 'expenses:menu.list',
      icon: createElement(AccountBookOutlined),
      // 销售工作, after 合同 (18).
      group: 'work',
      order: 19,
      permission: ['expenses', 'view'],
    },
    {
      path: '/reports/expenses',
      label: 'expenses:menu.stats',
      icon: createElement(PieChartOutlined),
      group: 'analytics',
      order: 70,
      permission: ['expenses', 'view'],
    },
  ],
  recordTabs: [
    {
      host: 'customer',
      key: 'expenses',
      label: 'expenses:customerTab.tab',
      order: 60,
      permission: ['expenses', 'view'],
      render: (record) => createElement(CustomerExpensesTab, { record }),
    },
  ],
};
