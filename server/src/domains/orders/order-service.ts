import {
  type createOrderBody,
  fromHundredths,
  hundredths,
  type Order,
  type OrderRow as OrderApiRow,
  type orderListQuery,
  orderTotal,
  type updateOrderBody,
} from '@contracts/orders.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import { type Actor, can } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { businessDate } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { nextNumber } from '../../platform/numbering/numbering.js';
import { likePattern, runList } from '../../platform/records/list-query.js';
import { ownerNames, type RecordBaseRow, titlesById } from '../../platform/records/record-base-api.js';
import { findVisible, insertRecord, softDeleteRecord, touchRecord, updateRecord } from '../../platform/records/record-store.js';
import { contractEntity } from '../contracts/public.js';
import { customerEntity } from '../customers/public.js';
import { opportunityEntity } from '../opportunities/public.js';
import { orderDeliveries } from './deliveries.js';
import { orderEntity } from './order-entity.js';
import { buildOrderLines, type NewOrderLine, writeOrderLines } from './order-lines.js';
import { assertOrderStatus } from './order-rules.js';
import type { Env, OrderRow } from './order-table.js';

export type { Env, OrderRow };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

interface LineSums {
  quantity: bigint;
  delivered: bigint;
  nextRequiredDate: string | null;
}

async function lineSums(db: Db, orderIds: string[]): Promise<Map<string, LineSums>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('order_lines')
    .select(['order_id', 'quantity', 'delivered', 'required_date'])
    .where('order_id', 'in', orderIds)
    .execute();
  const out = new Map<string, LineSums>();
  for (const r of rows) {
    const s = out.get(r.order_id) ?? { quantity: 0n, delivered: 0n, nextRequiredDate: null };
    s.quantity += hundredths(r.quantity);
    s.delivered += hundredths(r.delivered);
    if (hundredths(r.delivered) < hundredths(r.quantity) && (!s.nextRequiredDate || r.required_date < s.nextRequiredDate))
      s.nextRequiredDate = r.required_date;
    out.set(r.order_id, s);
  }
  return out;
}

async function headers(db: Db, rows: OrderRow[]): Promise<OrderApiRow[]> {
  const base = await ownerNames(db, rows as unknown as RecordBaseRow[]);
  const customers = await titlesById(
    db,
    'customers',
    rows.map((r) => r.customer_id),
  );
  const contracts = await titlesById(
    db,
    'contracts',
    rows.map((r) => r.contract_id),
    'number',
  );
  const deals = await titlesById(
    db,
    'opportunities',
    rows.map((r) => r.opportunity_id),
  );
  const sums = await lineSums(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const s = sums.get(r.id) ?? { quantity: 0n, delivered: 0n, nextRequiredDate: null };
    return {
      ...base(r as unknown as RecordBaseRow),
      number: r.number,
      customerId: r.customer_id,
      customerName: customers.get(r.customer_id) ?? '',
      contractId: r.contract_id,
      contractNumber: r.contract_id ? (contracts.get(r.contract_id) ?? null) : null,
      opportunityId: r.opportunity_id,
      opportunityName: r.opportunity_id ? (deals.get(r.opportunity_id) ?? null) : null,
      orderDate: r.order_date,
      status: r.status,
      total: r.total,
      quantity: fromHundredths(s.quantity),
      delivered: fromHundredths(s.delivered),
      undelivered: fromHundredths(s.quantity - s.delivered),
      nextRequiredDate: s.nextRequiredDate,
      note: r.note,
      confirmedAt: iso(r.confirmed_at),
    };
  });
}

export async function orderLines(db: Db, orderId: string) {
  const rows = await db.selectFrom('order_lines').selectAll().where('order_id', '=', orderId).orderBy('position').execute();
  return rows.map((l) => ({
    id: l.id,
    position: l.position,
    productId: l.product_id,
    code: l.code,
    name: l.name,
    specification: l.specification,
    unit: l.unit,
    quantity: l.quantity,
    unitPrice: l.unit_price,
    amount: l.amount,
    requiredDate: l.required_date,
    note: l.note,
    delivered: l.delivered,
    undelivered: fromHundredths(hundredths(l.quantity) - hundredths(l.delivered)),
  }));
}

export async function getOrder(db: Db, actor: Actor, id: string, opts: { readOnly?: boolean } = {}): Promise<Order> {
  const r = (await findVisible(db, actor, orderEntity, id)) as unknown as OrderRow;
  const [header] = await headers(db, [r]);
  const mayEdit = !opts.readOnly && can(actor, 'orders', 'edit');
  const owed = r.status === 'confirmed' || r.status === 'partially_delivered';
  return {
    ...header,
    lines: await orderLines(db, id),
    deliveries: await orderDeliveries(db, id),
    can: {
      edit: mayEdit && r.status === 'draft',
      submit: mayEdit && r.status === 'draft',
      cancel: mayEdit && (r.status === 'draft' || r.status === 'confirmed'),
      delete: !opts.readOnly && can(actor, 'orders', 'delete') && r.status === 'draft',
      deliver: mayEdit && owed,
      undoDelivery: mayEdit && (owed || r.status === 'delivered'),
    },
  };
}

