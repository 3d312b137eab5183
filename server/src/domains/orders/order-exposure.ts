import { OPEN_ORDER_STATUSES } from '@contracts/orders.js';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { registerExposureSource } from '../credit/public.js';
import './order-table.js';

/**
 * M3's input from orders: the exact sum of the totals of each customer's orders that bind the
 * company and are not fully delivered (confirmed or partially delivered; not drafts, not cancelled).
 */
async function openOrderExposures(db: Db, customerIds: readonly string[]): Promise<Map<string, string>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('orders')
    .select(['customer_id', sql<string>`sum(total)::numeric(14,2)::text`.as('exposure')])
    .where('customer_id', 'in', [...customerIds])
    .where('deleted_at', 'is', null)
    .where('status', 'in', [...OPEN_ORDER_STATUSES])
    .groupBy('customer_id')
    .execute();
  return new Map(rows.map((r) => [r.customer_id, r.exposure]));
}

export async function openOrderExposure(db: Db, customerId: string): Promise<string> {
  return (await openOrderExposures(db, [customerId])).get(customerId) ?? '0.00';
}

registerExposureSource({
  key: 'orders',
  labels: { 'zh-CN': '未完成订单', 'zh-TW': '未完成訂單', en: 'Open orders' },
  exposure: openOrderExposures,
});
