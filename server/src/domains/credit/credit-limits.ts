import type { Locale } from '@contracts/common.js';
import type { creditListQuery, putCreditLimitBody } from '@contracts/credit.js';
import { fen } from '@contracts/quote-money.js';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { writeHistory } from '../../platform/records/history.js';
import { findVisible } from '../../platform/records/record-store.js';
import { customerEntity } from '../customers/public.js';
import { exposuresOf, type LimitRow, position, usagePercent } from './credit-position.js';
import './credit-table.js';

const limitRows = (db: Db) =>
  db
    .selectFrom('customers as c')
    .leftJoin('customer_credit_limits as l', 'l.customer_id', 'c.id')
    .select(['c.id as customer_id', 'c.name as customer_name', 'l.credit_limit', 'l.note', 'l.updated_at'])
    .where('c.deleted_at', 'is', null);

/** A customer's limit and exposure, for whoever may see the customer. */
export async function getCreditPosition(db: Db, actor: Actor, customerId: string, locale: Locale) {
  await findVisible(db, actor, customerEntity, customerId);
  const row = (await limitRows(db).where('c.id', '=', customerId).executeTakeFirstOrThrow()) as LimitRow;
  const { parts, exposure } = (await exposuresOf(db, [customerId]))(customerId, locale);
  return position(row, parts, exposure);
}

/** Finance sets, changes or removes (null) a limit; the change is on the customer's history. */
export async function putCreditLimit(trx: Db, actor: Actor, customerId: string, b: z.infer<typeof putCreditLimitBody>) {
  await findVisible(trx, actor, customerEntity, customerId, { forUpdate: true });
  const before = await trx
    .selectFrom('customer_credit_limits')
    .select('credit_limit')
    .where('customer_id', '=', customerId)
    .forUpdate()
    .executeTakeFirst();
  const old = before?.credit_limit ?? null;
  if (b.creditLimit === null) {
    await trx.deleteFrom('customer_credit_limits').where('customer_id', '=', customerId).execute();
  } else {
    const values = { credit_limit: b.creditLimit, note: b.note ?? null, updated_by: actor.userId, updated_at: sql<Date>`now()` };
    await trx
      .insertInto('customer_credit_limits')
      .values({ customer_id: customerId, ...values })
      .onConflict((oc) => oc.column('customer_id').doUpdateSet(values))
      .execute();
  }
  const changed = old === null || b.creditLimit === null ? old !== b.creditLimit : fen(old) !== fen(b.creditLimit);
  if (changed) {
    await writeHistory(trx, actor, {
      entity: 'customer',
      recordId: customerId,
      action: 'update',
      changes: [{ field: 'creditLimit', old, new: b.creditLimit }],
    });
  }
}

// Customers with a limit are few (finance sets them one by one), so the list computes every one's
// exposure and sorts by usage, the closest to (or furthest past) the limit first.
const LIST_CAP = 5000;

/** Customers with a limit in the caller's scope, by usage of the limit, highest first. */
export async function listCreditLimits(db: Db, actor: Actor, q: z.infer<typeof creditListQuery>, locale: Locale) {
  let query = db
    .selectFrom('customer_credit_limits as l')
    .innerJoin('customers as c', 'c.id', 'l.customer_id')
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .select(['c.id as customer_id', 'c.name as customer_name', 'l.credit_limit', 'l.note', 'l.updated_at', 'u.display_name as owner_name'])
    .where('c.deleted_at', 'is', null)
    .where(scopeFilter(actor, 'c'));
  if (q.q) query = query.where('c.name', 'ilike', `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  const rows = await query.orderBy('c.name').limit(LIST_CAP).execute();
  const of = await exposuresOf(
    db,
    rows.map((r) => r.customer_id),
  );
  const items = rows
    .map((r) => {
      const { parts, exposure } = of(r.customer_id, locale);
      return { ...position(r as LimitRow, parts, exposure), ownerName: r.owner_name, usage: usagePercent(r.credit_limit, exposure) };
    })
    .filter((i) => q.minUsage === undefined || i.usage === null || fen(i.usage) >= fen(String(q.minUsage)))
    // Over a zero limit (usage null) first, then by usage.
    .sort((a, b) => (a.usage === null ? -1 : b.usage === null ? 1 : Number(fen(b.usage) - fen(a.usage))));
  const start = (q.page - 1) * q.pageSize;
  return { items: items.slice(start, start + q.pageSize), total: items.length, page: q.page, pageSize: q.pageSize };
}
