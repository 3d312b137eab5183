import { hundredths } from '@contracts/orders.js';
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { submitForApproval } from '../../platform/approvals/public.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { writeHistory } from '../../platform/records/history.js';
import { assertWithinCredit } from '../credit/public.js';
import { findVisible } from '../../platform/records/record-store.js';
import { orderEntity } from './order-entity.js';
import { assertOrderStatus } from './order-rules.js';
import type { Env, OrderRow, OrderStatus } from './order-table.js';

/**
 * A change of status, with history and a new version. Approval hooks run as the approver (who may
 * not have the order in his scope) and the reminder job as the system, so this writes directly.
 */
export async function setOrder(trx: Db, actor: Actor, o: Pick<OrderRow, 'id' | 'status'>, patch: Record<string, unknown>) {
  await trx
    .updateTable('orders')
    .set({ ...patch, version: sql`version + 1`, updated_by: actor.via === 'system' ? null : actor.userId, updated_at: sql`now()` })
    .where('id', '=', o.id)
    .execute();
  if ('status' in patch && patch.status !== o.status)
    await writeHistory(trx, actor, {
      entity: 'order',
      recordId: o.id,
      action: 'update',
      changes: [{ field: 'status', old: o.status, new: patch.status }],
    });
}

/** The order row, locked for the rest of the transaction: every multi-row change of an order takes it first. */
export async function lockOrder(trx: Db, actor: Actor, id: string, version?: number): Promise<OrderRow> {
  const o = (await findVisible(trx, actor, orderEntity, id, { forUpdate: true })) as unknown as OrderRow;
  if (version !== undefined && o.version !== version) throw new AppError('VERSION_CONFLICT');
  return o;
}

export interface ConfirmedBy {
  actor: Actor;
  now: Date;
}

/**
 * The one place where an order becomes binding (M2; M3's credit check belongs here, before the
 * status changes). Called on submit when no approval flow is set up, and by the approval on approve.
 * The caller holds the order row's lock.
 */
export async function confirmOrder(trx: Db, order: Pick<OrderRow, 'id' | 'status' | 'customer_id' | 'total'>, by: ConfirmedBy) {
  await setOrder(trx, by.actor, order, { status: 'confirmed', confirmed_at: by.now });
}

/**
 * Submit a draft: through the approval engine when the admin set up a flow for orders; without one
 * the order is confirmed at once.
 */
export async function submitOrder(trx: Db, actor: Actor, env: Env, id: string, version: number) {
  const o = await lockOrder(trx, actor, id, version);
  assertOrderStatus(o, ['draft']);
  // M3: past the customer's credit limit it stops here, unless the order flow has a credit override step.
  const customer = await trx.selectFrom('customers').select('name').where('id', '=', o.customer_id).executeTakeFirstOrThrow();
  await assertWithinCredit(trx, { documentType: 'order', customerId: o.customer_id, customerName: customer.name, adding: o.total });
  const now = env.clock.now();
  let routed: Awaited<ReturnType<typeof submitForApproval>>;
  try {
    routed = await submitForApproval(trx, actor, 'order', id, { now, timeZone: env.timeZone });
  } catch (e) {
    // No flow: nothing was written by the engine, so the order is simply confirmed.
    if (e instanceof AppError && e.code === 'APPROVAL_NO_FLOW') return confirmOrder(trx, o, { actor, now });
    throw e;
  }
  // Approved at once (every step skipped by its condition): onApproved has already confirmed it.
  if (routed.status === 'pending') await setOrder(trx, actor, o, { status: 'in_approval' });
}

/** Cancel an order nothing was delivered of (a draft or a confirmed one). */
export async function cancelOrder(trx: Db, actor: Actor, env: Env, id: string, version: number) {
  const o = await lockOrder(trx, actor, id, version);
  assertOrderStatus(o, ['draft', 'confirmed']);
  await setOrder(trx, actor, o, { status: 'cancelled', cancelled_at: env.clock.now() });
}

/** M2: the status follows the deliveries — nothing delivered, some, or every line in full. */
export async function followDeliveries(trx: Db, actor: Actor, o: Pick<OrderRow, 'id' | 'status'>) {
  const lines = await trx.selectFrom('order_lines').select(['quantity', 'delivered']).where('order_id', '=', o.id).execute();
  const none = lines.every((l) => hundredths(l.delivered) === 0n);
  const all = lines.every((l) => hundredths(l.delivered) === hundredths(l.quantity));
  const status: OrderStatus = all ? 'delivered' : none ? 'confirmed' : 'partially_delivered';
  if (status !== o.status) await setOrder(trx, actor, o, { status });
}
