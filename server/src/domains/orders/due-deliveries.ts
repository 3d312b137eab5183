import type { DueLine, DueWindow } from '@contracts/orders.js';
import { fromHundredths, hundredths } from '@contracts/orders.js';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { addDays, daysBetween } from '../../platform/dates.js';
import type { Db } from '../../platform/db/database.js';
import './order-table.js';

/** The required dates each reminder tab covers; `today` is the company's business date. */
export function dueRange(window: DueWindow, today: string): { from: string | null; to: string } {
  switch (window) {
    case 'overdue':
      return { from: null, to: addDays(today, -1) };
    case 'today':
      return { from: today, to: today };
    case 'tomorrow':
      return { from: addDays(today, 1), to: addDays(today, 1) };
    default:
      // 未来一周: today and the six days after it.
      return { from: today, to: addDays(today, 6) };
  }
}

/** Undelivered lines of open orders the caller may see (null: every owner, for the reminder job). */
function dueLines(db: Db, actor: Actor | null, window: DueWindow, today: string) {
  const { from, to } = dueRange(window, today);
  const conditions: RawBuilder<SqlBool>[] = [sql<SqlBool>`l.required_date <= ${to}`];
  if (from) conditions.push(sql<SqlBool>`l.required_date >= ${from}`);
  return db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .where(sql<SqlBool>`l.delivered < l.quantity`)
    .where('o.deleted_at', 'is', null)
    .where('o.status', 'in', ['confirmed', 'partially_delivered'])
    .where(actor ? scopeFilter(actor, 'o') : sql<SqlBool>`true`)
    .where(sql<SqlBool>`${sql.join(conditions, sql` AND `)}`);
}

/**
 * Seed 004 自动交货提醒: lines still owed whose required date falls in the tab (今天 / 明天 /
 * 未来一周, or 已逾期), earliest first, with ordered, delivered and undelivered quantities.
 */
export async function dueDeliveries(
  db: Db,
  actor: Actor | null,
  q: { window: DueWindow; today: string; page: number; pageSize: number },
): Promise<{ items: DueLine[]; total: number; counts: Record<DueWindow, number> }> {
  const counts = { overdue: 0, today: 0, tomorrow: 0, week: 0 };
  for (const w of Object.keys(counts) as DueWindow[]) {
    const r = await dueLines(db, actor, w, q.today).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    counts[w] = r.n;
  }
  const rows = await dueLines(db, actor, q.window, q.today)
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .leftJoin('users as u', 'u.id', 'o.owner_id')
    .select([
      'o.id as order_id',
      'o.number',
      'o.customer_id',
      'c.name as customer_name',
      'o.owner_id',
      'u.display_name as owner_name',
      'l.id as line_id',
      'l.code',
      'l.name',
      'l.unit',
      'l.quantity',
      'l.delivered',
      'l.required_date',
    ])
    .orderBy('l.required_date')
    .orderBy('o.number')
    .orderBy('l.position')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total: counts[q.window],
    counts,
    items: rows.map((r) => ({
      orderId: r.order_id,
      orderNumber: r.number,
      orderLineId: r.line_id,
      customerId: r.customer_id,
      customerName: r.customer_name,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      code: r.code,
      name: r.name,
      unit: r.unit,
      quantity: r.quantity,
      delivered: r.delivered,
      undelivered: fromHundredths(hundredths(r.quantity) - hundredths(r.delivered)),
      requiredDate: r.required_date,
      daysLate: Math.max(0, daysBetween(r.required_date, q.today)),
    })),
  };
}
