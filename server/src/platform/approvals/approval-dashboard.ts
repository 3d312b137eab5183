import { approvalList, approvalListQuery } from '@contracts/approvals.js';
import { registerDashboardCard } from '../reports/dashboard-cards.js';
import { label, type ReportColumn, reportTable, tablePart } from '../reports/report-table.js';
import { approvalBox } from './approval-queries.js';

type Row = ReturnType<typeof approvalList.parse>['items'][number];

const COLUMNS: ReportColumn<Row>[] = [
  { label: label('单据', '單據', 'Document'), value: (r) => r.documentLabel },
  { label: label('标题', '標題', 'Title'), value: (r) => r.title },
  { label: label('金额', '金額', 'Amount'), value: (r) => r.amount },
  { label: label('当前步骤', '目前步驟', 'Step'), value: (r) => r.stepName },
  { label: label('提交人', '提交人', 'Submitted by'), value: (r) => r.submitter.name },
  { label: label('等待起始', '等待起始', 'Waiting since'), value: (r) => r.waitingSince },
];

/** T4 工作台: how many requests wait on me (the 待我审批 box, same query), the latest five. */
registerDashboardCard({
  key: 'pending-approvals',
  order: 15,
  audience: 'manager',
  title: label('待我审批', '待我審批', 'Waiting for me'),
  run: async (env, actor) =>
    approvalList.parse(await approvalBox(env.db, actor, approvalListQuery.parse({ box: 'todo', pageSize: 5 }), env.now, env.timeZone)),
  table: (r, { locale }) => reportTable(locale, tablePart(COLUMNS, r.items)),
});
