import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from './api.js';
import { deliveredPercent } from './order-draft.js';

const STATUS_COLOR: Record<OrderStatus, string> = {
  draft: 'default',
  in_approval: 'processing',
  confirmed: 'blue',
  partially_delivered: 'orange',
  delivered: 'success',
  cancelled: 'error',
};

/** 草稿 / 审批中 / 已确认 / 部分发货 / 已发货 / 已取消. */
export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation('orders');
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="order-status" style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}

/** How much of an order (or a line) has gone out, as a small bar. */
export function DeliveryProgress({ quantity, delivered, width = 120 }: { quantity: string; delivered: string; width?: number }) {
  const v = deliveredPercent(quantity, delivered);
  return (
    <Progress
      percent={v}
      size="small"
      style={{ width, margin: 0 }}
      format={() => `${v}%`}
      status={v >= 100 ? 'success' : 'normal'}
      data-testid="order-progress"
    />
  );
}
