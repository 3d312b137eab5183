import { registerDashboardCard, reportCard } from '../../platform/reports/dashboard-cards.js';
import { label } from '../../platform/reports/report-table.js';
import { attainmentRoute } from './attainment.js';

/**
 * T4 工作台: this month's signed amount against target in the caller's scope — the rep himself, the
 * manager's department with its people, the director's company — with the forecast for the rest of it.
 */
registerDashboardCard(
  reportCard(attainmentRoute, {
    key: 'target-attainment',
    order: 6,
    audience: 'both',
    permission: ['targets', 'view'],
    title: label('本月目标达成', '本月目標達成', 'Target this month'),
    query: () => ({ type: 'signed_amount' as const }),
  }),
);
