import { contractListQuery } from '@contracts/contracts.js';
import { column, type Label, registerExport } from '../exports/public.js';
import { canSeeCosts } from './contract-entity.js';
import { listContracts } from './contract-service.js';

const label = (zhCN: string, zhTW: string, en: string): Label => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });
const STATUS = {
  'zh-CN': { draft: '草稿', in_approval: '审批中', effective: '已生效', terminated: '已终止', voided: '已作废' },
  'zh-TW': { draft: '草稿', in_approval: '審批中', effective: '已生效', terminated: '已終止', voided: '已作廢' },
  en: { draft: 'Draft', in_approval: 'In approval', effective: 'Effective', terminated: 'Terminated', voided: 'Void' },
};

// The contract list as CSV/XLSX: the same filters and scope as the list; cost only for those who may see it.
registerExport({
  entity: 'contracts',
  module: 'contracts',
  query: contractListQuery,
  list: (db, actor, _ctx, filters, page, pageSize) => listContracts(db, actor, { ...filters, page, pageSize }),
  fileName: label('合同', '合約', 'contracts'),
  columns: [
    column(label('合同编号', '合約編號', 'Number'), 'number'),
    column(label('合同名称', '合約名稱', 'Title'), 'title'),
    column(label('客户', '客戶', 'Customer'), 'customerName'),
    column(label('状态', '狀態', 'Status'), 'status', { codes: STATUS }),
    column(label('签约日期', '簽約日期', 'Signed on'), 'signDate'),
    column(label('合同金额', '合約金額', 'Amount'), 'amount', 'money'),
    column(label('执行进度(%)', '執行進度(%)', 'Progress (%)'), 'progress'),
    { ...column(label('成本', '成本', 'Cost'), 'costTotal', 'money'), visibleTo: canSeeCosts },
    column(label('负责人', '負責人', 'Owner'), 'ownerName'),
  ],
});
