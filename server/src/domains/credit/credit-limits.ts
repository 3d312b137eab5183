import type { Locale } from '@contracts/common.js';
import { type creditListQuery, type putCreditLimitBody, usagePercent } from '@contracts/credit.js';
import { fen } from '@contracts/quote-money.js';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { likePattern } from '../../platform/records/list-query.js';
import { findVisible, updateRecord } from '../../platform/records/record-store.js';
import { customerEntity } from '../customers/public.js';
import { exposuresOf, type LimitRow, position } from './credit-position.js';

const limitRow = (r: Record<string, unknown>): LimitRow => ({
  customer_id: r.id as string,
  customer_name: r.name as string,
  credit_limit: r.credit_limit as string | null,
  version: r.version as number,
});

/** A customer's limit and exposure, for whoever may see the customer. */
export async function getCreditPosition(db: Db, actor: Actor, customerId: string, locale: Locale) {
  const row = limitRow(await findVisible(db, actor, customerEntity, customerId));
  const { parts, exposure } = (await exposuresOf(db, [customerId]))(customerId, locale);
  return position(row, parts, exposure);
}

/**
 * Finance sets, changes or removes (null) the limit: the customer's own credit_limit, changed like
 * any field of it (version checked, on its history), without needing to edit the rest of the customer.
 */
export async function putCreditLimit(trx: Db, actor: Actor, customerId: string, b: z.infer<typeof putCreditLimitBody>) {
  await updateRecord(trx, actor, customerEntity, customerId, b.version, { credit_limit: b.creditLimit }, (row) => ({
    version: row.version,
    creditLimit: row.credit_limit,
  }));
}

// Customers with a limit are few (finance sets them one by one), so the list computes every one's
// exposure and sorts by usage, the closest to (or furthest past) the limit first.
const LIST_CAP = 5000;

/** Customers with a limit in the caller's scope, by usage of the limit, highest first. */
export async function listCreditLimits(db: Db, actor: Actor, q: z.infer<typeof creditListQuery>, locale: Locale) {
  let query = db
    .selectFrom('customers as c')
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .select(['c.id', 'c.name', 'c.credit_limit', 'c.version', 'u.display_name as owner_name'])
    .where('c.credit_limit', 'is not', null)
    .where('c.deleted_at', 'is', null)
    .where(scopeFilter(actor, 'c'));
  if (q.q) query = query.where('c.name', 'ilike', likePattern(q.q));
  const rows = await query.orderBy('c.name').limit(LIST_CAP).execute();
  const of = await exposuresOf(
    db,
    rows.map((r) => r.id),
  );
  const items = rows
    .map((r) => {
      const { parts, exposure } = of(r.id, locale);
      return { ...position(limitRow(r), parts, exposure), ownerName: r.owner_name, usage: usagePercent(r.credit_limit, exposure) };
    })
    .filter((i) => q.minUsage === undefined || i.usage === null || fen(i.usage) >= fen(String(q.minUsage)))
    // Over a zero limit (usage null) first, then by usage.
    .sort((a, b) => (a.usage === null ? -1 : b.usage === null ? 1 : Number(fen(b.usage) - fen(a.usage))));
  const start = (q.page - 1) * q.pageSize;
  return { items: items.slice(start, start + q.pageSize), total: items.length, page: q.page, pageSize: q.pageSize };
}
