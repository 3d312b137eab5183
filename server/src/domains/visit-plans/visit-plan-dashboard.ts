import { visitPlanListQuery, visitPlanSchema } from '@contracts/visit-plans.js';
import { z } from 'zod';
import { businessDate } from '../../platform/dates.js';
import { registerDashboardCard } from '../../platform/reports/dashboard-cards.js';
import { label, type ReportColumn, reportTable, tablePart } from '../../platform/reports/report-table.js';
import { listVisitPlans } from './visit-plan-service.js';

const visitList = z.object({ items: z.array(visitPlanSchema) });
type Visit = z.infer<typeof visitPlanSchema>;

const STATUS = {
  planned: label('待拜访', '待拜訪', 'Planned'),
  done: label('已拜访', '已拜訪', 'Done'),
  missed: label('未拜访', '未拜訪', 'Missed'),
};

const COLUMNS: ReportColumn<Visit>[] = [
  { label: label('客户', '客戶', 'Customer'), value: (v) => v.customerName },
  { label: label('拜访目的', '拜訪目的', 'Purpose'), value: (v) => v.purpose },
  { label: label('状态', '狀態', 'Status'), value: (v) => STATUS[v.status] },
  { label: label('负责人', '負責人', 'Owner'), value: (v) => v.ownerName },
];

/** T4 工作台: today's visit plans (the visit plan list for today, same query). */
registerDashboardCard({
  key: 'today-visits',
  order: 20,
  audience: 'rep',
  permission: ['visit_plans', 'view'],
  title: label('今日拜访', '今日拜訪', "Today's visits"),
  run: async (env, actor) => {
    const today = businessDate(env.now, env.timeZone);
    return visitList.parse({ items: await listVisitPlans(env.db, actor, visitPlanListQuery.parse({ from: today, to: today }), today) });
  },
  table: (r, { locale }) => reportTable(locale, tablePart(COLUMNS, r.items)),
});