const SORTABLE: Record<string, string> = {
  orderDate: 'order_date',
  updatedAt: 'updated_at',
  createdAt: 'created_at',
  total: 'total',
  number: 'number',
};

export async function listOrders(db: Db, actor: Actor, q: z.infer<typeof orderListQuery>) {
  let f = db.selectFrom('orders').where('deleted_at', 'is', null).where(scopeFilter(actor));
  if (q.status) f = f.where('status', '=', q.status);
  if (q.customerId) f = f.where('customer_id', '=', q.customerId);
  if (q.ownerId) f = f.where('owner_id', '=', q.ownerId);
  if (q.dateFrom) f = f.where('order_date', '>=', q.dateFrom);
  if (q.dateTo) f = f.where('order_date', '<=', q.dateTo);
  if (q.q) f = f.where('number', 'ilike', likePattern(q.q));
  const sum = await f.select(sql<string>`coalesce(sum(total), 0)::text`.as('amount')).executeTakeFirstOrThrow();
  const page = await runList<OrderRow>(f, q, SORTABLE, '-orderDate', (x) => x.selectAll());
  return { ...page, items: await headers(db, page.items), amountTotal: normalise(sum.amount) };
}

/** '1234.5' → '1234.50', the API's spelling of money. */
const normalise = (v: string) => fromHundredths(hundredths(v));

/** A referenced record the caller may not see, or that does not exist, is a field error (400), not a 404 of the order. */
const orFieldError = (field: string) => (e: unknown) => {
  if (e instanceof AppError && e.code === 'NOT_FOUND') throw fieldError(field, 'reference');
  throw e;
};

async function references(trx: Db, actor: Actor, customerId: string, b: { contractId?: string | null; opportunityId?: string | null }) {
  if (b.contractId) {
    const c = await findVisible(trx, actor, contractEntity, b.contractId).catch(orFieldError('contractId'));
    if (c.customer_id !== customerId) throw fieldError('contractId', 'reference');
  }
  if (b.opportunityId) {
    const o = await findVisible(trx, actor, opportunityEntity, b.opportunityId).catch(orFieldError('opportunityId'));
    if (o.customer_id !== customerId) throw fieldError('opportunityId', 'reference');
  }
}

const totalOf = (lines: NewOrderLine[]) => orderTotal(lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unit_price })));

/** M2: a draft order for a customer the caller may see; it belongs to the customer's owner. */
export async function createOrder(trx: Db, actor: Actor, env: Env, b: z.infer<typeof createOrderBody>): Promise<string> {
  const customer = await findVisible(trx, actor, customerEntity, b.customerId).catch(orFieldError('customerId'));
  await references(trx, actor, b.customerId, b);
  const lines = await buildOrderLines(trx, actor, b.lines);
  const row = await insertRecord(
    trx,
    actor,
    orderEntity,
    {
      number: await nextNumber(trx, 'order', env.clock.now(), env.timeZone),
      customer_id: b.customerId,
      contract_id: b.contractId ?? null,
      opportunity_id: b.opportunityId ?? null,
      order_date: b.orderDate ?? businessDate(env.clock.now(), env.timeZone),
      note: b.note ?? null,
      total: totalOf(lines),
    },
    (customer.owner_id as string | null) ?? actor.userId,
  );
  await writeOrderLines(trx, String(row.id), lines);
  return String(row.id);
}

export async function updateOrder(trx: Db, actor: Actor, id: string, b: z.infer<typeof updateOrderBody>): Promise<Order> {
  const before = (await findVisible(trx, actor, orderEntity, id, { forUpdate: true })) as unknown as OrderRow;
  assertOrderStatus(before, ['draft']);
  if (before.version !== b.version) throw new AppError('VERSION_CONFLICT', { current: await getOrder(trx, actor, id) });
  await references(trx, actor, before.customer_id, b);
  const lines = b.lines ? await buildOrderLines(trx, actor, b.lines) : null;
  const patch = Object.fromEntries(
    Object.entries({
      contract_id: b.contractId,
      opportunity_id: b.opportunityId,
      order_date: b.orderDate,
      note: b.note,
      total: lines ? totalOf(lines) : undefined,
    }).filter(([, v]) => v !== undefined),
  );
  const after = await updateRecord(trx, actor, orderEntity, id, b.version, patch, () => getOrder(trx, actor, id));
  if (lines) {
    await writeOrderLines(trx, id, lines);
    if (after.version === before.version) await touchRecord(trx, actor, orderEntity, id);
  }
  return getOrder(trx, actor, id);
}

export async function deleteOrder(trx: Db, actor: Actor, id: string) {
  const before = (await findVisible(trx, actor, orderEntity, id, { forUpdate: true })) as unknown as OrderRow;
  assertOrderStatus(before, ['draft']);
  await softDeleteRecord(trx, actor, orderEntity, id);
}
