import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { customerInRegion } from '../customers/public.js';

/**
 * T1 回款: money collected per owner of the payment and month received, in the caller's scope. Only
 * payments finance confirmed count; an expected (registered, unconfirmed) payment is not yet money in.
 * By region: the region of the contract's customer.
 */
export async function confirmedCollectionsByOwnerMonth(
  db: Db,
  actor: Actor,
  window: { from: string; toExclusive: string; region?: string },
) {
  const { rows } = await sql<{ ownerId: string; ownerDeptId: string | null; month: string; value: string }>`
    SELECT t.owner_id AS "ownerId", t.owner_dept_id AS "ownerDeptId", to_char(t.received_on, 'YYYY-MM') AS month,
           sum(t.amount)::numeric(16,2)::text AS value
      FROM payments t
     WHERE t.deleted_at IS NULL AND t.status = 'confirmed'
       AND t.received_on >= ${window.from}::date AND t.received_on < ${window.toExclusive}::date AND ${scopeFilter(actor, 't')}
       AND ${window.region ? customerInRegion(sql`(SELECT c.customer_id FROM contracts c WHERE c.id = t.contract_id)`, window.region) : sql`true`}
     GROUP BY 1, 2, 3`.execute(db);
  return rows;
}
