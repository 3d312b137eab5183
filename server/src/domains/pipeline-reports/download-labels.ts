import { type Label, label } from '../../platform/reports/report-table.js';

// Column headings of the report files, in the words of the report pages (web messages.ts).

export const L = {
  level: label('层级', '層級', 'Level'),
  total: label('合计', '合計', 'Total'),
  team: label('团队', '團隊', 'Team'),
  department: label('部门', '部門', 'Department'),
  rep: label('销售', '業務', 'Rep'),
  owner: label('负责人', '負責人', 'Owner'),
  month: label('月份', '月份', 'Month'),
  pipeline: label('销售流程', '銷售流程', 'Pipeline'),
  stage: label('阶段', '階段', 'Stage'),
  kind: label('类型', '類型', 'Type'),
  count: label('商机数', '商機數', 'Opportunities'),
  amount: label('商机金额', '商機金額', 'Amount'),
  won: label('已签约', '已簽約', 'Won'),
  wonCount: label('签约单数', '簽約單數', 'Won deals'),
  wonAmount: label('赢单金额', '贏單金額', 'Won amount'),
  lostCount: label('输单数', '輸單數', 'Lost deals'),
  share: label('占比（%）', '佔比（%）', 'Share (%)'),
  avgDays: label('平均天数', '平均天數', 'Average days'),
  none: label('未填', '未填', 'Not set'),
  yes: label('是', '是', 'Yes'),
  no: label('否', '否', 'No'),
} as const;

export const KIND: Record<'open' | 'won' | 'lost', Label> = {
  open: label('进行中', '進行中', 'Open'),
  won: label('赢单', '贏單', 'Won'),
  lost: label('输单', '輸單', 'Lost'),
};
