import { OPEN_ORDER_STATUSES } from '@contracts/orders.js';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import './order-table.js';

/**
 * M3's input from orders: the exact sum of the totals of a customer's orders that bind the company
 * and are not fully delivered (confirmed or partially delivered; not drafts, not cancelled).
 */
export async function openOrderExposure(db: Db, customerId: string): Promise<string> {
  const row = await db
    .selectFrom('orders')
    .select(sql<string>`coalesce(sum(total), 0)::numeric(14,2)::text`.as('exposure'))
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .where('status', 'in', [...OPEN_ORDER_STATUSES])
    .executeTakeFirstOrThrow();
  return row.exposure;
}
