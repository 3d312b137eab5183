import { quoteListQuery } from '@contracts/quotes.js';
import { column, type Label, registerExport } from '../exports/public.js';
import { canSeeCosts } from './quote-entity.js';
import { listQuotes } from './quote-service.js';

const label = (zhCN: string, zhTW: string, en: string): Label => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });
const STATUS = {
  'zh-CN': {
    draft: '草稿',
    in_approval: '审批中',
    approved: '审批通过',
    sent: '已发送',
    accepted: '客户已接受',
    rejected: '客户已拒绝',
    expired: '已过期',
    superseded: '已有新版本',
  },
  'zh-TW': {
    draft: '草稿',
    in_approval: '審批中',
    approved: '審批通過',
    sent: '已發送',
    accepted: '客戶已接受',
    rejected: '客戶已拒絕',
    expired: '已過期',
    superseded: '已有新版本',
  },
  en: {
    draft: 'Draft',
    in_approval: 'In approval',
    approved: 'Approved',
    sent: 'Sent',
    accepted: 'Accepted',
    rejected: 'Rejected',
    expired: 'Expired',
    superseded: 'Superseded',
  },
};

// The quote list as CSV/XLSX: the same filters and scope as the list; cost and margin only for those who may see them.
registerExport({
  entity: 'quotes',
  module: 'quotes',
  query: quoteListQuery,
  list: (db, actor, _ctx, filters, page, pageSize) => listQuotes(db, actor, { ...filters, page, pageSize }),
  fileName: label('报价单', '報價單', 'quotes'),
  columns: [
    column(label('报价单号', '報價單號', 'Number'), 'number'),
    column(label('版本', '版本', 'Version'), 'revision'),
    column(label('标题', '標題', 'Title'), 'title'),
    column(label('客户', '客戶', 'Customer'), 'customerName'),
    column(label('商机', '商機', 'Opportunity'), 'opportunityName'),
    column(label('状态', '狀態', 'Status'), 'status', { codes: STATUS }),
    column(label('总计（含税）', '總計（含稅）', 'Total (tax incl.)'), 'total', 'money'),
    column(label('最大折扣(%)', '最大折扣(%)', 'Largest discount (%)'), 'maxDiscount'),
    column(label('有效期至', '有效期至', 'Valid until'), 'validUntil'),
    { ...column(label('成本', '成本', 'Cost'), 'costTotal', 'money'), visibleTo: canSeeCosts },
    { ...column(label('毛利', '毛利', 'Margin'), 'margin', 'money'), visibleTo: canSeeCosts },
    column(label('负责人', '負責人', 'Owner'), 'ownerName'),
  ],
});
