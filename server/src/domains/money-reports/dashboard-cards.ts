import { registerDashboardCard, reportCard } from '../../platform/reports/dashboard-cards.js';
import { label } from '../../platform/reports/report-table.js';
import { agingRoute } from './aging.js';

/**
 * T4 工作台: receivables outstanding today in buckets of days past due, per rep (the aging report).
 * Per rep, not per customer: the company's per-customer aging groups every open instalment
 * (0.86 s p95 at 1M instalments, bench/RESULTS.md), per rep reads the month totals (< 80 ms).
 */
registerDashboardCard(
  reportCard(agingRoute, {
    key: 'overdue-receivables',
    order: 80,
    audience: 'manager',
    permission: ['receivables', 'view'],
    title: label('逾期应收', '逾期應收', 'Overdue receivables'),
    query: () => ({ groupBy: 'owner' as const }),
  }),
);
