import { orderListQuery } from '@contracts/orders.js';
import { column, type Label, registerExport } from '../exports/public.js';
import { listOrders } from './order-service.js';

const label = (zhCN: string, zhTW: string, en: string): Label => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });
const STATUS = {
  'zh-CN': {
    draft: '草稿',
    in_approval: '审批中',
    confirmed: '已确认',
    partially_delivered: '部分发货',
    delivered: '已发货',
    cancelled: '已取消',
  },
  'zh-TW': {
    draft: '草稿',
    in_approval: '審批中',
    confirmed: '已確認',
    partially_delivered: '部分出貨',
    delivered: '已出貨',
    cancelled: '已取消',
  },
  en: {
    draft: 'Draft',
    in_approval: 'In approval',
    confirmed: 'Confirmed',
    partially_delivered: 'Partially delivered',
    delivered: 'Delivered',
    cancelled: 'Cancelled',
  },
};

// The order list as CSV/XLSX: the same filters and scope as the list.
registerExport({
  entity: 'orders',
  module: 'orders',
  query: orderListQuery,
  list: (db, actor, _ctx, filters, page, pageSize) => listOrders(db, actor, { ...filters, page, pageSize }),
  fileName: label('销售订单', '銷售訂單', 'orders'),
  columns: [
    column(label('订单编号', '訂單編號', 'Number'), 'number'),
    column(label('客户', '客戶', 'Customer'), 'customerName'),
    column(label('下单日期', '下單日期', 'Order date'), 'orderDate'),
    column(label('状态', '狀態', 'Status'), 'status', { codes: STATUS }),
    column(label('订单金额', '訂單金額', 'Total'), 'total', 'money'),
    column(label('订购数量', '訂購數量', 'Ordered'), 'quantity'),
    column(label('已发数量', '已出數量', 'Delivered'), 'delivered'),
    column(label('未发数量', '未出數量', 'Undelivered'), 'undelivered'),
    column(label('最近要求交货日', '最近要求交貨日', 'Next due'), 'nextRequiredDate'),
    column(label('合同编号', '合約編號', 'Contract'), 'contractNumber'),
    column(label('负责人', '負責人', 'Owner'), 'ownerName'),
  ],
});
