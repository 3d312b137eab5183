import { type createDeliveryBody, type Delivery, fromHundredths, hundredths } from '@contracts/orders.js';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { writeHistory } from '../../platform/records/history.js';
import { followDeliveries, lockOrder } from './order-lifecycle.js';
import { assertOrderStatus } from './order-rules.js';
import './order-table.js';

/** An order's deliveries, newest first, each with its quantities per line. */
export async function orderDeliveries(db: Db, orderId: string): Promise<Delivery[]> {
  const rows = await db
    .selectFrom('deliveries as d')
    .leftJoin('users as u', 'u.id', 'd.created_by')
    .select(['d.id', 'd.order_id', 'd.delivered_on', 'd.carrier', 'd.tracking_no', 'd.note', 'd.created_at', 'u.display_name'])
    .where('d.order_id', '=', orderId)
    .orderBy('d.delivered_on', 'desc')
    .orderBy('d.created_at', 'desc')
    .execute();
  const lines = rows.length
    ? await db
        .selectFrom('delivery_lines as dl')
        .innerJoin('order_lines as l', 'l.id', 'dl.order_line_id')
        .select(['dl.delivery_id', 'dl.order_line_id', 'dl.quantity', 'l.name', 'l.unit'])
        .where(
          'dl.delivery_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('l.position')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    deliveredOn: r.delivered_on,
    carrier: r.carrier,
    trackingNo: r.tracking_no,
    note: r.note,
    createdBy: r.display_name,
    createdAt: r.created_at.toISOString(),
    lines: lines
      .filter((l) => l.delivery_id === r.id)
      .map((l) => ({ orderLineId: l.order_line_id, name: l.name, unit: l.unit, quantity: l.quantity })),
  }));
}

/**
 * M2 发货: quantities against the order's lines (partial allowed), never more than a line still
 * owes; the lines' delivered quantities and the order's status change in the same transaction,
 * under the order row's lock, so two people delivering at once cannot both take the last units.
 */
export async function recordDelivery(trx: Db, actor: Actor, b: z.infer<typeof createDeliveryBody>): Promise<string> {
  const order = await lockOrder(trx, actor, b.orderId);
  assertOrderStatus(order, ['confirmed', 'partially_delivered']);
  const lines = new Map((await trx.selectFrom('order_lines').selectAll().where('order_id', '=', order.id).execute()).map((l) => [l.id, l]));
  const seen = new Set<string>();
  for (const [i, d] of b.lines.entries()) {
    const line = lines.get(d.orderLineId);
    if (!line) throw fieldError(`lines.${i}.orderLineId`, 'order_line_unknown');
    if (seen.has(d.orderLineId)) throw fieldError(`lines.${i}.orderLineId`, 'order_line_twice');
    seen.add(d.orderLineId);
    const remaining = hundredths(line.quantity) - hundredths(line.delivered);
    if (hundredths(d.quantity) > remaining)
      throw new AppError('ORDER_OVER_DELIVERY', {
        params: {
          name: line.name,
          unit: line.unit,
          remaining: fromHundredths(remaining),
          quantity: fromHundredths(hundredths(d.quantity)),
        },
      });
  }
  const delivery = await trx
    .insertInto('deliveries')
    .values({
      order_id: order.id,
      delivered_on: b.deliveredOn,
      carrier: b.carrier ?? null,
      tracking_no: b.trackingNo ?? null,
      note: b.note ?? null,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('delivery_lines')
    .values(b.lines.map((d) => ({ delivery_id: delivery.id, order_line_id: d.orderLineId, quantity: d.quantity })))
    .execute();
  for (const d of b.lines) {
    const line = lines.get(d.orderLineId);
    if (line)
      await trx
        .updateTable('order_lines')
        .set({ delivered: fromHundredths(hundredths(line.delivered) + hundredths(d.quantity)) })
        .where('id', '=', line.id)
        .execute();
  }
  await writeHistory(trx, actor, {
    entity: 'order',
    recordId: order.id,
    action: 'update',
    changes: [
      { field: 'delivery', old: null, new: { deliveredOn: b.deliveredOn, lines: b.lines.length, trackingNo: b.trackingNo ?? null } },
    ],
  });
  await followDeliveries(trx, actor, order);
  return delivery.id;
}

/** Undo a delivery (recorded by mistake): its quantities are owed again and the status follows. */
export async function undoDelivery(trx: Db, actor: Actor, deliveryId: string): Promise<string> {
  const found = await trx
    .selectFrom('deliveries')
    .select(['id', 'order_id', 'delivered_on'])
    .where('id', '=', deliveryId)
    .executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND');
  const order = await lockOrder(trx, actor, found.order_id);
  assertOrderStatus(order, ['confirmed', 'partially_delivered', 'delivered']);
  // Read again under the lock: a concurrent undo of the same delivery finds nothing to give back.
  const delivery = await trx.selectFrom('deliveries').select('id').where('id', '=', deliveryId).forUpdate().executeTakeFirst();
  if (!delivery) throw new AppError('NOT_FOUND');
  const given = await trx
    .selectFrom('delivery_lines')
    .select(['order_line_id', 'quantity'])
    .where('delivery_id', '=', deliveryId)
    .execute();
  for (const g of given) {
    const line = await trx.selectFrom('order_lines').select('delivered').where('id', '=', g.order_line_id).executeTakeFirstOrThrow();
    await trx
      .updateTable('order_lines')
      .set({ delivered: fromHundredths(hundredths(line.delivered) - hundredths(g.quantity)) })
      .where('id', '=', g.order_line_id)
      .execute();
  }
  await trx.deleteFrom('deliveries').where('id', '=', deliveryId).execute();
  await writeHistory(trx, actor, {
    entity: 'order',
    recordId: order.id,
    action: 'update',
    changes: [{ field: 'delivery', old: { deliveredOn: found.delivered_on, lines: given.length }, new: null }],
  });
  await followDeliveries(trx, actor, order);
  return order.id;
}
