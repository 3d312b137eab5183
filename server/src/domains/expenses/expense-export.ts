import { expenseListQuery } from '@contracts/expenses.js';
import { column, type Label, registerExport } from '../exports/public.js';
import { listExpenses } from './expense-service.js';

const label = (zhCN: string, zhTW: string, en: string): Label => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });
const STATUS = {
  'zh-CN': { draft: '草稿', in_approval: '审批中', approved: '已通过', rejected: '已驳回' },
  'zh-TW': { draft: '草稿', in_approval: '審批中', approved: '已通過', rejected: '已駁回' },
  en: { draft: 'Draft', in_approval: 'In approval', approved: 'Approved', rejected: 'Rejected' },
};

// The expense list as CSV/XLSX: the same filters and the same scope as the list (a rep exports his own).
registerExport({
  entity: 'expenses',
  module: 'expenses',
  query: expenseListQuery,
  list: (db, actor, _ctx, filters, page, pageSize) => listExpenses(db, actor, { ...filters, page, pageSize }),
  fileName: label('费用报销', '費用報銷', 'expenses'),
  columns: [
    column(label('报销单号', '報銷單號', 'Number'), 'number'),
    column(label('发生日期', '發生日期', 'Spent on'), 'spentOn'),
    column(label('客户', '客戶', 'Customer'), 'customerName'),
    column(label('费用类别', '費用類別', 'Category'), 'category', { picklist: 'expense_category' }),
    column(label('金额', '金額', 'Amount'), 'amount', 'money'),
    column(label('状态', '狀態', 'Status'), 'status', { codes: STATUS }),
    column(label('事由', '事由', 'Description'), 'description'),
    column(label('商机', '商機', 'Opportunity'), 'opportunityName'),
    column(label('合同', '合約', 'Contract'), 'contractNumber'),
    column(label('报销人', '報銷人', 'Claimant'), 'ownerName'),
  ],
});
