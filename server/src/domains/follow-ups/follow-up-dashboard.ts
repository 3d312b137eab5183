import { listResponse } from '@contracts/common.js';
import { dueCustomerSchema, dueListQuery } from '@contracts/follow-ups.js';
import { registerDashboardCard } from '../../platform/reports/dashboard-cards.js';
import { label, type ReportColumn, reportTable, tablePart } from '../../platform/reports/report-table.js';
import { dueForFollowUp, todayIn } from './due-for-follow-up.js';

const dueList = listResponse(dueCustomerSchema);
type Due = ReturnType<typeof dueList.parse>['items'][number];

const COLUMNS: ReportColumn<Due>[] = [
  { label: label('客户', '客戶', 'Customer'), value: (d) => d.name },
  { label: label('等级', '等級', 'Grade'), value: (d) => d.grade },
  { label: label('应跟进日期', '應跟進日期', 'Due on'), value: (d) => d.dueDate },
  { label: label('逾期天数', '逾期天數', 'Days overdue'), value: (d) => d.overdueDays },
  { label: label('上次跟进', '上次跟進', 'Last follow-up'), value: (d) => d.lastFollowUpAt },
  { label: label('负责人', '負責人', 'Owner'), value: (d) => d.ownerName },
];

/** T4 工作台, C6: key customers due for a follow-up today or overdue (the 待跟进 list, same query). */
registerDashboardCard({
  key: 'due-follow-ups',
  order: 30,
  audience: 'rep',
  permission: ['customers', 'view'],
  title: label('待跟进客户', '待跟進客戶', 'Due for follow-up'),
  run: async (env, actor) =>
    dueList.parse(
      await dueForFollowUp(env.db, actor, {
        ...dueListQuery.parse({ pageSize: 10 }),
        today: todayIn(env.now, env.timeZone),
        timeZone: env.timeZone,
      }),
    ),
  table: (r, { locale }) => reportTable(locale, tablePart(COLUMNS, r.items)),
});
