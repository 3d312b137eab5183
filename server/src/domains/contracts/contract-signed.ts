import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';

/**
 * T1 签约金额: what was signed per owner and month of the sign date, in the caller's scope. Only
 * effective contracts count, at their amount with every effective amendment (补充协议) included; a
 * terminated or voided contract counts nothing (as in the profit report).
 */
export async function signedAmountByOwnerMonth(db: Db, actor: Actor, window: { from: string; toExclusive: string }) {
  const { rows } = await sql<{ ownerId: string; ownerDeptId: string | null; month: string; value: string }>`
    SELECT t.owner_id AS "ownerId", t.owner_dept_id AS "ownerDeptId", to_char(t.sign_date, 'YYYY-MM') AS month,
           sum(t.amount)::numeric(16,2)::text AS value
      FROM contracts t
     WHERE t.deleted_at IS NULL AND t.status = 'effective'
       AND t.sign_date >= ${window.from}::date AND t.sign_date < ${window.toExclusive}::date AND ${scopeFilter(actor, 't')}
     GROUP BY 1, 2, 3`.execute(db);
  return rows;
}
