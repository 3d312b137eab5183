import { registerDashboardCard, reportCard } from '../../platform/reports/dashboard-cards.js';
import { label } from '../../platform/reports/report-table.js';
import { timelinessRoute } from './timeliness-report.js';

/**
 * T4/T7 工作台: the team's data-timeliness score, its four checks and the five reps with most to
 * catch up — the score only (kept counts), never the rows-to-fix list, so it stays cheap at 1M customers.
 */
registerDashboardCard(
  reportCard(timelinessRoute, {
    key: 'data-timeliness',
    order: 95,
    audience: 'manager',
    permission: ['opportunities', 'view'],
    title: label('数据及时性', '資料及時性', 'Data timeliness'),
    query: () => ({ page: 1, pageSize: 5 }),
  }),
);
