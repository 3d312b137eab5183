import type { AgingGroup } from '@contracts/money-reports.js';
import { type Label, label } from '../../platform/reports/report-table.js';

// Column headings of the report files, in the words of the report pages (web messages.ts).

export const L = {
  name: label('名称', '名稱', 'Name'),
  total: label('合计', '合計', 'Total'),
  customer: label('客户', '客戶', 'Customer'),
  contract: label('合同', '合約', 'Contract'),
  number: label('合同编号', '合約編號', 'Contract no.'),
  owner: label('负责人', '負責人', 'Owner'),
  signDate: label('签约日期', '簽約日期', 'Signed on'),
  contracts: label('合同数', '合約數', 'Contracts'),
  revenue: label('签约收入', '簽約收入', 'Signed revenue'),
  cost: label('产品成本', '產品成本', 'Cost of goods'),
  expenses: label('费用', '費用', 'Expenses'),
  profit: label('毛利', '毛利', 'Gross profit'),
  margin: label('毛利率（%）', '毛利率（%）', 'Margin (%)'),
} as const;

/** The aging buckets, as the page heads its columns. */
export const B = {
  notDue: label('未到期', '未到期', 'Not yet due'),
  d0to30: label('逾期0–30天', '逾期0–30天', '0–30 days overdue'),
  d31to60: label('逾期31–60天', '逾期31–60天', '31–60 days overdue'),
  d61to90: label('逾期61–90天', '逾期61–90天', '61–90 days overdue'),
  over90: label('逾期90天以上', '逾期90天以上', 'Over 90 days overdue'),
  overdue: label('逾期合计', '逾期合計', 'Overdue'),
  total: label('应收余额', '應收餘額', 'Outstanding'),
} as const;

export const GROUP_LABEL: Record<AgingGroup, Label> = {
  owner: label('销售', '業務', 'Rep'),
  department: label('部门', '部門', 'Department'),
  customer: label('客户', '客戶', 'Customer'),
};
