import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter, type ScopeNarrowing } from '../../platform/access/data-scope.js';

/**
 * What was sold on orders, line by line, for sales analysis (T5): lines of confirmed orders (confirmed,
 * partly or fully delivered) dated between `from` and `to` (inclusive) in the caller's scope. Orders
 * placed against a contract are left out: the contract's lines already count that sale. An order line
 * keeps no list price, so `list_amount` is the catalogue's list price × quantity.
 * Columns: product_id, customer_id, owner_id, day (date), quantity, amount, list_amount (numeric).
 */
export function confirmedOrderLines(actor: Actor, from: string, to: string, narrow: ScopeNarrowing = {}): RawBuilder<unknown> {
  return sql`
    SELECT ol.product_id, o.customer_id, o.owner_id, o.order_date AS day, ol.quantity, ol.amount,
           round(p.list_price * ol.quantity, 2) AS list_amount
      FROM orders o
      JOIN order_lines ol ON ol.order_id = o.id
      JOIN products p ON p.id = ol.product_id
     WHERE o.deleted_at IS NULL AND o.status IN ('confirmed', 'partially_delivered', 'delivered') AND o.contract_id IS NULL
       AND o.order_date >= ${from}::date AND o.order_date <= ${to}::date
       AND ${scopeFilter(actor, 'o', narrow)}`;
}
