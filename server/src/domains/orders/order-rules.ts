import { AppError } from '../../platform/http/errors.js';
import type { OrderStatus } from './order-table.js';

export const STATUS_WORDS: Record<OrderStatus, Record<'zh-CN' | 'zh-TW' | 'en', string>> = {
  draft: { 'zh-CN': '草稿', 'zh-TW': '草稿', en: 'a draft' },
  in_approval: { 'zh-CN': '审批中', 'zh-TW': '審批中', en: 'awaiting approval' },
  confirmed: { 'zh-CN': '已确认', 'zh-TW': '已確認', en: 'confirmed' },
  partially_delivered: { 'zh-CN': '部分发货', 'zh-TW': '部分出貨', en: 'partially delivered' },
  delivered: { 'zh-CN': '已发货', 'zh-TW': '已出貨', en: 'delivered' },
  cancelled: { 'zh-CN': '已取消', 'zh-TW': '已取消', en: 'cancelled' },
};

const DOCUMENT = { 'zh-CN': '订单', 'zh-TW': '訂單', en: 'The order' };

/** A step applies only in some statuses; under approval the order is locked until withdrawn. */
export function assertOrderStatus(o: { status: OrderStatus }, allowed: OrderStatus[]) {
  if (allowed.includes(o.status)) return;
  if (o.status === 'in_approval' && allowed.includes('draft')) throw new AppError('DOCUMENT_LOCKED', { params: { document: DOCUMENT } });
  throw new AppError('ORDER_STATUS', { params: { status: STATUS_WORDS[o.status] } });
}
