import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter, type ScopeNarrowing } from '../../platform/access/data-scope.js';

/**
 * What was sold on contracts, line by line, for sales analysis (T5): the lines of effective contracts
 * signed between `from` and `to` (inclusive) in the caller's scope, with the lines of their effective
 * amendments (an amendment may take quantity away). A contract's own lines carry its whole-contract
 * discount, so `amount` is what the customer pays; `list_amount` is list price × quantity.
 * Columns: product_id, customer_id, owner_id, day (date), quantity, amount, list_amount (numeric).
 */
export function effectiveContractLines(actor: Actor, from: string, to: string, narrow: ScopeNarrowing = {}): RawBuilder<unknown> {
  return sql`
    SELECT l.product_id, c.customer_id, c.owner_id, c.sign_date AS day, l.quantity,
           round(l.amount * CASE WHEN l.amendment_id IS NULL THEN (100 - c.whole_discount) / 100 ELSE 1 END, 2) AS amount,
           round(l.list_price * l.quantity, 2) AS list_amount
      FROM contracts c
      JOIN contract_lines l ON l.contract_id = c.id
      LEFT JOIN contract_amendments a ON a.id = l.amendment_id
     WHERE c.deleted_at IS NULL AND c.status = 'effective'
       AND c.sign_date >= ${from}::date AND c.sign_date <= ${to}::date
       AND (l.amendment_id IS NULL OR a.status = 'effective')
       AND ${scopeFilter(actor, 'c', narrow)}`;
}
