import { orderLineAmount, type orderLineInput } from '@contracts/orders.js';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { getProduct } from '../products/public.js';
import type { OrderLineTable } from './order-table.js';

export type NewOrderLine = Omit<OrderLineTable, 'id' | 'order_id' | 'delivered'> & { id?: string };

/**
 * M2: an order's lines from the catalogue — code, name and unit copied from the product (so a later
 * catalogue change does not rewrite the order), the list price unless the rep typed one, and the
 * exact amount quantity × unit price.
 */
export async function buildOrderLines(db: Db, actor: Actor, input: z.infer<typeof orderLineInput>[]): Promise<NewOrderLine[]> {
  const lines: NewOrderLine[] = [];
  for (const [position, l] of input.entries()) {
    const product = await getProduct(db, actor, l.productId).catch((e) => {
      if (e instanceof AppError && e.code === 'NOT_FOUND') throw fieldError(`lines.${position}.productId`, 'reference');
      throw e;
    });
    if (!product.active) throw fieldError(`lines.${position}.productId`, 'product_inactive');
    const unitPrice = l.unitPrice ?? product.listPrice;
    lines.push({
      id: l.id,
      position,
      product_id: product.id,
      code: product.code,
      name: product.name,
      specification: product.specification,
      unit: product.unit,
      quantity: l.quantity,
      unit_price: unitPrice,
      amount: orderLineAmount(l.quantity, unitPrice),
      required_date: l.requiredDate,
      note: l.note ?? null,
    });
  }
  return lines;
}

/** A draft's lines replaced: lines that keep their id are updated, the others inserted, the rest removed. */
export async function writeOrderLines(trx: Db, orderId: string, lines: NewOrderLine[]): Promise<void> {
  const existing = new Set((await trx.selectFrom('order_lines').select('id').where('order_id', '=', orderId).execute()).map((r) => r.id));
  const kept = lines.filter((l) => l.id && existing.has(l.id)).map((l) => l.id as string);
  let gone = trx.deleteFrom('order_lines').where('order_id', '=', orderId);
  if (kept.length) gone = gone.where('id', 'not in', kept);
  await gone.execute();
  for (const { id, ...l } of lines) {
    if (id && existing.has(id)) await trx.updateTable('order_lines').set(l).where('id', '=', id).execute();
    else
      await trx
        .insertInto('order_lines')
        .values({ ...l, order_id: orderId })
        .execute();
  }
}
