import { registerDashboardCard, reportCard } from '../../platform/reports/dashboard-cards.js';
import { label } from '../../platform/reports/report-table.js';
import { agingRoute } from './aging.js';

/** T4 工作台: receivables outstanding today in buckets of days past due, with the customers who owe most (the aging report). */
registerDashboardCard(
  reportCard(agingRoute, {
    key: 'overdue-receivables',
    order: 80,
    audience: 'manager',
    permission: ['receivables', 'view'],
    title: label('逾期应收', '逾期應收', 'Overdue receivables'),
    query: () => ({ groupBy: 'customer' as const, pageSize: 5 }),
  }),
);
