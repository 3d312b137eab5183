import { registerDashboardCard, reportCard } from '../../platform/reports/dashboard-cards.js';
import { label } from '../../platform/reports/report-table.js';
import { expenseReportRoute } from './expense-report.js';

/** T4 工作台: approved expenses by category over the statistics page's default period (twelve months up to today). */
registerDashboardCard(
  reportCard(expenseReportRoute, {
    key: 'expenses-by-category',
    order: 90,
    audience: 'manager',
    permission: ['expenses', 'view'],
    title: label('费用构成', '費用構成', 'Expenses by category'),
    query: () => ({}),
  }),
);
