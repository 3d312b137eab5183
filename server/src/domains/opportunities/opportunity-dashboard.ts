import { listResponse } from '@contracts/common.js';
import { opportunityListQuery, opportunitySchema } from '@contracts/opportunities.js';
import { businessDate } from '../../platform/dates.js';
import { registerDashboardCard } from '../../platform/reports/dashboard-cards.js';
import { label, type ReportColumn, reportTable, tablePart } from '../../platform/reports/report-table.js';
import { listOpportunities } from './opportunity-service.js';

const opportunityList = listResponse(opportunitySchema);
type Deal = ReturnType<typeof opportunityList.parse>['items'][number];

const COLUMNS: ReportColumn<Deal>[] = [
  { label: label('商机名称', '商機名稱', 'Opportunity'), value: (o) => o.name },
  { label: label('客户', '客戶', 'Customer'), value: (o) => o.customerName },
  { label: label('阶段', '階段', 'Stage'), value: (o) => o.stage.labels },
  { label: label('金额', '金額', 'Amount'), value: (o) => o.amount },
  { label: label('赢率（%）', '贏率（%）', 'Probability (%)'), value: (o) => o.probability },
  { label: label('预计成交日期', '預計成交日期', 'Expected close'), value: (o) => o.expectedCloseDate },
  { label: label('负责人', '負責人', 'Owner'), value: (o) => o.ownerName },
];

/** T4 工作台: a rep's open deals expected to close this month, soonest first (the opportunity list, same filters). */
registerDashboardCard({
  key: 'closing-this-month',
  order: 35,
  audience: 'rep',
  permission: ['opportunities', 'view'],
  title: label('本月预计成交', '本月預計成交', 'Closing this month'),
  run: async (env, actor) =>
    opportunityList.parse(
      await listOpportunities(
        env.db,
        actor,
        { now: () => env.now },
        opportunityListQuery.parse({
          closeMonth: businessDate(env.now, env.timeZone).slice(0, 7),
          status: 'open',
          sort: 'expectedCloseDate',
          pageSize: 10,
        }),
      ),
    ),
  table: (r, { locale }) => reportTable(locale, tablePart(COLUMNS, r.items)),
});
